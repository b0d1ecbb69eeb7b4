import type { AccountState, ZoneState } from "../state.js";
import { WapiFailure } from "../wapi-failure.js";

/**
 * Reading command parameters with WEDOS's loose typing (numbers or numeric strings, `1`/`"1"`/`true`) and its
 * generic codes: a missing required parameter is 2100, a malformed domain name 2202.
 */

const DOMAIN_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** A present, non-empty parameter. */
export function required(data: Record<string, unknown>, key: string): unknown {
  const value = data[key];
  if (value === undefined || value === null || value === "") throw new WapiFailure(2100, `\`${key}\` missing`);
  return value;
}

/** A domain name as WAPI takes it: lower-cased, no trailing dot, ASCII (IDNs in punycode). */
export function parseDomainName(value: unknown, key: string): string {
  if (value === undefined || value === null || value === "") throw new WapiFailure(2100, `\`${key}\` missing`);
  const name = typeof value === "string" ? value.toLowerCase() : "";
  if (!DOMAIN_NAME.test(name)) throw new WapiFailure(2202, `invalid domain name ${JSON.stringify(value)}`);
  return name;
}

/**
 * The account's zone named by `data[key]`. A zone this account does not have is 3222 ("opening of the domain
 * failed"), the first zone error every WDNS command lists: with a single simulated account there is no other
 * customer whose zone would justify 3223 ("domain does not belong to your customer account").
 */
export function openZone(account: AccountState, data: Record<string, unknown>, key: string): ZoneState {
  const name = parseDomainName(data[key], key);
  const zone = account.zones[name];
  if (zone === undefined) throw new WapiFailure(3222, `no zone ${name} in this account`);
  return zone;
}

/** A whole number sent as a number or a digit string; undefined for anything else. */
export function looseInteger(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

/** An ID sent as a number or a string, in its string form. */
export function looseId(value: unknown, key: string): string {
  if (value === undefined || value === null || value === "") throw new WapiFailure(2100, `\`${key}\` missing`);
  return typeof value === "number" || typeof value === "string" ? String(value).trim() : "";
}

/** A 0/1 flag as clients send it; undefined when the value is not a flag at all. */
export function looseFlag(value: unknown): boolean | undefined {
  if (value === 1 || value === "1" || value === true) return true;
  if (value === 0 || value === "0" || value === false) return false;
  return undefined;
}

/**
 * A list of strings as clients send it: a JSON array, an XML-style object with repeated children
 * (`{"ip": [...]}`), or one string with comma- or space-separated entries.
 */
export function looseStringList(value: unknown, childKey: string): string[] | undefined {
  if (typeof value === "string") return value.split(/[\s,]+/).filter((entry) => entry !== "");
  if (Array.isArray(value)) return value.every((entry) => typeof entry === "string") ? value : undefined;
  if (typeof value === "object" && value !== null) {
    const child = (value as Record<string, unknown>)[childKey];
    return child === undefined ? undefined : looseStringList(child, childKey);
  }
  return undefined;
}
