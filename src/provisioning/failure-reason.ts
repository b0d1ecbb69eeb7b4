import { AppError } from "../errors.js";
import { reason, type Reason, type ReasonCode } from "../model/reason.js";
import { isCreditCode, WAPI_CODES } from "../wapi/codes.js";
import { WapiBudgetError, WapiError, WapiPausedError, WapiResultError, WapiTransportError } from "../wapi/errors.js";

/** WEDOS codes that stop all sending until an admin acts (credentials, IP allow-list, IP block). */
const STOPPING: ReadonlySet<number> = new Set([
  WAPI_CODES.credentialsRejected,
  WAPI_CODES.ipNotAllowed,
  WAPI_CODES.ipBlocked,
]);

/**
 * Why a job (or a domain's sync) failed, as a reason the pages can say to each reader: the WAPI error behind it
 * (its command, code and WEDOS's own words as parameters), a missing zone file, or — for anything else, such as a
 * file this server could not open — "internal", whose detail only the admin reads. `detail` is the error's message
 * unless the caller gives the operator's text (with "gave up after…" in front, say).
 */
export function failureReason(error: Error, detail = error.message): Reason {
  const wapi = wapiErrorIn(error);
  if (wapi !== undefined) {
    const code = wapi instanceof WapiResultError ? wapi.wapiCode : undefined;
    const params = {
      command: wapi.command,
      ...(code === undefined ? {} : { wapiCode: code, result: (wapi as WapiResultError).result }),
    };
    return reason(wapiReasonCode(wapi, code), detail, params);
  }
  if (error instanceof AppError && error.code === "zone_file_unreadable") return reason("zone-file-missing", detail);
  return reason("internal", detail);
}

function wapiReasonCode(error: WapiError, code: number | undefined): ReasonCode {
  if (error instanceof WapiPausedError) return "sending-paused";
  if (error instanceof WapiBudgetError) return "wedos-hour-limit";
  if (error instanceof WapiTransportError) return "wedos-unreachable";
  if (code === undefined) return error.retryable ? "wedos-failing" : "internal";
  if (STOPPING.has(code)) return "sending-paused";
  if (code === WAPI_CODES.rateLimited) return "wedos-hour-limit";
  if (code === WAPI_CODES.zoneCountLimit) return "wedos-zone-limit";
  if (code === WAPI_CODES.zoneRowLimit) return "wedos-row-limit";
  if (isCreditCode(code)) return "wedos-credit";
  return code >= 4000 ? "wedos-failing" : "wedos-refused";
}

/** The WAPI error behind an error that added context on its way up, if any. */
export function wapiErrorIn(error: unknown): WapiError | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if (current instanceof WapiError) return current;
  }
  return undefined;
}
