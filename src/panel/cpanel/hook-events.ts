import { isIP } from "node:net";
import { z } from "zod";
import { AppError } from "../../errors.js";
import type { PanelEvent } from "../events.js";
import { canonicalDomain } from "../names.js";
import { CPANEL_HOOKS, hookName } from "./hooks.js";
import { isOneLine, oneLine } from "../../util/one-line.js";

/** Longer hook names are no hook of ours; they are shown cut. */
const HOOK_NAME_MAX = 100;

/** A hook payload that cannot be turned into events; kept aside with this reason, never dropped. */
export class CpanelHookError extends AppError {
  constructor(hook: string, problem: string) {
    super(
      "cpanel_hook_invalid",
      `${oneLine(hook, HOOK_NAME_MAX)}: ${problem}; the event was kept in the spool's rejected/ folder — check the cPanel version's hook payload`,
    );
  }
}

/** cPanel user names: lower-case letters and digits (at most 16 today; a little room is left). */
export const CPANEL_USER = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

const envelopeSchema = z.object({
  context: z.looseObject({ category: z.string().min(1), event: z.string().min(1), stage: z.string().min(1) }),
  data: z.record(z.string(), z.unknown()).default({}),
});

const username = z.string().trim().regex(CPANEL_USER, "is not a cPanel user name");
const packageName = z
  .string()
  .trim()
  .min(1)
  .refine((value) => isOneLine(value, 255), "is not one printable line of at most 255 characters");
const domainName = z.string().transform((value, ctx) => {
  const domain = canonicalDomain(value);
  if (domain === undefined) {
    ctx.addIssue({ code: "custom", message: `"${oneLine(value)}" is not a valid domain name` });
    return z.NEVER;
  }
  return domain;
});

/** The data of one event, read field by field; every bad field is reported at once. */
class DataReader {
  readonly problems: string[] = [];

  constructor(private readonly data: Record<string, unknown>) {}

