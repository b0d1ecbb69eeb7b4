import type { Socket } from "node:net";
import { z } from "zod";
import { PANEL_KINDS } from "../../model/panel-kind.js";

/**
 * The panel reader's protocol (docs/decisions/0011): over a Unix stream socket, one question per connection — the
 * asker writes one line of JSON, `{"v":1,"method":"account","args":["alice"]}`, the reader writes one line back and
 * closes: `{"v":1,"panel":"directadmin","answer":…}` or `{"v":1,"panel":"directadmin","error":{code,message,retryable}}`.
 * Every answer names the panel the reader reads, so a daemon set up for the other panel notices at once.
 */
export const PROTOCOL_VERSION = 1;

/** A question is a method name and a name or two: anything longer is not one. */
export const MAX_QUESTION_BYTES = 16 * 1024;

/** Every account of a large server, or a large zone file, with room to spare; a longer answer is refused. */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export const questionLine = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  method: z.string().max(64),
  args: z.array(z.unknown()).max(8),
});
export type QuestionLine = z.infer<typeof questionLine>;

export const failure = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  message: z.string().max(16_384),
  retryable: z.boolean(),
});
export type Failure = z.infer<typeof failure>;

export const answerLine = z.union([
  z.strictObject({ v: z.literal(PROTOCOL_VERSION), panel: z.enum(PANEL_KINDS), answer: z.unknown() }),
  z.strictObject({ v: z.literal(PROTOCOL_VERSION), panel: z.enum(PANEL_KINDS), error: failure }),
]);
export type AnswerLine = z.infer<typeof answerLine>;

/** A zod error on one line, for a message that stays on one line. */
export function describeIssues(error: z.ZodError): string {
  return z.prettifyError(error).replaceAll("\n", " ");
}

/** One line read as JSON of the given shape, or why it is not. */
export function parseLine<T>(text: string, schema: z.ZodType<T>): { data: T } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: "not JSON" };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { data: parsed.data } : { problem: describeIssues(parsed.error) };
}

/** Why a line could not be read: the peer closed first, or sent more than the limit before a newline. */
export class LineError extends Error {
  constructor(readonly reason: "ended" | "too-long") {
    super(reason === "ended" ? "the connection closed before a whole line arrived" : "the line is longer than allowed");
  }
}

/**
 * The first line the peer sends (without its newline), as UTF-8. Rejects with {@link LineError} when the peer
 * closes first or sends more than `limit` bytes without a newline, or with the socket's own error.
 */
export function readLine(socket: Socket, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (outcome: () => void) => {
      socket.off("data", onData).off("end", onEnd).off("error", onError);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      const newline = chunk.indexOf(0x0a);
      const used = newline === -1 ? chunk : chunk.subarray(0, newline);
      length += used.length;
      if (length > limit) return finish(() => reject(new LineError("too-long")));
      chunks.push(used);
      if (newline !== -1) finish(() => resolve(Buffer.concat(chunks).toString("utf8")));
    };
    const onEnd = () => finish(() => reject(new LineError("ended")));
    const onError = (error: Error) => finish(() => reject(error));
    socket.on("data", onData).on("end", onEnd).on("error", onError);
  });
}
