import { performance } from "node:perf_hooks";
import type { Clock } from "../clock.js";
import { toError } from "../errors.js";
import type { WapiCredentials } from "./credentials.js";
import type { WapiCallStore } from "../store/wapi-call-store.js";
import { redact, type Secret } from "../util/secret.js";
import { noteAccepted } from "./attempt-progress.js";
import { wapiAuth } from "./auth.js";
import type { WapiBudget, WhenBudgetExhausted } from "./budget.js";
import type { WapiCircuit } from "./circuit.js";
import { nextHourStart, resultError } from "./classify.js";
import { decodeAnswer } from "./decode.js";
import { encodeRequestBody, newClTRID, type WapiReply } from "./envelope.js";
import { WapiError, WapiPausedError, WapiResultError, WapiTransportError } from "./errors.js";
import { fuseReason, type FuseTicket, type RejectionFuse } from "./fuse.js";
import type { WapiLane } from "./lanes.js";
import { TransportFailure, type WapiTransport } from "./transport.js";

export interface WapiClientParts {
  /** Read at the start of every call, so new settings apply from the next request. */
  credentials: WapiCredentials;
  clock: Clock;
  transport: WapiTransport;
  budget: WapiBudget;
  circuit: WapiCircuit;
  calls: WapiCallStore;
  /** Counts every request that may be rejected before it is sent, so WEDOS never blocks the IP (it does past 10). */
  fuse: RejectionFuse;
}

export interface CallOptions {
  lane?: WapiLane;
  /** Default: interactive work is refused at once, other lanes wait for the next hour. */
  whenBudgetExhausted?: WhenBudgetExhausted;
  /** WAPI test mode: validate only. Never rely on it in production paths (its semantics are undocumented). */
  test?: boolean;
  /** Result codes that mean success for this command; default [1000]. */
  successCodes?: readonly number[];
  /**
   * An admin's explicit Test connection: it may go while sending is paused for the credentials, the IP allow-list
   * or the rejected-request fuse, counted against the fuse's hard ceiling instead of wapi.rejectedFuse.
   */
  connectionTest?: boolean;
}

/**
 * Sends WAPI requests: one POST per call, auth computed for this instant, a fresh clTRID, the shared budget and
 * circuit in front, every request logged. It never retries by itself: whether and when to retry is the caller's
 * decision (the job queue), informed by the error's class and `retryAt`.
 */
export class WapiClient {
  constructor(private readonly parts: WapiClientParts) {}

