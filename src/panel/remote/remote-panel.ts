import { createConnection } from "node:net";
import { AppError } from "../../errors.js";
import type { PanelAccount } from "../../model/account.js";
import type { PanelKind } from "../../model/panel-kind.js";
import type { AccountAccess, Panel, PanelZoneFile, PanelZoneFileVersion } from "../panel.js";
import {
  answerLine,
  describeIssues,
  LineError,
  MAX_ANSWER_BYTES,
  parseLine,
  PROTOCOL_VERSION,
  readLine,
} from "./protocol.js";
import { PANEL_QUESTIONS, type PanelMethod, type Question } from "./questions.js";

export interface RemotePanelOptions {
  /** The reader's socket (install.conf `reader_socket`). */
  socket: string;
  /** How long one question may take, from connecting to the last byte of the answer (default 60 s). */
  timeoutMs?: number;
  /** The longest answer accepted (default {@link MAX_ANSWER_BYTES}). */
  maxAnswerBytes?: number;
}

/** The reader could not be asked or answered out of protocol; `retryable` when a later try can succeed. */
export class PanelReaderError extends AppError {}

const QUESTIONS = PANEL_QUESTIONS as { [M in PanelMethod]: Question<M> };

/**
 * The {@link Panel} of a daemon that may not read the panel's files itself: every method is a question to the panel
 * reader over its Unix socket (docs/decisions/0011). Answers are checked against the Panel interface before they
 * are returned; the reader's own errors come back with their code and message. A reader that is down or restarting
 * is a retryable error, so the jobs that asked are retried, and nothing is lost.
 */
export class RemotePanel implements Panel {
  constructor(
    readonly kind: PanelKind,
    private readonly options: RemotePanelOptions,
  ) {}

  listAccounts(): Promise<PanelAccount[]> {
    return this.ask("listAccounts", []);
  }

  account(username: string): Promise<PanelAccount | undefined> {
    return this.ask("account", [username]);
  }

  accountAccess(username: string): Promise<AccountAccess | undefined> {
    return this.ask("accountAccess", [username]);
  }

  ownerOf(domain: string): Promise<string | undefined> {
    return this.ask("ownerOf", [domain]);
  }

  packages(): Promise<string[]> {
    return this.ask("packages", []);
  }

  zoneFile(domain: string): Promise<PanelZoneFile> {
    return this.ask("zoneFile", [domain]);
  }

  zoneFileVersion(domain: string): Promise<PanelZoneFileVersion> {
    return this.ask("zoneFileVersion", [domain]);
  }

  private async ask<M extends PanelMethod>(
    method: M,
    args: Parameters<Panel[M]>,
  ): Promise<Awaited<ReturnType<Panel[M]>>> {
    const text = await this.exchange(method, JSON.stringify({ v: PROTOCOL_VERSION, method, args }));
    const badAnswer = (why: string) =>
      new PanelReaderError(
        "panel_reader_bad_answer",
        `the panel reader answered ${method} with something that is not an answer (${why}); restart it: systemctl restart wedos-panel-reader`,
      );
    const line = parseLine(text, answerLine);
    if ("problem" in line) throw badAnswer(line.problem);
    if (line.data.panel !== this.kind) {
      throw new PanelReaderError(
        "panel_reader_mismatch",
        `the panel reader reads ${line.data.panel}, but this daemon is set up for ${this.kind}; set "panel" to "${line.data.panel}" in the configuration, or reinstall with the right panel's package`,
      );
    }
    if ("error" in line.data)
      throw new AppError(line.data.error.code, line.data.error.message, { retryable: line.data.error.retryable });
    const answer = QUESTIONS[method].answer.safeParse(line.data.answer);
    if (!answer.success) throw badAnswer(describeIssues(answer.error));
    return answer.data;
  }

  /** Sends one question and reads one answer line, on a connection of its own. */
  private exchange(method: PanelMethod, question: string): Promise<string> {
    const { socket: path, timeoutMs = 60_000, maxAnswerBytes = MAX_ANSWER_BYTES } = this.options;
    return new Promise((resolve, reject) => {
      const socket = createConnection(path);
      const fail = (error: PanelReaderError) => {
        socket.destroy();
        reject(error);
      };
      socket.setTimeout(timeoutMs, () =>
        fail(
          new PanelReaderError(
            "panel_reader_timeout",
            `the panel reader did not answer ${method} within ${timeoutMs / 1000} s (${path}); if this lasts, run: wedos-panel doctor`,
            { retryable: true },
          ),
        ),
      );
      socket.once("connect", () => socket.write(`${question}\n`));
      readLine(socket, maxAnswerBytes).then(
        (text) => {
          socket.destroy();
          resolve(text);
        },
        (error: unknown) => fail(connectionError(method, path, error, maxAnswerBytes)),
      );
    });
  }
}

function connectionError(method: PanelMethod, path: string, error: unknown, maxAnswerBytes: number): PanelReaderError {
  if (error instanceof LineError && error.reason === "too-long") {
    return new PanelReaderError(
      "panel_reader_bad_answer",
      `the panel reader's answer to ${method} is longer than ${maxAnswerBytes} bytes, more than any panel needs; restart it: systemctl restart wedos-panel-reader`,
    );
  }
  if (error instanceof LineError) {
    return new PanelReaderError(
      "panel_reader_unavailable",
      `the panel reader closed the connection before answering ${method} (${path}; it may be restarting); if this lasts, run: wedos-panel doctor`,
      { retryable: true },
    );
  }
  const code = (error as NodeJS.ErrnoException).code ?? "error";
  if (code === "EACCES" || code === "EPERM") {
    return new PanelReaderError(
      "panel_reader_forbidden",
      `this process may not connect to the panel reader's socket ${path} (${code}): only the service account and root may; run it as one of them`,
      { cause: error },
    );
  }
  return new PanelReaderError(
    "panel_reader_unavailable",
    `the panel reader does not answer on ${path} (${code}; it may be restarting); if this lasts, run: wedos-panel doctor`,
    { retryable: true, cause: error },
  );
}
