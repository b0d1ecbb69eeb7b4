import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Clock } from "../clock.js";
import { AppError, toError } from "../errors.js";
import { countingProgress, type AttemptProgress } from "../wapi/attempt-progress.js";
import { spendingFor } from "../wapi/budget-owner.js";
import type { WapiCircuit } from "../wapi/circuit.js";
import { WapiPausedError, WapiResultError } from "../wapi/errors.js";
import { failureReason, wapiErrorIn } from "./failure-reason.js";
import { AnswersBetweenAttempts } from "./answers-between-attempts.js";
import { backoffDelay } from "./backoff.js";
import type { ShareCaps } from "../store/job-store.js";
import type { Job, JobQueue } from "./queue.js";
import type { RegisteredTask, TaskResult } from "./task-definition.js";
import type { TaskContext } from "./tasks/context.js";
import { processAlive } from "../util/process-alive.js";
import { isDiskFull } from "../util/disk-full.js";

export type RunOutcome = "ran" | "idle" | "paused";

const DEFAULT_LEASE_MS = 5 * 60_000;
/** Longest sleep between looks at the queue when nothing is due (jobs may arrive from other processes). */
const MAX_IDLE_MS = 5_000;
/** How long a stopping worker lets the job in hand finish (a WAPI call under way) before giving it back. */
const STOP_GRACE_MS = 2_000;

/**
 * Takes jobs from the queue one at a time, most urgent first, and runs their task. Failures are retried with
 * the backoff formula when retryable, buried as dead letters otherwise; an attempt that made progress (WEDOS
 * accepted some of its writes) starts the backoff and the attempts afresh (docs/decisions/0033). While WAPI sending
 * is paused (wrong credentials, IP not allowed or blocked, the hourly limit) it takes no job at all, so the budget is
 * not burned.
 */
