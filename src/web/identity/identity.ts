import type { PageRequest } from "../protocol.js";

/** DirectAdmin's three access levels, lowest first; each has its own page directory (admin/, reseller/, user/). */
export const LEVELS = ["user", "reseller", "admin"] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: string | undefined): value is Level {
  return (LEVELS as readonly string[]).includes(value ?? "");
}

/**
 * Whether an account of `usertype` may open pages of `level`. DirectAdmin nests its levels: an admin also has a
 * reseller level and a user level (for their own domains), a reseller a user level; a user only their own.
 */
export function mayOpen(usertype: Level, level: Level): boolean {
  return LEVELS.indexOf(usertype) >= LEVELS.indexOf(level);
}

/** What DirectAdmin said about a session (CMD_API_SHOW_USER_CONFIG): the only source of who someone is. */
export interface SessionVerdict {
  username: string;
  usertype: Level;
  /** The account's language setting, if it has one. */
  language: string | undefined;
}

/**
 * Proves who sent a page request from the panel's own word — DirectAdmin's answer about a replayed session
 * (SessionVerifier), the kernel's owner of a cPanel entry's proof file (CpanelProofVerifier) — never from what the
 * request claims. Throws a WebError (401, 403, 503) when it cannot.
 */
export interface VisitorProver {
  prove(request: PageRequest): Promise<SessionVerdict>;
}

/**
 * Who is asking, proven: the verified account, the level of the page being opened (never above the account's),
 * and under login-as the admin or reseller behind the impersonation. `loginAsMaster` comes from DirectAdmin's
 * environment and is believed only because the session it came with verified.
 */
export interface Identity {
  username: string;
  usertype: Level;
  level: Level;
  loginAsMaster: string | undefined;
}

/** DirectAdmin account names: lower-case letters, digits, and in practice '_' and '-' (never anything to escape). */
export const ACCOUNT_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
