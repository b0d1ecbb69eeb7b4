import { DNS_WRITE_VARIABLES } from "./dns-write-env.js";
import { AppError } from "../../errors.js";
import type { PanelEvent } from "../events.js";
import { canonicalDomain } from "../names.js";
import type { EventVariable } from "./hook-variables.js";
import { accountAddresses } from "./reader.js";
import { isOneLine, oneLine } from "../../util/one-line.js";

/** The hooks the plugin ships (hooks/<name>.sh) and what each environment means. */
export const DIRECTADMIN_HOOKS = [
  "user_create_post",
  "user_destroy_post",
  "user_suspend_post",
  "user_activate_post",
  "domain_create_post",
  "domain_destroy_post",
  "domain_change_post",
  "domain_pointer_create_post",
  "domain_pointer_destroy_post",
  "dns_create_post",
  "dns_delete_post",
  "dns_write_post",
  "dns_raw_save_post",
] as const;
export type DirectAdminHook = (typeof DIRECTADMIN_HOOKS)[number];

type Env = Readonly<Record<string, string | undefined>>;

/** Longer hook names are no hook of ours; they are shown cut. */
export const HOOK_NAME_MAX = 64;
/** Account and package names longer than this, or not one printable line, are refused rather than cut. */
const NAME_MAX = 64;
const PACKAGE_MAX = 255;

/** A hook environment that cannot be turned into an event; kept aside with this reason, never dropped. */
export class HookEnvError extends AppError {
  constructor(hook: string, problem: string) {
    super(
      "hook_env_invalid",
      `${oneLine(hook, HOOK_NAME_MAX)}: ${problem}; the event was kept in the spool's rejected/ folder — check the DirectAdmin version's hook variables`,
    );
  }
}

/**
 * Turns one DirectAdmin hook environment into a panel event. Variable names per
 * docs/reference/directadmin.md#hook-catalogue and #dns_write_post. Where DirectAdmin's variables are not documented
 * (domain_destroy, pointers, suspend), the conservative reading accepts every spelling seen in the field (`from`,
 * `domain`, `DOMAIN`).
 */
export function eventFromHookEnv(hook: string, env: Env): PanelEvent {
  const need = (...names: EventVariable[]) => {
    const value = pick(env, ...names);
    if (value === undefined) throw new HookEnvError(hook, `the variable ${names.join(" / ")} is missing or empty`);
    return value;
  };
  // Names the plugin keeps and shows: a cut or escaped name would be another account's, so a bad one is refused.
  const name = (value: string | undefined, variable: string, max = NAME_MAX) => {
    if (value === undefined || isOneLine(value, max)) return value;
    const problem = `the variable ${variable} "${oneLine(value)}" is not one printable line of at most ${max} characters`;
    throw new HookEnvError(hook, problem);
  };
  const user = (...names: EventVariable[]) => name(need(...names), names.join(" / ")) as string;
  const optionalUser = (...names: EventVariable[]) => name(pick(env, ...names), names.join(" / "));
  const domain = (...names: EventVariable[]) => normaliseDomain(hook, need(...names));
  const optionalDomain = (...names: EventVariable[]) => {
    const value = pick(env, ...names);
    return value === undefined ? undefined : normaliseDomain(hook, value);
  };
  const restore = pick(env, "skip_template") === "1";
  const ips = accountAddresses(pick(env, "ip"), pick(env, "ips"));

  switch (hook) {
    case "user_create_post":
      return {
        kind: "user-created",
        username: user("username"),
        domain: optionalDomain("domain"),
        package: name(pick(env, "package"), "package", PACKAGE_MAX),
        ips,
        creator: optionalUser("creator"),
        restore,
      };
    case "user_destroy_post":
      return { kind: "user-destroyed", username: user("username") };
    case "user_suspend_post":
      return { kind: "user-suspended", username: user("username") };
    case "user_activate_post":
      return { kind: "user-activated", username: user("username") };
    case "domain_create_post":
      return { kind: "domain-created", username: user("username"), domain: domain("domain"), ips, restore };
    case "domain_destroy_post":
      return { kind: "domain-destroyed", username: optionalUser("username"), domain: domain("domain") };
    case "domain_change_post":
      return { kind: "domain-renamed", username: user("username"), from: domain("domain"), to: domain("newdomain") };
    case "domain_pointer_create_post":
      return {
        kind: "pointer-created",
        username: optionalUser("username"),
        pointer: domain("from"),
        domain: domain("domain", "DOMAIN"),
      };
    case "domain_pointer_destroy_post":
      return {
        kind: "pointer-destroyed",
        username: optionalUser("username"),
        pointer: domain("from"),
        domain: optionalDomain("domain", "DOMAIN"),
      };
    case "dns_create_post":
      // A cluster push names the local admin as username: the zone's owner is on another server.
      if (pick(env, "caller") === "create:raw_save")
        return { kind: "zone-pushed", domain: domain("domain"), restore: restore || pick(env, "zone_existed") === "1" };
      return {
        kind: "zone-created",
        username: optionalUser("username", "USERNAME"),
        domain: domain("domain"),
        restore: restore || pick(env, "zone_existed") === "1",
      };
    case "dns_delete_post":
      return { kind: "zone-deleted", domain: domain("domain") };
    case "dns_write_post":
      return { kind: "zone-written", domain: domain("DOMAIN", "domain"), env: recordVariables(env) };
    case "dns_raw_save_post":
      return { kind: "zone-written", domain: domain("domain", "DOMAIN"), env: undefined };
    default:
      throw new HookEnvError(hook, "this hook is not one wedos-panel handles");
  }
}

function pick(env: Env, ...names: EventVariable[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== "") return value;
  }
  return undefined;
}

function normaliseDomain(hook: string, raw: string): string {
  const ascii = canonicalDomain(raw);
  if (ascii === undefined) throw new HookEnvError(hook, `"${oneLine(raw)}" is not a valid domain name`);
  return ascii;
}

const ZONE_VARIABLES: ReadonlySet<string> = new Set(DNS_WRITE_VARIABLES);

/** Only the variables the zone sync reads from dns_write_post are kept (the hooks record no others anyway). */
function recordVariables(env: Env): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && ZONE_VARIABLES.has(name)) kept[name] = value;
  }
  return kept;
}
