import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * The WAPI request and response envelopes: docs/reference/wapi.md#request-envelope and #response-envelope.
 * The whole JSON document travels in one form field, `request`, percent-encoded as a form value so that
 * `+`, `&`, `%` and `=` inside values (DKIM keys, SPF) survive the server's form decoding.
 */
export interface WapiRequest {
  user: string;
  auth: string;
  command: string;
  clTRID: string;
  data?: Record<string, unknown>;
  test?: 1;
}

export function encodeRequestBody(request: WapiRequest): string {
  return new URLSearchParams({ request: JSON.stringify({ request }) }).toString();
}

/** A unique transaction id per request (34 characters; WEDOS's maximum is undocumented, clients use ≤ 60). */
export function newClTRID(): string {
  return `wp-${Date.now().toString(36)}-${randomBytes(10).toString("hex")}`.slice(0, 40);
}

const numberLike = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const responseEnvelopeSchema = z.object({
  response: z.object({
    code: numberLike,
    result: z.string().default(""),
    timestamp: numberLike.optional(),
    clTRID: z.string().optional(),
    svTRID: z.string().optional(),
    command: z.string().optional(),
    // Absent for commands that return nothing; may be [] when a PHP empty array was serialised.
    data: z.unknown().optional(),
  }),
});

export type WapiReply = {
  code: number;
  result: string;
  /** WEDOS's clock (unix seconds), when sent: lets `doctor` tell a wrong clock from wrong credentials. */
  timestamp: number | undefined;
  clTRID: string | undefined;
  svTRID: string | undefined;
  command: string | undefined;
  data: Record<string, unknown>;
};

/** Parses a decoded JSON body; throws a readable string on a shape that is not a WAPI response. */
export function parseReply(json: unknown): WapiReply | string {
  const parsed = responseEnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue === undefined ? "unknown shape" : `${issue.path.join(".") || "(top level)"}: ${issue.message}`;
  }
  const { data, ...rest } = parsed.data.response;
  const isObject = typeof data === "object" && data !== null && !Array.isArray(data);
  return {
    code: rest.code,
    result: rest.result,
    timestamp: rest.timestamp,
    clTRID: rest.clTRID,
    svTRID: rest.svTRID,
    command: rest.command,
    data: isObject ? (data as Record<string, unknown>) : {},
  };
}
