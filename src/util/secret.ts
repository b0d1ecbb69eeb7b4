import { inspect } from "node:util";

const REDACTED = "[redacted]";

/**
 * A secret value (the WAPI password, a session key) that cannot leak by accident: printing, logging,
 * string-interpolating or JSON-serialising it yields "[redacted]". Only `reveal()` gives the value.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/** Replaces every occurrence of the given secrets in a text (for error bodies and debug output). */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result;
}
