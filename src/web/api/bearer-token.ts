import type { Request } from "express";
import type { BillingToken, BillingTokenStore } from "../../store/billing-token-store.js";

/** Why a request carries no usable token, with the answer a billing system's operator can act on. */
export interface Refusal {
  status: 400 | 401;
  /** The WWW-Authenticate challenge (RFC 6750) of a 401. */
  challenge?: string;
  message: string;
}

const REALM = 'Bearer realm="wedos-panel billing"';
const IN_ADDRESS = ["token", "access_token", "bearer"];

/**
 * The token of a pull API request, from `Authorization: Bearer …` only (RFC 6750 §2.1): a token in the address would
 * end up in proxies' and servers' access logs, so one there is refused before anything is looked up.
 */
export function bearerToken(req: Request, tokens: BillingTokenStore, now: number): BillingToken | Refusal {
  if (IN_ADDRESS.some((name) => name in req.query)) {
    return {
      status: 400,
      message:
        "send the token in the Authorization header (Authorization: Bearer <token>), never in the address; " +
        "revoke this token and make a new one, as the address may have been logged",
    };
  }
  const header = req.get("authorization");
  if (header === undefined || header.trim() === "") {
    return {
      status: 401,
      challenge: REALM,
      message:
        "this API needs a token: send Authorization: Bearer <token>; the provider's admin makes one with " +
        '"wedos-panel billing token create" or on the Billing tokens page',
    };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) {
    return {
      status: 401,
      challenge: `${REALM}, error="invalid_request"`,
      message: "the Authorization header must read: Bearer <token> (one token, no other scheme)",
    };
  }
  const token = tokens.authenticate(match[1] as string, now);
  if (token === undefined) {
    return {
      status: 401,
      challenge: `${REALM}, error="invalid_token"`,
      message: "the token is unknown or revoked: ask the provider's admin for a new one",
    };
  }
  return token;
}

export const isRefusal = (value: BillingToken | Refusal): value is Refusal => "message" in value;
