/**
 * Reading a WAPI request: the HTTP body → the `request` form field → the JSON envelope
 * (docs/reference/wapi.md#transport, #request-envelope). Each failure maps to the envelope code WEDOS uses
 * (2000–2009), checked in this order: method, size, field, JSON, `user`, `auth`, `command`, `clTRID`.
 */

/** The raw HTTP request as the server received it. */
export interface RawWapiRequest {
  method: string;
  contentType: string | undefined;
  body: Buffer;
  /** The body was longer than the size limit (and `body` holds only its start). */
  tooLarge: boolean;
}

/** A well-formed request envelope. */
export interface Envelope {
  user: string;
  auth: string;
  command: string;
  clTRID: string | undefined;
  /** The command's parameters, still untyped. */
  data: unknown;
  /** `test: 1 | "1" | true`: validate and answer, but change nothing. */
  test: boolean;
}

/** A readable envelope, or the envelope code it fails with (and what could be read for the echo). */
export type EnvelopeResult =
  | { ok: true; envelope: Envelope }
  | { ok: false; code: number; detail: string; command: string | undefined; clTRID: string | undefined };

export interface EnvelopeLimits {
  clTRIDMaxLength: number;
}

/** Parses and checks the envelope; never throws for bad input. */
export async function readEnvelope(raw: RawWapiRequest, limits: EnvelopeLimits): Promise<EnvelopeResult> {
  const fail = (code: number, detail: string, command?: string, clTRID?: string): EnvelopeResult => ({
    ok: false,
    code,
    detail,
    command,
    clTRID,
  });
  if (raw.method !== "POST") return fail(2009, `method ${raw.method}: only POST carries a request`);
  if (raw.tooLarge) return fail(2007, "body larger than the size limit");

  const field = await readRequestField(raw);
  if (field === undefined || field.trim() === "") return fail(2009, "no `request` form field, or it is empty");

  let document: unknown;
  try {
    document = JSON.parse(field);
  } catch {
    return fail(2000, "the `request` field is not JSON");
  }
  const request = isObject(document) ? document["request"] : undefined;
  if (!isObject(request)) return fail(2000, "the JSON has no `request` object");

  const command = nonEmptyString(request["command"]);
  const clTRIDValue = request["clTRID"];
  const clTRID = typeof clTRIDValue === "string" || typeof clTRIDValue === "number" ? String(clTRIDValue) : undefined;
  const user = nonEmptyString(request["user"]);
  const auth = nonEmptyString(request["auth"]);
  if (user === undefined) return fail(2001, "`user` missing", command, clTRID);
  if (auth === undefined) return fail(2002, "`auth` missing", command, clTRID);
  if (command === undefined) return fail(2003, "`command` missing", command, clTRID);
  if (clTRIDValue !== undefined && clTRIDValue !== null && clTRID === undefined) {
    return fail(2000, "`clTRID` must be a string", command, clTRID);
  }
  if (clTRID !== undefined && clTRID.length > limits.clTRIDMaxLength) {
    return fail(2005, `clTRID longer than ${limits.clTRIDMaxLength} characters`, command, clTRID);
  }
  const test = request["test"];
  return {
    ok: true,
    envelope: { user, auth, command, clTRID, data: request["data"], test: test === 1 || test === "1" || test === true },
  };
}

/**
 * The `request` field with standard form decoding, from either urlencoded or multipart bodies (clients use
 * both). Node's fetch `Request` does exactly what a PHP server does: `+` is a space, `%XX` is decoded.
 */
async function readRequestField(raw: RawWapiRequest): Promise<string | undefined> {
  if (raw.contentType === undefined) return undefined;
  try {
    const form = await new Request("http://simulator.invalid/wapi/json", {
      method: "POST",
      headers: { "content-type": raw.contentType },
      body: raw.body,
    }).formData();
    const value = form.get("request");
    if (value === null) return undefined;
    return typeof value === "string" ? value : await value.text();
  } catch {
    // Not a form body at all (e.g. raw application/json): the server sees no `request` field.
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
