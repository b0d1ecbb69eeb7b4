/**
 * The result text the simulator sends with each WAPI code (docs/reference/wapi.md#result-codes). Texts follow WEDOS's
 * English wording where it is known, including its misspelling of "acquired" for 1002, which clients may match on.
 */
const RESULT_TEXTS: Readonly<Record<number, string>> = {
  1000: "OK",
  1001: "Request pending",
  1002: "Notification aquired",
  1003: "Empty notifications queue",
  2000: "Request parse error",
  2001: "Required parameter missing: user",
  2002: "Required parameter missing: auth",
  2003: "Required parameter missing: command",
  2005: "clTRID is too long",
  2006: "Requests limit exceeded",
  2007: "Maximum request size exceeded",
  2009: "Request is empty",
  2010: "Unknown command",
  2050: "Authentication failure",
  2051: "Access not allowed from this IP address",
  2052: "IP address temporarily blocked due to too many failed requests",
  2100: "Required parameter missing",
  2101: "Parameters mismatch",
  2151: "Notification does not exist",
  2202: "Invalid or unsupported domain name format",
  2203: "Invalid period",
  2272: "Invalid format of IP address",
  2273: "Invalid variant",
  2277: "Explicit www. prefix not allowed",
  2283: "Invalid amount or insufficient credit",
  2291: "Domain already exists for this customer account in the WGP API",
  2301: "Invalid type format",
  2302: "Missing primary_ip",
  2303: "Invalid primary_ip",
  2304: "Invalid axfr_enabled",
  2305: "Missing axfr_ips",
  2306: "Invalid axfr_ips",
  2309: "Invalid record type",
  2310: "Unable to add another record to the domain",
  2311: "Invalid name",
  2312: "Invalid name for this record type",
  2313: "Invalid CNAME for this name",
  2314: "Invalid record data",
  2315: "Invalid TTL",
  2316: "This record already exists",
  2317: "Invalid TTL limit",
  2318: "Action not possible for a secondary domain",
  2319: "Action possible only for a secondary domain",
  2322: "Maximum number of DNS domains exceeded",
  3222: "Opening of the domain failed",
  3303: "Domain exists",
  3309: "Row ID does not exist",
  4000: "Internal error",
};

/** The `result` text for a code; 2051 carries the rejected caller's address the way WEDOS prints it. */
export function resultText(code: number, callerIp?: string): string {
  const text = RESULT_TEXTS[code] ?? `Error ${code}`;
  return code === 2051 && callerIp !== undefined ? `${text} (${callerIp})` : text;
}

/**
 * The first code of the error classes: anything at or above it is a failed ("invalid") request
 * (docs/reference/wapi.md#invalid-request-block).
 */
export const FIRST_ERROR_CODE = 2000;
