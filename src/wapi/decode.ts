import { WapiDecodeError, WapiHttpError } from "./errors.js";
import { parseReply, type WapiReply } from "./envelope.js";
import type { HttpAnswer } from "./transport.js";

/**
 * Turns an HTTP answer into a WAPI reply for the request that was sent, or the decode/HTTP error that explains
 * why it is not one. Bodies that are not a JSON WAPI response — WEDOS's front end sometimes answers a plain
 * `User-Agent Rate Limit` or an HTML protection page — are retryable transport-level failures.
 */
export function decodeAnswer(command: string, url: string, clTRID: string, answer: HttpAnswer): WapiReply {
  const excerpt = answer.body.slice(0, 200);
  if (answer.status !== 200) throw new WapiHttpError(command, url, answer.status, excerpt);

  const trimmed = answer.body.trim();
  if (/^user-agent rate limit$/i.test(trimmed)) throw new WapiDecodeError(command, "rate-limit-text", "", excerpt);
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    if (/doctype|protection/i.test(trimmed)) throw new WapiDecodeError(command, "protection-page", "", excerpt);
    throw new WapiDecodeError(command, "not-json", trimmed.slice(0, 40), excerpt);
  }
  const reply = parseReply(json);
  if (typeof reply === "string") throw new WapiDecodeError(command, "bad-envelope", reply, excerpt);

  // An error answer may come before WEDOS has read our clTRID; a success must always echo it.
  const clTRIDMismatch = reply.clTRID === undefined ? reply.code < 2000 : reply.clTRID !== clTRID;
  const commandMismatch = reply.command !== undefined && reply.command !== command;
  if (clTRIDMismatch || commandMismatch) {
    const detail = `sent clTRID ${JSON.stringify(clTRID)} and command "${command}", got clTRID ${JSON.stringify(reply.clTRID ?? null)} and command ${JSON.stringify(reply.command ?? null)}`;
    throw new WapiDecodeError(command, "mismatch", detail, excerpt);
  }
  return reply;
}
