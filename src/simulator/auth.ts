import { createHash } from "node:crypto";
import { pragueHourText } from "./prague-hour.js";

/**
 * WAPI authentication as the server checks it: `sha1(login + sha1(password) + HH)` in lowercase hex, HH the two-digit
 * Prague hour (docs/reference/wapi.md#authentication). Written independently of the client's version on purpose.
 */

function sha1Hex(text: string): string {
  return createHash("sha1").update(text, "utf8").digest("hex");
}

/** The only `auth` value accepted at the instant `ms` for this login and WAPI password. */
export function expectedAuth(login: string, password: string, ms: number): string {
  return sha1Hex(login + sha1Hex(password) + pragueHourText(ms));
}

/**
 * Whether a request's `user` and `auth` are valid at `ms`. Strict on purpose (docs/reference/wapi.md#auth-tolerance):
 * the exact login (no case folding), lowercase hex only, and only the current hour (no grace for the previous or next
 * one).
 */
export function isAuthentic(
  account: { login: string; password: string },
  user: string,
  auth: string,
  ms: number,
): boolean {
  return user === account.login && auth === expectedAuth(account.login, account.password, ms);
}
