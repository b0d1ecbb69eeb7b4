import { AppError } from "../errors.js";
import type { MessageKey } from "./i18n/index.js";

/**
 * An error a page answers with: the HTTP status and the text the visitor sees, in their language. `message` is
 * for the log and may say more; the visitor only ever sees the catalogue text.
 */
export class WebError extends AppError {
  readonly status: number;
  readonly messageKey: MessageKey;

  constructor(
    status: number,
    messageKey: MessageKey,
    message: string,
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(`web_${messageKey.replace(/^error\./, "")}`, message, options);
    this.status = status;
    this.messageKey = messageKey;
  }
}

/** The errors of the session check, as pages show them. */
export const sessionExpired = () =>
  new WebError(401, "error.sessionExpired", "DirectAdmin does not know the session (401)");
export const sessionUnverifiable = (cause: unknown) =>
  new WebError(503, "error.sessionUnverifiable", `the session could not be verified: ${(cause as Error).message}`, {
    cause,
    retryable: true,
  });
export const notFound = () => new WebError(404, "error.notFound", "no such page");
export const domainNotFound = () =>
  new WebError(404, "error.domainNotFound", "the domain is not in the visitor's scope (or does not exist)");
export const badRequest = (why: string) => new WebError(400, "error.badRequest", `bad request: ${why}`);
