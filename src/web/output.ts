import { STATUS_CODES } from "node:http";
import type { Response } from "express";
import type { PageContext } from "./context.js";
import { securityHeaders } from "./security-headers.js";

/**
 * What the entry script prints, built in one place. `html` (index.html, embedded in the skin): only the body —
 * DirectAdmin cannot pass a status or headers from an embedded page. `raw` (index.raw): a whole HTTP/1.1 response,
 * status line, the security headers, Content-Type and Content-Length, a blank line and the body. `cgi` (cPanel's
 * index.live.pl, WHM's index.cgi): CGI output — a `Status:` header, Content-Type and the security headers, a blank
 * line and the body; cpsrvd frames the HTTP response itself (so no Content-Length).
 */
export function formatOutput(
  page: Pick<PageContext, "request" | "nonce">,
  status: number,
  contentType: string,
  body: string,
): Buffer {
  const payload = Buffer.from(body, "utf8");
  const { mode } = page.request;
  if (mode === "html") return payload;
  const reason = STATUS_CODES[status] ?? "Unknown";
  const headers: Array<[string, string]> = [["Content-Type", contentType], ...securityHeaders(page.nonce)];
  if (mode === "raw") headers.push(["Content-Length", String(payload.length)]);
  const first = mode === "raw" ? `HTTP/1.1 ${status} ${reason}` : `Status: ${status} ${reason}`;
  const head = `${first}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join("")}\r\n`;
  return Buffer.concat([Buffer.from(head, "latin1"), payload]);
}

/**
 * Sends the output to the entry script: always 200 with the bytes to print, because the script prints whatever a
 * 200 carries and shows its own "unavailable" message for anything else.
 */
export function sendOutput(
  res: Response,
  page: Pick<PageContext, "request" | "nonce">,
  status: number,
  contentType: string,
  body: string,
): void {
  res
    .status(200)
    .type("application/octet-stream")
    .set("Cache-Control", "no-store")
    .send(formatOutput(page, status, contentType, body));
}