  async call(command: string, data?: Record<string, unknown>, options: CallOptions = {}): Promise<WapiReply> {
    const { clock, circuit, budget } = this.parts;
    const lane = options.lane ?? "background";
    const connectionTest = options.connectionTest === true;
    circuit.beforeSend(command, connectionTest);
    this.countedByFuse(connectionTest, (kind) => this.parts.fuse.check(command, kind));
    await budget.take(command, lane, options.whenBudgetExhausted ?? (lane === "interactive" ? "refuse" : "wait"));

    const settings = this.parts.credentials.current();
    const clTRID = newClTRID();
    const now = clock.now();
    const body = encodeRequestBody({
      user: settings.login,
      auth: wapiAuth(settings.login, settings.password.reveal(), now),
      command,
      clTRID,
      ...(data === undefined ? {} : { data }),
      ...(options.test === true ? { test: 1 as const } : {}),
    });
    // Counted after the budget, which may wait for the next hour: the count must start when the request leaves.
    const ticket = this.countedByFuse(connectionTest, (kind) => this.parts.fuse.reserve(command, kind));
    const started = performance.now();
    try {
      const reply = await this.exchange(settings.url, command, clTRID, body, ticket);
      if (reply.code >= 2000) ticket.rejected(reply.code);
      else ticket.accepted();
      const successCodes = options.successCodes ?? [1000];
      if (!successCodes.includes(reply.code)) throw this.onRejected(command, reply);
      // A test's success ends a pause through provisioning/resume.ts, which also releases the jobs the pause put off.
      if (!connectionTest) circuit.onSuccess();
      noteAccepted(command);
      this.log(command, data, clTRID, lane, started, reply.code, undefined, settings.password);
      return reply;
    } catch (thrown) {
      const error = thrown instanceof WapiError ? thrown : toError(thrown);
      this.log(
        command,
        data,
        clTRID,
        lane,
        started,
        error instanceof WapiResultError ? error.wapiCode : null,
        error,
        settings.password,
      );
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.parts.transport.close();
  }

  /** Asks the fuse; when it refuses, the pause is recorded for the worker and the pages. */
  private countedByFuse<T>(connectionTest: boolean, ask: (kind: "test" | "automatic") => T): T {
    try {
      return ask(connectionTest ? "test" : "automatic");
    } catch (error) {
      if (!connectionTest && error instanceof WapiPausedError) this.openFuseIfTripped();
      throw error;
    }
  }

  /** Settles the fuse's count for a request that got no WAPI answer. */
  private async exchange(
    url: string,
    command: string,
    clTRID: string,
    body: string,
    ticket: FuseTicket,
  ): Promise<WapiReply> {
    let answer;
    try {
      answer = await this.parts.transport.post(url, body);
    } catch (error) {
      // Only a request that never left cannot have been rejected; anything else may count at WEDOS.
      const failure = error instanceof TransportFailure ? error : undefined;
      if (failure?.kind === "not-sent") ticket.release();
      else ticket.unanswered();
      throw new WapiTransportError(command, new URL(url).origin, failure?.detail ?? toError(error).message, error);
    }
    try {
      return decodeAnswer(command, url, clTRID, answer);
    } catch (error) {
      // Not a WAPI answer (an HTTP error, WEDOS's front end): WAPI did not judge the request.
      ticket.release();
      throw error;
    }
  }

  /** Classifies a non-success reply and updates the circuit so the server's IP is never banned. */
  private onRejected(command: string, reply: WapiReply): WapiResultError {
    const { clock, circuit, budget } = this.parts;
    const error = resultError(command, reply, clock.now());
    if (reply.code < 2000) return error;
    budget.countRejected();
    if (error.failureClass === "stop") {
      circuit.openForStop(error);
    } else if (reply.code === 2006) {
      circuit.openUntil(
        "rate-limited",
        "WEDOS's limit of requests per hour is used up (code 2006)",
        error.retryAt ?? nextHourStart(clock.now()),
        2006,
      );
    }
    this.openFuseIfTripped(` (last: code ${reply.code} "${reply.result}")`);
    return error;
  }

  /**
   * While the fuse holds, the circuit says so until it frees, so the worker and the pages pause too — unless a
   * longer pause is open (a stop answer's cool-down), which names the cause better.
   */
  private openFuseIfTripped(last = ""): void {
    const status = this.parts.fuse.status();
    if (!status.tripped || status.resumesAt === undefined) return;
    const open = this.parts.circuit.status();
    if (open !== undefined && open.retryAt >= status.resumesAt) return;
    this.parts.circuit.openUntil(
      "rejected-fuse",
      `${fuseReason(status, last)} — find the cause in the audit log`,
      status.resumesAt,
      null,
    );
  }

  private log(
    command: string,
    data: Record<string, unknown> | undefined,
    clTRID: string,
    lane: WapiLane,
    started: number,
    wapiCode: number | null,
    error: Error | undefined,
    password: Secret,
  ): void {
    const domain = data?.domain ?? data?.name;
    this.parts.calls.record({
      at: this.parts.clock.now(),
      command,
      domain: typeof domain === "string" ? domain : null,
      clTRID,
      lane,
      outcome: error === undefined ? "success" : error instanceof WapiError ? error.failureClass : "permanent",
      wapiCode,
      durationMs: Math.round(performance.now() - started),
      error: error === undefined ? null : redact(error.message, [password.reveal()]),
    });
  }
}
