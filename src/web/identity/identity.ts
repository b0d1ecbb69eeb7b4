import { ACCOUNT_LEVELS, type AccountLevel } from "../../model/account.js";
import type { PageRequest } from "../protocol.js";

/** The panels' three access levels, lowest first; on DirectAdmin each has its own page directory (admin/, reseller/, user/). */
export const LEVELS = ACCOUNT_LEVELS;
export type Level = AccountLevel;

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

/**
 * How a visitor was proven (docs/decisions/0012-who-is-asking.md): by the unix account that runs the page entry
 * (`uid`), by that and DirectAdmin's answer about the session agreeing (`uid+session`), or by the session alone
 * (`session`, for a machine where every page runs as one unix user: the emulator and the demo).
 */
export type ProofKind = "uid" | "uid+session" | "session";

/** Who the panel's own word says the visitor is: the account, its level and its language setting. */
export interface SessionVerdict {
  username: string;
  usertype: Level;
  /** The account's language setting, if it has one. */
  language: string | undefined;
}

/** A verdict and how it was reached. */
export interface ProvenVisitor extends SessionVerdict {
  provenBy: ProofKind;
}

/**
 * Proves who sent a page request from the panel's and the kernel's word — the owner uid of the proof file the entry
 * left (UidProver), DirectAdmin's answer about a replayed session (SessionVerifier), or both agreeing — never from
 * what the request claims. Throws a WebError (401, 403, 503) when it cannot.
 */
export interface VisitorProver {
  prove(request: PageRequest): Promise<ProvenVisitor>;
  close(): Promise<void>;
}

/**
 * Who is asking, proven: the verified account, the level of the page being opened (never above the account's),
 * and under login-as the admin or reseller behind the impersonation. `loginAsMaster` comes from DirectAdmin's
 * environment of the page, which ran as the impersonated account: what backs it depends on `provenBy` (ADR 0012).
 */
export interface Identity {
  username: string;
  usertype: Level;
  level: Level;
  loginAsMaster: string | undefined;
  provenBy: ProofKind;
}

/** Who acts, as pages and the log name them: "bob", or "admin as bob" under login-as. */
export function actorName(identity: Pick<Identity, "username" | "loginAsMaster">): string {
  return identity.loginAsMaster === undefined ? identity.username : `${identity.loginAsMaster} as ${identity.username}`;
}

/** DirectAdmin account names: lower-case letters, digits, and in practice '_' and '-' (never anything to escape). */
export const ACCOUNT_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
