/**
 * The one base error of the project. Every error we raise carries a stable string `code` (for logs, tests and
 * the UI), says whether retrying can help, and may carry a `userMessage` that is safe to show to a panel user.
 * The plain `message` is for operators and always says what was wrong and what to do.
 */
export class AppError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly userMessage: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { retryable?: boolean; userMessage?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.userMessage = options.userMessage;
  }
}

/** Turns anything thrown into an Error exactly once, so callers can rely on `.message`. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new AppError("unknown", `unexpected non-error value thrown: ${String(thrown)}`);
}

/** Adds context at a boundary ("sync example.com: apply failed") while keeping the original as `cause`. */
export function withContext(context: string, thrown: unknown): AppError {
  const error = toError(thrown);
  const code = error instanceof AppError ? error.code : "unknown";
  const retryable = error instanceof AppError ? error.retryable : false;
  const userMessage = error instanceof AppError ? error.userMessage : undefined;
  return new AppError(code, `${context}: ${error.message}`, { retryable, userMessage, cause: error });
}
