import type { HookCall } from "./hooks.js";

/**
 * The environment DirectAdmin passes each hook, one builder per hook, each following its row of
 * docs/reference/directadmin.md#hook-catalogue. Where no list is documented, only the variables reported as seen
 * are passed — never a guessed superset — so the daemon is tested against what is known to arrive, and a reliance
 * on an unconfirmed variable shows up as a failing test.
 */

type Conf = ReadonlyMap<string, string>;
const flag = (on: boolean) => (on ? "1" : "0");

/**
 * user_create_post: `passwd`, the password in plain text, and every `user.conf` key (documented). A restore has no
 * plain-text password (backups keep the hash), so `passwd` is left out then. No `skip_template`: it is documented
 * for domain_create and dns_create only.
 */
export function userCreatePost(conf: Conf, passwd: string | undefined): HookCall {
  const env = Object.fromEntries(conf);
  return { hook: "user_create_post", env: passwd === undefined ? env : { ...env, passwd } };
}

/** user_destroy_post: `username` is what has been seen; no list is documented — so `username` only. */
export function userDestroyPost(username: string): HookCall {
  return { hook: "user_destroy_post", env: { username } };
}

/** user_suspend_post: the account's `user.conf` (observed), as written after the change. */
export function userSuspendPost(conf: Conf): HookCall {
  return { hook: "user_suspend_post", env: Object.fromEntries(conf) };
}

/** user_activate_post: the account's `user.conf` (observed), as written after the change. */
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
 * domain_create_post: the documented list — `domain`, `username`, `creator`, `defaultdomain`, `bandwidth`, `quota`,
 * `cgi`, `php`, `ssl`, `open_basedir`, `skip_template` (1 on a restore), `user_creation` (1 when made together with
 * the account), `created_by`. Note: no `ip`.
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
 * domain_change_post (rename): the documented list — `domain` (the old name), `newdomain`, `username`, `bandwidth`,
 * `cgi`, `defaultdomain`, `ip`, `php`, `safemode`, `ssl`, `suspended`. The settings come from the domain's `.conf`.
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

/** domain_destroy_post: only `domain` has been seen and no list is documented — so `domain` only, no `username`. */
export function domainDestroyPost(domain: string): HookCall {
  return { hook: "domain_destroy_post", env: { domain } };
}

/**
 * domain_pointer_create_post: the pointer (alias) comes as `from` (observed), the domain it points to probably as
 * `domain`; one community script reads `DOMAIN` instead (disputed) — so `from` and `domain`, not `DOMAIN` and not
 * `username` (neither is reported as seen).
 */
export function pointerCreatePost(pointer: string, domain: string): HookCall {
  return { hook: "domain_pointer_create_post", env: { from: pointer, domain } };
}

/** domain_pointer_destroy_post: as {@link pointerCreatePost} (the same row of the catalogue). */
export function pointerDestroyPost(pointer: string, domain: string): HookCall {
  return { hook: "domain_pointer_destroy_post", env: { from: pointer, domain } };
}

export type DnsCreateCaller = "create:domain" | "create:pointer" | "create:swap" | "create:zone" | "create:raw_save";

/**
 * dns_create_post: the documented list — `domain`, `signed_zone`, `skip_template` (1 on a restore), `zone_existed`
 * (1 when the zone was already in `named.conf`), `username` (the owner), `caller`. The emulator keeps no
 * named.conf: a zone "existed" when its zone file did before the action.
 */
export function dnsCreatePost(options: {
  domain: string;
  username: string;
  caller: DnsCreateCaller;
  restore: boolean;
  zoneExisted: boolean;
}): HookCall {
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
 * dns_delete_post: `domain`, and — documented as not always present — `USERNAME` (the owner, when the zone came
 * with a domain), `CREATOR`, `PACKAGE`. `owner` is given for a domain's zone and left out for a pointer's.
 */
export function dnsDeletePost(
  domain: string,
  owner?: { username: string; creator: string; package: string },
): HookCall {
  const env: Record<string, string> = { domain };
  if (owner !== undefined)
    Object.assign(env, { USERNAME: owner.username, CREATOR: owner.creator, PACKAGE: owner.package });
  return { hook: "dns_delete_post", env };
}

/**
 * dns_raw_save_post: a whole zone saved by another server of a multi-server cluster (`CMD_API_DNS_ADMIN
 * action=rawsave`); documented with `domain` alone, the zone being in its file. dns_write_post does not fire for
 * these saves.
 */
export function dnsRawSavePost(domain: string): HookCall {
  return { hook: "dns_raw_save_post", env: { domain } };
}

/**
 * dns_write_post: the zone-level values and record lists of docs/reference/directadmin.md#dns_write_post, built by
 * zone.ts `dnsWriteEnv`.
 */
export function dnsWritePost(env: Record<string, string>): HookCall {
  return { hook: "dns_write_post", env };
}
