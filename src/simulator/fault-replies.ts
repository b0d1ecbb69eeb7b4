import type { FaultKind } from "./faults.js";
import { jsonReply, textReply, type HttpReply } from "./response.js";

/**
 * What each injected fault looks like on the wire. The two non-WAPI bodies copy what clients met in 2026
 * (docs/reference/wapi.md#transport): the exact plain text `User-Agent Rate Limit`, and an HTML page that matches
 * `doctype` and `protection`.
 */

const PROTECTION_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>WEDOS Protection</title></head>
<body>
<h1>WEDOS Protection</h1>
<p>Your request was stopped by our cyber protection. Please try again later.</p>
</body>
</html>
`;

export interface FaultReplyContext {
  /** The WAPI code of a `code-4000` or `wapi-code` fault. */
  code: number | null;
  timestamp: number;
  clTRID: string | undefined;
  svTRID: string;
  command: string | undefined;
}

/** The answer for a terminal fault other than `latency`. */
export function faultReply(kind: Exclude<FaultKind, "latency">, context: FaultReplyContext): HttpReply {
  switch (kind) {
    case "drop":
      return { kind: "drop" };
    case "http-500":
      return textReply(500, "Internal Server Error");
    case "http-503":
      return textReply(503, "Service Unavailable");
    case "rate-limit-text":
      return textReply(200, "User-Agent Rate Limit");
    case "protection-page":
      return textReply(200, PROTECTION_PAGE, "text/html; charset=utf-8");
    case "code-4000":
    case "wapi-code": {
      const { code, ...fields } = context;
      return jsonReply({ ...fields, code: code ?? 4000 });
    }
  }
}
