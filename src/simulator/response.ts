import { resultText } from "./result-codes.js";

/**
 * Writing WAPI answers. The JSON keeps the field order of real output (`code, result, timestamp, clTRID, svTRID,
 * command, data`, docs/reference/wapi.md#response-envelope), `code` is a number, `clTRID` appears only when the
 * request had one, and `data` only when the command returns something.
 */

/** An HTTP answer, or a connection dropped without one. */
export type HttpReply = { kind: "reply"; status: number; contentType: string; body: string } | { kind: "drop" };

export interface EnvelopeFields {
  code: number;
  /** Defaults to the code's standard text. */
  result?: string;
  timestamp: number;
  clTRID: string | undefined;
  svTRID: string;
  command: string | undefined;
  data?: Record<string, unknown> | undefined;
}

/** The `response` object in WEDOS's field order (also used for notifications, which share the structure). */
export function envelopeObject(fields: EnvelopeFields): Record<string, unknown> {
  const response: Record<string, unknown> = {
    code: fields.code,
    result: fields.result ?? resultText(fields.code),
    timestamp: fields.timestamp,
  };
  if (fields.clTRID !== undefined) response["clTRID"] = fields.clTRID;
  response["svTRID"] = fields.svTRID;
  if (fields.command !== undefined) response["command"] = fields.command;
  if (fields.data !== undefined) response["data"] = fields.data;
  return response;
}

/** A WAPI answer: always HTTP 200, whatever the code. */
export function jsonReply(fields: EnvelopeFields): HttpReply {
  return {
    kind: "reply",
    status: 200,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify({ response: envelopeObject(fields) }),
  };
}

/** A plain-text HTTP answer (404s, injected 5xx, the front end's rate-limit text). */
export function textReply(status: number, body: string, contentType = "text/plain; charset=utf-8"): HttpReply {
  return { kind: "reply", status, contentType, body };
}

/**
 * Server transaction IDs in the captured form "<unix>.<4 digits>.<digits>.<n>", e.g. 1730886863.9062.21431.1.
 * The third part is a sequence number here, so every ID the simulator hands out is unique.
 */
export class SvTridGenerator {
  private sequence = 0;

  next(nowMs: number): string {
    this.sequence += 1;
    const seconds = Math.floor(nowMs / 1000);
    const fraction = String(Math.floor((nowMs % 1000) * 10)).padStart(4, "0");
    return `${seconds}.${fraction}.${10_000 + this.sequence}.1`;
  }
}
