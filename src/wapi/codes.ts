import { WapiResultError } from "./errors.js";

/**
 * The WAPI result codes the rest of the plugin acts on, by name (docs/reference/wapi.md#result-codes). Code above
 * `wapi/` asks these predicates instead of comparing numbers, so a code's meaning is written down once.
 */
export const WAPI_CODES = {
  /** Too many requests this hour. */
  rateLimited: 2006,
  /** The login or WAPI password was rejected, or the auth hash was made with a wrong clock. */
  credentialsRejected: 2050,
  /** Requests from this IP address are not allowed by the account's WAPI settings. */
  ipNotAllowed: 2051,
  /** This IP address is blocked for a while after too many invalid requests. */
  ipBlocked: 2052,
  /** The zone has reached WEDOS's row limit. */
  zoneRowLimit: 2310,
  /** A row with this name, type and value exists already. */
  recordExists: 2316,
  /** The account has reached WEDOS's limit of DNS zones. */
  zoneCountLimit: 2322,
  /** No such object (zone or service) at WEDOS. */
  notFound: 3222,
  /** The zone exists already (at this account or at another). */
  zoneExists: 3303,
  /** The row no longer exists. */
  rowGone: 3309,
} as const;

function answeredWith(error: unknown, code: number): boolean {
  return error instanceof WapiResultError && error.wapiCode === code;
}

/** WEDOS has no such zone or service: deleting it is done, and a service it no longer has is terminated. */
export const isGone = (error: unknown): boolean => answeredWith(error, WAPI_CODES.notFound);
/** A zone of that name exists at WEDOS already. */
export const isZoneExisting = (error: unknown): boolean => answeredWith(error, WAPI_CODES.zoneExists);
/** The row an update or delete named is no longer at WEDOS. */
export const isRowGone = (error: unknown): boolean => answeredWith(error, WAPI_CODES.rowGone);
/** The row an add would make is at WEDOS already. */
export const isRecordExisting = (error: unknown): boolean => answeredWith(error, WAPI_CODES.recordExists);
/** WEDOS rejected the login, the WAPI password or the clock the auth hash was made with. */
export const isCredentialsRejected = (error: unknown): boolean => answeredWith(error, WAPI_CODES.credentialsRejected);
/** WEDOS does not accept requests from this server's IP address. */
export const isIpNotAllowed = (error: unknown): boolean => answeredWith(error, WAPI_CODES.ipNotAllowed);

/** The codes that say the WEDOS credit account cannot pay (locked, inactive, too little credit). */
export function isCreditCode(code: number): boolean {
  return (code >= 2279 && code <= 2286) || code === 2293 || code === 3001 || code === 3002;
}
