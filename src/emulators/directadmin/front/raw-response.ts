/** An HTTP response as a raw-mode plugin page prints it. */
export interface RawResponse {
  status: number;
  /** In the order printed; names as printed. */
  headers: Array<[name: string, value: string]>;
  body: string;
}

/**
 * Reads what a `.raw` page printed: `HTTP/1.x <status> <reason>`, header lines, a blank line, the body
 * (lines end in CRLF; a bare LF is accepted, as lenient servers do). Undefined when it is not a response.
 */
export function parseRawResponse(output: string): RawResponse | undefined {
  const match = /\r?\n\r?\n/.exec(output);
  if (match === null) return undefined;
  const [statusLine = "", ...lines] = output.slice(0, match.index).split(/\r?\n/);
  const status = /^HTTP\/1\.[01] ([1-5]\d\d)(?: |$)/.exec(statusLine);
  if (status === null) return undefined;
  const headers: RawResponse["headers"] = [];
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) return undefined;
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { status: Number(status[1]), headers, body: output.slice(match.index + match[0].length) };
}
