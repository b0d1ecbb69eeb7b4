import { z } from "zod";
import { AppError, toError } from "../../errors.js";
import type { Panel } from "../panel.js";
import {
  describeIssues,
  parseLine,
  PROTOCOL_VERSION,
  questionLine,
  type AnswerLine,
  type Failure,
} from "./protocol.js";
import { isPanelMethod, PANEL_QUESTIONS } from "./questions.js";

/** What the reader does with one question: the answer line, and what to log (refusals and unexpected failures). */
export interface Answered {
  line: AnswerLine;
  log: string | undefined;
}

/**
 * Answers one question line with the panel: only a Panel method, with arguments of the method's types. Anything
 * else is refused with a reason (the asker may be broken or hostile; it gets no more than the reason). The panel's
 * own errors go back as they are (code, message, whether retrying can help) — they name panel files for the admin.
 */
export async function answerQuestion(panel: Panel, text: string): Promise<Answered> {
  const refuse = (why: string): Answered => ({
    line: failed(panel, {
      code: "panel_reader_refused",
      message: `the panel reader refused the question: ${why}`,
      retryable: false,
    }),
    log: `refused: ${why}`,
  });
  const question = parseLine(text, questionLine);
  if ("problem" in question)
    return refuse(`it is not {"v":${PROTOCOL_VERSION},"method":…,"args":[…]} (${question.problem})`);
  const { method, args } = question.data;
  if (!isPanelMethod(method))
    return refuse(
      `${JSON.stringify(method)} is not a Panel method (the reader answers ${Object.keys(PANEL_QUESTIONS).join(", ")})`,
    );
  const { args: argsSchema, answer: answerSchema } = PANEL_QUESTIONS[method];
  const parsedArgs = argsSchema.safeParse(args);
  if (!parsedArgs.success) return refuse(`wrong arguments for ${method} (${describeIssues(parsedArgs.error)})`);

  let result: unknown;
  try {
    const call = panel[method] as (...values: unknown[]) => Promise<unknown>;
    result = await call.apply(panel, parsedArgs.data);
  } catch (thrown) {
    const error = toError(thrown);
    if (error instanceof AppError)
      return {
        line: failed(panel, { code: error.code, message: error.message, retryable: error.retryable }),
        log: undefined,
      };
    return {
      line: failed(panel, {
        code: "panel_reader_failed",
        message: `the panel reader failed on ${method}: ${error.message}`,
        retryable: false,
      }),
      log: `${method} failed: ${error.stack ?? error.message}`,
    };
  }
  try {
    return {
      line: { v: PROTOCOL_VERSION, panel: panel.kind, answer: z.encode(answerSchema as z.ZodType, result) },
      log: undefined,
    };
  } catch (error) {
    // The panel returned something its own interface does not allow: a bug here, not the asker's.
    const why = error instanceof z.ZodError ? describeIssues(error) : toError(error).message;
    return {
      line: failed(panel, {
        code: "panel_reader_failed",
        message: `the panel reader's answer to ${method} does not fit the Panel interface (${why})`,
        retryable: false,
      }),
      log: `${method}: the answer does not fit the Panel interface (${why})`,
    };
  }
}

function failed(panel: Panel, error: Failure): AnswerLine {
  return { v: PROTOCOL_VERSION, panel: panel.kind, error: { ...error, message: error.message.slice(0, 16_384) } };
}
