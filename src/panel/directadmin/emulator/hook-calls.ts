import type { HookCall } from "./hooks.js";

/**
 * The environment DirectAdmin passes each hook, one builder per hook, each citing the line of
 * ../shared/reference/directadmin.md that says so. Where the reference marks the list unknown, only the
 * variables it reports as seen are passed — never a guessed superset — so the daemon is tested against what is
 * known to arrive, and a reliance on an unconfirmed variable shows up as a failing test.
 */

type Conf = ReadonlyMap<string, string>;
const flag = (on: boolean) => (on ? "1" : "0");

/**
 * user_create_post: "`passwd` (plaintext — never log) and all `user.conf` keys" (§A5.3, Users table;
 * [DOC] user_reseller_management.html: "passwd: password set for user; contents of user.conf"). A restore has
 * no plaintext password (backups keep the hash), so `passwd` is left out then. No `skip_template`: the reference
 * documents it for domain_create and dns_create only.
 */
export function userCreatePost(conf: Conf, passwd: string | undefined): HookCall {
  const env = Object.fromEntries(conf);
  return { hook: "user_create_post", env: passwd === undefined ? env : { ...env, passwd } };
}

/** user_destroy_post: "`username` in practice [CODE] gniza; full list not documented" (§A5.3) — so `username` only. */
export function userDestroyPost(username: string): HookCall {
  return { hook: "user_destroy_post", env: { username } };
}

/** user_suspend_post: "the contents of `user.conf`" [OBS] gniza ADR 0019 (§A5.3), as written after the change. */
export function userSuspendPost(conf: Conf): HookCall {
  return { hook: "user_suspend_post", env: Object.fromEntries(conf) };
}

/** user_activate_post: "the contents of `user.conf`" [OBS] gniza ADR 0019 (§A5.3), as written after the change. */
export function userActivatePost(conf: Conf): HookCall {
  return { hook: "user_activate_post", env: Object.fromEntries(conf) };
}

export interface DomainCreation {
  domain: string;
  username: string;
  creator: string;
  /** The account's first domain (user.conf `domain=`). */
  defaultDomain: boolean;
  restore: boolean;
  userCreation: boolean;
  /** Who asked: the creator on user creation, else the user. */
  createdBy: string;
}

/**
 * domain_create_post: "`domain`, `username`, `creator`, `defaultdomain`, `bandwidth`, `quota`, `cgi`, `php`,
 * `ssl`, `open_basedir`, `skip_template` (1 on restore / existing), `user_creation` (1 when created together with
 * the user), `created_by`" [DOC] domain_management.html (§A5.3, Domains table). Note: no `ip`.
 */
export function domainCreatePost(creation: DomainCreation): HookCall {
  return {
    hook: "domain_create_post",
    env: {
      domain: creation.domain,
      username: creation.username,
      creator: creation.creator,
      defaultdomain: creation.defaultDomain ? "yes" : "no",
      bandwidth: "unlimited",
      quota: "unlimited",
      cgi: "ON",
      php: "ON",
      ssl: "ON",
      open_basedir: "ON",
      skip_template: flag(creation.restore),
      user_creation: flag(creation.userCreation),
      created_by: creation.createdBy,
    },
  };
}

/**
 * domain_change_post (rename): "`domain` (old), `newdomain`, `username`, `bandwidth`, `cgi`, `defaultdomain`,
 * `ip`, `php`, `safemode`, `ssl`, `suspended`" [DOC] domain_management.html and changelog 1.23.2 (§A5.3). The
 * settings come from the domain's `.conf`.
 */
export function domainChangePost(from: string, to: string, username: string, conf: Conf): HookCall {
  const pick = (key: string, fallback: string) => conf.get(key) ?? fallback;
  return {
    hook: "domain_change_post",
    env: {
      domain: from,
      newdomain: to,
      username,
      bandwidth: pick("bandwidth", "unlimited"),
      cgi: pick("cgi", "ON"),
      defaultdomain: pick("defaultdomain", "no"),
      ip: pick("ip", ""),
      php: pick("php", "ON"),
      safemode: pick("safemode", "OFF"),
      ssl: pick("ssl", "ON"),
      suspended: pick("suspended", "no"),
    },
  };
}

/** domain_destroy_post: "`domain` [CODE] spamexperts; full list [UNKNOWN]" (§A5.3) — so `domain` only, no `username`. */
export function domainDestroyPost(domain: string): HookCall {
  return { hook: "domain_destroy_post", env: { domain } };
}

/**
 * domain_pointer_create_post: "the pointer (alias) name is **`from`** [CODE] spamexperts; the owning domain is
 * likely `domain`. [CONFLICT] one community script reads `DOMAIN`" (§A5.3) — `from` and `domain`, not `DOMAIN`
 * and not `username` (neither is reported as seen).
 */
export function pointerCreatePost(pointer: string, domain: string): HookCall {
  return { hook: "domain_pointer_create_post", env: { from: pointer, domain } };
}

/** domain_pointer_destroy_post: as {@link pointerCreatePost} (§A5.3, same table row). */
export function pointerDestroyPost(pointer: string, domain: string): HookCall {
  return { hook: "domain_pointer_destroy_post", env: { from: pointer, domain } };
}

export type DnsCreateCaller = "create:domain" | "create:pointer" | "create:swap" | "create:zone" | "create:raw_save";

/**
 * dns_create_post: "`domain`; `signed_zone` (1 for `<domain>.db.signed`); `skip_template` (1 on restore);
 * `zone_existed` (1 if already in `named.conf`); `username` (owner); `caller`" [DOC] dns.html (§A5.3, DNS table).
 * The emulator keeps no named.conf: a zone "existed" when its zone file did before the action.
 */
export function dnsCreatePost(options: { domain: string; username: string; caller: DnsCreateCaller; restore: boolean; zoneExisted: boolean }): HookCall {
  return {
    hook: "dns_create_post",
    env: {
      domain: options.domain,
      signed_zone: "0",
      skip_template: flag(options.restore),
      zone_existed: flag(options.zoneExisted),
      username: options.username,
      caller: options.caller,
    },
  };
}

/**
 * dns_delete_post: "`domain`; `USERNAME` (owner, when the zone was created with a domain), `CREATOR`, `PACKAGE` —
 * not always present" [DOC] dns.html (§A5.3). `owner` is given for a domain's zone and left out for a pointer's.
 */
export function dnsDeletePost(domain: string, owner?: { username: string; creator: string; package: string }): HookCall {
  const env: Record<string, string> = { domain };
  if (owner !== undefined) Object.assign(env, { USERNAME: owner.username, CREATOR: owner.creator, PACKAGE: owner.package });
  return { hook: "dns_delete_post", env };
}

/**
 * dns_raw_save_post: a raw zone saved through the multi-server API (`CMD_API_DNS_ADMIN action=rawsave`), "`domain`
 * only; read the zone file" [DOC] dns.html (§A5.3). dns_write_post does not fire for these saves.
 */
export function dnsRawSavePost(domain: string): HookCall {
  return { hook: "dns_raw_save_post", env: { domain } };
}

/** dns_write_post: the zone-level values and record lists of §A5.4, built by zone.ts `dnsWriteEnv`. */
export function dnsWritePost(env: Record<string, string>): HookCall {
  return { hook: "dns_write_post", env };
}