  /** The first of `names` that is present (cPanel versions differ in spelling), validated; undefined if absent. */
  optional<T>(schema: z.ZodType<T>, ...names: string[]): T | undefined {
    const name = names.find((candidate) => this.value(candidate) !== undefined);
    if (name === undefined) return undefined;
    const parsed = schema.safeParse(this.value(name));
    if (parsed.success) return parsed.data;
    this.problems.push(`data.${name}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
    return undefined;
  }

  need<T>(schema: z.ZodType<T>, ...names: string[]): T {
    const value = this.optional(schema, ...names);
    if (value === undefined && !names.some((name) => this.value(name) !== undefined))
      this.problems.push(`data.${names.join(" / data.")} is missing`);
    return value as T;
  }

  /** `args.x` of a cPanel API call lives under data.args; Whostmgr events carry their fields in data itself. */
  private value(path: string): unknown {
    let value: unknown = this.data;
    for (const part of path.split("."))
      value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    return value === null || value === "" ? undefined : value;
  }
}

type Mapper = (read: DataReader) => PanelEvent[];

/**
 * What each registered event means for the core (see hooks.ts for the list, and docs/decisions/0005-cpanel-adapter.md).
 * Field names: the Whostmgr ones from guide-to-standardized-hooks-whostmgr-functions (Accounts::Create carries
 * createacct's fields); the API ones are the call's arguments under `data.args`, the account under `data.user`.
 * Where cPanel's payloads are not documented, the conservative reading accepts every spelling seen in the field.
 */
const MAPPERS: Readonly<Record<string, Mapper>> = {
  "Whostmgr::Accounts::Create": (read) => {
    // The payload also carries the plaintext password (`pass`): it is never read, and the hook drops it first.
    const ip = read.optional(z.string(), "ip");
    return [
      {
        kind: "user-created",
        username: read.need(username, "user", "username"),
        domain: read.need(domainName, "domain"),
        package: read.optional(packageName, "plan", "pkgname"),
        // createacct's `ip` is "y"/"n" (a dedicated address or not) on input and the address on output.
        ips: ip !== undefined && isIP(ip) !== 0 ? [ip] : [],
        creator: read.optional(username, "owner", "reseller"),
        restore: false,
      },
    ];
  },
  // Removed whether or not cPanel kept the DNS zones (`killdns`): the account is gone, and the termination policy
  // with its grace period decides what happens at WEDOS.
  "Whostmgr::Accounts::Remove": (read) => [
    { kind: "user-destroyed", username: read.need(username, "user", "username") },
  ],
  "Whostmgr::Accounts::suspendacct": (read) => [
    { kind: "user-suspended", username: read.need(username, "user", "username") },
  ],
  "Whostmgr::Accounts::unsuspendacct": (read) => [
    { kind: "user-activated", username: read.need(username, "user", "username") },
  ],
  "Whostmgr::Accounts::change_package": (read) => [
    {
      kind: "package-changed",
      username: read.need(username, "user", "username"),
      package: read.need(packageName, "new_pkg"),
    },
  ],
  // An addon domain is a domain of its own with its own zone (cPanel parks it on a subdomain internally).
  "Cpanel::Api2::AddonDomain::addaddondomain": (read) => [
    {
      kind: "domain-created",
      username: read.need(username, "user"),
      domain: read.need(domainName, "args.newdomain"),
      ips: [],
      restore: false,
    },
  ],
  "Cpanel::Api2::AddonDomain::deladdondomain": (read) => [
    {
      kind: "domain-destroyed",
      username: read.optional(username, "user"),
      domain: read.need(domainName, "args.domain"),
    },
  ],
  // A parked domain (alias) has its own zone, like a DirectAdmin pointer; `topdomain` is absent when it is parked
  // on the main domain.
  "Cpanel::Api2::Park::park": (read) => [
    {
      kind: "pointer-created",
      username: read.optional(username, "user"),
      pointer: read.need(domainName, "args.domain"),
      domain: read.optional(domainName, "args.topdomain"),
    },
  ],
  "Cpanel::Api2::Park::unpark": (read) => [
    {
      kind: "pointer-destroyed",
      username: read.optional(username, "user"),
      pointer: read.need(domainName, "args.domain"),
      domain: undefined,
    },
  ],
  // A subdomain has no zone of its own on cPanel: its records are written into the parent's zone, so the parent
  // zone is synced (and nothing is created at WEDOS that the server does not serve).
  "Cpanel::Api2::SubDomain::addsubdomain": (read) => [
    { kind: "zone-written", domain: read.need(domainName, "args.rootdomain"), env: undefined },
  ],
  "Cpanel::UAPI::SubDomain::addsubdomain": (read) => [
    { kind: "zone-written", domain: read.need(domainName, "args.rootdomain"), env: undefined },
  ],
  // The Zone Editor changed records: the zone is synced from its file, as after DirectAdmin's dns_write_post.
  "Cpanel::UAPI::DNS::mass_edit_zone": (read) => [
    { kind: "zone-written", domain: read.need(domainName, "args.zone"), env: undefined },
  ],
  "Cpanel::Api2::ZoneEdit::add_zone_record": (read) => [
    { kind: "zone-written", domain: read.need(domainName, "args.domain"), env: undefined },
  ],
  "Cpanel::Api2::ZoneEdit::edit_zone_record": (read) => [
    { kind: "zone-written", domain: read.need(domainName, "args.domain"), env: undefined },
  ],
  "Cpanel::Api2::ZoneEdit::remove_zone_record": (read) => [
    { kind: "zone-written", domain: read.need(domainName, "args.domain"), env: undefined },
  ],
  // delsubdomain names the whole subdomain (`blog.example.com`); the parent zone is the rest after its first label.
  "Cpanel::Api2::SubDomain::delsubdomain": (read) => {
    const parent = read.optional(domainName, "args.rootdomain") ?? read.need(parentOf, "args.domain");
    return [{ kind: "zone-written", domain: parent, env: undefined }];
  },
};

const parentOf = z.string().transform((value, ctx) => {
  const parent = canonicalDomain(value.trim().replace(/^[^.]*\./, ""));
  if (parent === undefined || !value.includes(".")) {
    ctx.addIssue({ code: "custom", message: `"${oneLine(value)}" is not a subdomain of a domain` });
    return z.NEVER;
  }
  return parent;
});

/**
 * Turns one Standardized Hooks payload (`{context:{category,event,stage,…}, data:{…}, hook:{…}}`, read from the
 * hook's stdin) into panel events. An API call cPanel reports as failed (API 2 runs post hooks after failures too)
 * yields no events. Throws {@link CpanelHookError} naming every problem; values are never echoed except names.
 */
export function eventsFromHookPayload(payload: unknown): PanelEvent[] {
  const envelope = envelopeSchema.safeParse(payload);
  if (!envelope.success) {
    throw new CpanelHookError(
      "cPanel hook",
      `not a Standardized Hooks payload (${envelope.error.issues.map((issue) => `${oneLine(issue.path.join(".") || "(top level)", 100)}: ${issue.message}`).join("; ")})`,
    );
  }
  const { context, data } = envelope.data;
  const name = hookName(context);
  const mapper = MAPPERS[name];
  if (mapper === undefined) throw new CpanelHookError(name, "this event is not one wedos-panel registers");
  if (context.stage !== "post")
    throw new CpanelHookError(name, `stage "${oneLine(context.stage, 40)}": wedos-panel registers post hooks only`);
  if (context.category === "Cpanel" && callFailed(data)) return [];
  const read = new DataReader(data);
  const events = mapper(read);
  if (read.problems.length > 0) throw new CpanelHookError(name, read.problems.join("; "));
  return events;
}

/** The events the mapping knows, for the test that holds it equal to the registrations. */
export const MAPPED_HOOKS: readonly string[] = Object.keys(MAPPERS);

/** Registered events without a mapping would be rejected at run time; this is checked once, at load. */
for (const hook of CPANEL_HOOKS) {
  if (MAPPERS[hookName(hook)] === undefined)
    throw new Error(`cPanel hook ${hookName(hook)} is registered but not mapped`);
}

/**
 * Whether cPanel says the API call failed: API 2 reports `output: [{result: 0, reason}]` (ZoneEdit
 * `output: [{result: {status: 0}}]`), UAPI `result: {status: 0}` or `status: 0`. Anything else counts as success — the worker reads the panel's zone file anyway.
 */
function callFailed(data: Record<string, unknown>): boolean {
  const zero = (value: unknown) => value === 0 || value === "0" || value === false;
  const record = (value: unknown) =>
    typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  const failedEntry = (entry: unknown) => zero(record(entry)?.result) || zero(record(record(entry)?.result)?.status);
  if (Array.isArray(data.output) && data.output.some(failedEntry)) return true;
  return zero(data.status) || zero(data.result) || zero(record(data.result)?.status);
}
