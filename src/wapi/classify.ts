import { pragueClockTime } from "./prague-hour.js";
import { isCreditCode, WAPI_CODES } from "./codes.js";
import { WapiResultError } from "./errors.js";

const HOUR_MS = 3_600_000;

/** The start of the next clock hour (UTC and Prague hours share their boundaries). */
export function nextHourStart(epochMs: number): number {
  return Math.floor(epochMs / HOUR_MS) * HOUR_MS + HOUR_MS;
}

/** The address in a 2051 answer, e.g. "Access not allowed from this IP address (2001:db8::1)". */
export function ipFromResult(result: string): string | undefined {
  return /\(([0-9A-Fa-f:.]+)\)/.exec(result)?.[1];
}

/**
 * Turns a WAPI reply that is not one of the command's success codes into a classified error with a message
 * that says what to do. Codes and their meaning: docs/reference/wapi.md#result-codes.
 */
export function resultError(
  command: string,
  reply: { code: number; result: string; svTRID?: string | undefined; timestamp?: number | undefined },
  now: number,
): WapiResultError {
  const { code, result } = reply;
  const said = `code ${code} "${result}"`;
  switch (code) {
    case WAPI_CODES.credentialsRejected:
      return new WapiResultError(
        command,
        reply,
        "stop",
        `WAPI ${command}: WEDOS rejected the credentials (${said}); check wapi.login and the WAPI password (set in the WEDOS customer administration under WAPI, not the login password) and that this server's clock is correct, since the auth hash uses the current Prague hour; requests stay paused until the configuration changes or the cool-down passes`,
      );
    case WAPI_CODES.ipNotAllowed: {
      const ip = ipFromResult(result);
      const address = ip === undefined ? "this server's IP address" : `this server's IP address ${ip}`;
      return new WapiResultError(
        command,
        reply,
        "stop",
        `WAPI ${command}: WEDOS does not accept requests from ${address} (${said}); add ${ip ?? "it"} to the allowed IPs in the WEDOS customer administration (WAPI settings), or set wapi.ipFamily to "ipv4" if only the IPv4 address is allowed`,
        ip === undefined ? {} : { seenIp: ip },
      );
    }
    case WAPI_CODES.ipBlocked:
      return new WapiResultError(
        command,
        reply,
        "stop",
        `WAPI ${command}: WEDOS has temporarily blocked this server's IP address after too many failed requests (${said}); requests stay paused so the block can expire — find the failing requests in the audit log before resuming`,
      );
    case WAPI_CODES.rateLimited: {
      const retryAt = nextHourStart(now);
      return new WapiResultError(
        command,
        reply,
        "retryable",
        `WAPI ${command}: the WEDOS limit of requests per hour is used up (${said}); requests resume at ${pragueClockTime(retryAt)} Prague time`,
        { retryAt },
      );
    }
  }
  if (code >= 4000) {
    return new WapiResultError(
      command,
      reply,
      "retryable",
      `WAPI ${command}: WEDOS failed internally (${said}); the request will be retried later`,
    );
  }
  if (code >= 2000) {
    return new WapiResultError(
      command,
      reply,
      "permanent",
      `WAPI ${command}: WEDOS refused the request (${said}); ${permanentHint(code)}`,
    );
  }
  return new WapiResultError(
    command,
    reply,
    "permanent",
    `WAPI ${command}: unexpected success code ${code} "${result}" for this command; report it to the wedos-panel maintainers`,
  );
}

function permanentHint(code: number): string {
  if (code === WAPI_CODES.zoneRowLimit) return "the zone has reached WEDOS's row limit; ask WEDOS support to raise it";
  if (code === WAPI_CODES.zoneCountLimit)
    return "the account has reached WEDOS's limit of DNS zones; ask WEDOS support to raise it";
  if (code === WAPI_CODES.recordExists) return "the record already exists at WEDOS; re-read the zone before adding";
  if (code === WAPI_CODES.rowGone) return "the row no longer exists at WEDOS; re-read the zone before changing it";
  if (isCreditCode(code))
    return "the WEDOS credit account cannot pay for this (locked, inactive or too little credit); top up or unlock the credit account in the WEDOS administration";
  if (code === 2010 || code === 2011) return "this WAPI command is not available for the account";
  if (code >= 3000)
    return "the object's current state at WEDOS does not allow this; re-read it and check the WEDOS administration";
  return "the request data is invalid; this is a bug unless the data came from the panel, in which case fix the data";
}
