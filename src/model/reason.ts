/**
 * Why something is as it is (a job failed or waits, a domain's DNS is off or in error): a code with parameters, which
 * each page renders in its visitor's language and for their level, and the operator's English text (`detail`: the
 * error as raised, with the WAPI command, code and WEDOS's own words), which the CLI, the log and the admin read.
 * Stored as two columns: the text as before, and the code with its parameters as JSON (docs/decisions/0038).
 */

/** Every reason the plugin gives, by what the reader should understand; the pages have a text for each. */
export const REASON_CODES = [
  // WEDOS answered, and the answer says why.
  "wedos-zone-limit",
  "wedos-row-limit",
  "wedos-credit",
  "wedos-refused",
  "wedos-failing",
  "wedos-unreachable",
  "wedos-hour-limit",
  "sending-paused",
  // What the plugin found.
  "zone-file-missing",
  "zone-conflict",
  "not-applied",
  "records-not-synced",
  "not-converged",
  "package-without-dns",
  "zone-left-alone",
  "adopting",
  "withdrawn",
  "removed",
  "domain-gone",
  "nothing-to-check",
  "taken-over",
  // A spending limit (the customer's own, or its reseller's) refused a paid order.
  "spend-limit",
  "spend-limit-reseller",
  // Something this server failed at (a file, the database): the admin reads the detail.
  "internal",
  // Written before reasons had codes: only its text is known.
  "unrecorded",
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export type ReasonParams = Readonly<Record<string, string | number>>;

export interface Reason {
  code: ReasonCode;
  /** What the texts fill in (a count, a WAPI code, a command): values, never sentences. */
  params: ReasonParams;
  /** The operator's text in English, as the error said it; for admins, the CLI and the log only. */
  detail: string;
}

/** A reason; `detail` is the operator's English text. */
export function reason(code: ReasonCode, detail: string, params: ReasonParams = {}): Reason {
  return { code, params, detail };
}

/** The stored form of a reason's code and parameters (its detail is stored as text beside it). */
export function encodeReason(value: Reason): string {
  return JSON.stringify({ code: value.code, params: value.params });
}

/**
 * A stored reason from its two columns: the code with its parameters (JSON, null in rows written before codes) and
 * the text. A row without a code, or with one this version does not know, is "unrecorded": only its text is known,
 * and only admins see it. Undefined when there is no reason at all.
 */
export function decodeReason(encoded: string | null, detail: string | null): Reason | undefined {
  if (encoded === null) return detail === null ? undefined : reason("unrecorded", detail);
  const text = detail ?? "";
  try {
    const parsed: unknown = JSON.parse(encoded);
    if (isCoded(parsed)) return reason(parsed.code, text, cleanParams(parsed.params));
  } catch {
    // A damaged column is read like a row without a code.
  }
  return reason("unrecorded", text);
}

function isCoded(value: unknown): value is { code: ReasonCode; params?: unknown } {
  if (typeof value !== "object" || value === null || !("code" in value)) return false;
  return (REASON_CODES as readonly unknown[]).includes(value.code);
}

function cleanParams(params: unknown): ReasonParams {
  if (typeof params !== "object" || params === null) return {};
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string | number] =>
      ["string", "number"].includes(typeof entry[1]),
    ),
  );
}
