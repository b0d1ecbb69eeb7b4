import type { z } from "zod";
import { WapiDecodeError } from "./errors.js";

/** Validates a reply's `data` part; a shape we cannot read is a decode error naming the field. */
export function parseData<T extends z.ZodType>(command: string, schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? "data" : ["data", ...issue.path].join(".");
  throw new WapiDecodeError(
    command,
    "bad-envelope",
    `${where}: ${issue?.message ?? "unexpected shape"}`,
    JSON.stringify(value).slice(0, 200),
  );
}