export class Worker<C = TaskContext> {
  readonly id = `worker-${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  private wake: (() => void) | undefined;
  /** The signal of the running `run()` loop: once aborted, the job in hand is given back instead of waited for. */
  private stopping: AbortSignal | undefined;
  private readonly answers = new AnswersBetweenAttempts();

  constructor(
    private readonly deps: {
      queue: JobQueue;
      clock: Clock;
      /** The task registry (tasks/index.ts), by name: `execute` checks a job's payload, then runs it. */
      tasks: ReadonlyMap<
        string,
        Pick<RegisteredTask, "name"> & { execute: (context: C, job: Job) => Promise<TaskResult> }
      >;
      /** What every task may use (tasks/context.ts). */
      context: C;
      circuit: WapiCircuit;
      /** This hour's fair-share caps of customers' interactive jobs (wapi/budget.ts); without it, none. */
      fairShare?: () => ShareCaps;
      leaseMs?: number;
      onError?: (job: Job, error: Error) => void;
    },
  ) {
    // A job enqueued in this process (a hook event ingested, a person's click) is taken at once.
    deps.queue.onEnqueued(() => this.nudge());
  }

  /** Why the queue is paused, or undefined when jobs are being taken. */
  pausedReason(): string | undefined {
    const paused = this.deps.circuit.status();
    return paused !== undefined && paused.retryAt > this.deps.clock.now() ? paused.summary : undefined;
  }

  async runOnce(): Promise<RunOutcome> {
    if (this.pausedReason() !== undefined) return "paused";
    const job = await this.deps.queue.claim(this.id, this.deps.leaseMs ?? DEFAULT_LEASE_MS, {
      shares: this.deps.fairShare?.(),
    });
    if (job === undefined) return "idle";
    await this.runClaimed(job);
    return "ran";
  }

  /**
   * Runs job `id` now, through the same path as every other job (the per-domain lock, retries, dead letters), if it
   * is due and free: `sync --apply` on the command line. "busy" when it is not (another worker holds the domain or
   * has taken the job, sending is paused, or it is not due): it stays in the queue for the daemon.
   */
  async runNow(id: number): Promise<"ran" | "busy"> {
    if (this.pausedReason() !== undefined) return "busy";
    const job = await this.deps.queue.claim(this.id, this.deps.leaseMs ?? DEFAULT_LEASE_MS, { only: id });
    if (job === undefined) return "busy";
    await this.runClaimed(job);
    return "ran";
  }

  private async runClaimed(job: Job): Promise<void> {
    const { queue } = this.deps;
    const task = this.deps.tasks.get(job.task);
    const progress: AttemptProgress = { answered: 0, acceptedWrites: 0 };
    try {
      if (task === undefined)
        throw new AppError(
          "unknown_task",
          `no task named "${job.task}"; the job was written by a newer wedos-panel or by hand`,
        );
      const owner = job.account === null ? undefined : { account: job.account, reseller: job.reseller };
      const result = await this.untilStopped(
        countingProgress(progress, () => spendingFor(owner, () => task.execute(this.deps.context, job))),
      );
      this.answers.count(progress.answered);
      await queue.complete(job.id, this.id, result?.note);
      this.answers.settled(job.id);
    } catch (thrown) {
      this.answers.count(progress.answered);
      if (this.stopping?.aborted === true) {
        // Cut off by the stop, not failed: back to the queue at once, the attempt given back.
        await queue.release(job.id, this.id, true);
        return;
      }
      // A full disk is not the job's fault, and settling it would be a write that fails too: the loop stops with the
      // job in hand, and the daemon starts it again, giving the job back, once writes succeed (ADR 0027).
      if (isDiskFull(thrown)) throw thrown;
      const error = toError(thrown);
      this.deps.onError?.(job, error);
      await this.settleFailure(job, error, progress);
    }
  }

  /**
   * Gives back at once the jobs held by workers on this host whose process is gone (killed, crashed), instead of
   * waiting for their lease to run out. Workers on other hosts are left to their lease.
   */
  async releaseAbandoned(): Promise<number> {
    const prefix = `worker-${hostname()}-`;
    let released = 0;
    for (const { id, lockedBy } of await this.deps.queue.holders()) {
      if (!lockedBy.startsWith(prefix) || lockedBy === this.id) continue;
      const pid = Number(lockedBy.slice(prefix.length).split("-")[0]);
      if (Number.isInteger(pid) && !processAlive(pid) && (await this.deps.queue.release(id, lockedBy))) released += 1;
    }
    return released;
  }

  /** Runs jobs until none is due (or the queue pauses). For tests, the import and the CLI. */
  async runUntilIdle(limit = Number.POSITIVE_INFINITY): Promise<RunOutcome> {
    for (let ran = 0; ran < limit; ran++) {
      const outcome = await this.runOnce();
      if (outcome !== "ran") return outcome;
    }
    return "ran";
  }

  /** The daemon loop: runs due jobs, sleeps until the next one is due or `nudge()` is called. */
  async run(signal: AbortSignal): Promise<void> {
    this.stopping = signal;
    while (!signal.aborted) {
      const outcome = await this.runOnce();
      // Jobs that need no WAPI request (a vanished domain, a no-op) finish without leaving the microtask queue: without
      // this turn a long run of them would hold the event loop, and pages, hooks' ingest and timers would wait.
      await nextTurn();
      if (outcome === "ran") continue;
      const now = this.deps.clock.now();
      const pausedUntil = this.deps.circuit.status()?.retryAt;
      const next =
        outcome === "paused"
          ? (pausedUntil ?? now + MAX_IDLE_MS)
          : ((await this.deps.queue.nextRunAt()) ?? now + MAX_IDLE_MS);
      await this.sleepUntil(Math.min(next, now + MAX_IDLE_MS), signal);
    }
  }

  /** Wakes a sleeping `run()` loop (a hook spooled an event, a page enqueued an action). */
  nudge(): void {
    this.wake?.();
  }

  /**
   * The job's work, or — once the loop is told to stop — a rejection after STOP_GRACE_MS at most, so a stop never
   * waits for a slow job (the budget's wait ends with the same signal; a WAPI call under way gets the grace).
   */
  private untilStopped<T>(work: Promise<T>): Promise<T> {
    const signal = this.stopping;
    if (signal === undefined) return work;
    const cutOff = new AbortController();
    const stopped = new Promise<never>((_resolve, reject) => {
      const giveUp = () => void this.deps.clock.sleep(STOP_GRACE_MS, cutOff.signal).then(() => reject(signal.reason));
      if (signal.aborted) giveUp();
      else signal.addEventListener("abort", giveUp, { once: true, signal: cutOff.signal });
    });
    return Promise.race([work, stopped]).finally(() => cutOff.abort());
  }

  private async sleepUntil(at: number, signal: AbortSignal): Promise<void> {
    const delay = Math.max(0, at - this.deps.clock.now());
    if (delay === 0) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.wake = undefined;
        signal.removeEventListener("abort", done);
        resolve();
      };
      this.wake = done;
      signal.addEventListener("abort", done, { once: true });
      // The timer goes with the abort, so a stopped daemon exits at once instead of after the idle sleep.
      void this.deps.clock.sleep(delay, signal).then(done);
    });
  }

  /**
   * When WEDOS accepted some of the attempt's writes, the job is half done (a zone half applied): it is retried after
   * the first backoff step with its attempts counted afresh, and taken before new work of its lane. A blip — WEDOS
   * answered the attempt's other requests, or any request since the job's previous attempt began, and the one that
   * failed was not judged by WAPI (its front end or the network failed) — is retried after the first step too, its
   * attempt counted; rejections (which count toward WEDOS's IP block) and failures while WEDOS answered nobody back
   * off as the formula says.
   */
  private async settleFailure(job: Job, error: Error, attempt: AttemptProgress): Promise<void> {
    const { queue, clock } = this.deps;
    const now = clock.now();
    const wapiError = wapiErrorIn(error);
    const progressed = attempt.acceptedWrites > 0;
    const wedosAnswered = attempt.answered > 0 || this.answers.answeredSincePrevious(job.id);
    const blip = wedosAnswered && !(wapiError instanceof WapiResultError);
    if (wapiError !== undefined && (wapiError instanceof WapiPausedError || wapiError.failureClass === "stop")) {
      // Not the job's fault: it waits for the pause to end without losing an attempt.
      const until = this.deps.circuit.status()?.retryAt ?? now + backoffDelay(1);
      await queue.requeue(job.id, this.id, until, failureReason(error), progressed ? "progressed" : "paused");
      return;
    }
    const retryable = error instanceof AppError && error.retryable;
    if (retryable && (progressed || job.attempts < job.maxAttempts)) {
      const outcome = progressed ? "progressed" : blip ? "blip" : "failed";
      const step = outcome === "failed" ? job.backoffStep + 1 : 1;
      const retryAt = Math.max(now + backoffDelay(step), wapiError?.retryAt ?? 0);
      await queue.requeue(job.id, this.id, retryAt, failureReason(error), outcome);
      this.answers.failed(job.id, attempt.answered);
      return;
    }
    this.answers.settled(job.id);
    const detail = retryable ? `gave up after ${job.attempts} attempts: ${error.message}` : error.message;
    await queue.bury(job.id, this.id, failureReason(error, detail));
  }
}
