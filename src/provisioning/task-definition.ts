import type { Reason } from "../model/reason.js";
import type { z } from "zod";
import type { WapiLane } from "../wapi/lanes.js";
import { AppError } from "../errors.js";
import type { Job } from "./queue.js";
import type { TaskContext } from "./tasks/context.js";

/**
 * One task, all in one place: its name (as stored in the jobs table), the schema its payload must pass when a job
 * is claimed, the domain the payload concerns (the job's `domain` column: tenant scope and the per-domain lock),
 * its usual lane, the words a progress box shows, and what it does.
 */
export interface TaskDefinition<P> {
  readonly name: string;
  readonly payload: z.ZodType<P>;
  /** The domain a job of this task is about, or null for work about no single domain (the reconciler, polling). */
  readonly domainOf: (payload: P) => string | null;
  /** The lane when the one who enqueues names none: the hooks' work, a person's click, the background. */
  readonly lane: WapiLane;
  /** The message a progress box names the job by (web/i18n), when people watch this task; `{domain}` is filled. */
  readonly progressLabel?: `progress.task.${string}`;
  /**
   * Does the job's work. Must be idempotent: a job may run again after its worker was killed mid-way. Returns a note
   * when the job ends without doing its work because there is none left (kept with the finished job for the admin).
   */
  readonly run: (ctx: TaskContext, job: Job<P>) => Promise<TaskResult>;
}

/** How a job that did not fail ended: nothing to say, or a note why there was nothing to do. */
export type TaskResult = void | { note: Reason };

/** A task as the registry and the worker hold it: `execute` takes a claimed job, checks its payload, then runs it. */
export interface Task<P> extends TaskDefinition<P> {
  readonly execute: (ctx: TaskContext, job: Job<unknown>) => Promise<TaskResult>;
}

/** A task whatever its payload type: what the worker and the pages need of it. */
export type RegisteredTask = Pick<Task<unknown>, "name" | "lane" | "progressLabel" | "execute">;

export function defineTask<P>(definition: TaskDefinition<P>): Task<P> {
  return {
    ...definition,
    execute: (ctx, job) => definition.run(ctx, { ...job, payload: parsePayload(definition, job) }),
  };
}

/**
 * The job's payload as its task expects it. One that does not fit (written by another version of wedos-panel or by
 * hand) fails the job for good, with what was wrong: retrying the same payload cannot help, and the job is kept.
 */
function parsePayload<P>(task: TaskDefinition<P>, job: Job<unknown>): P {
  const parsed = task.payload.safeParse(job.payload);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.length === 0 ? "payload" : issue.path.join(".")}: ${issue.message}`,
  );
  throw new AppError(
    "job_payload_invalid",
    `job ${job.id} (${task.name}) has a payload this version cannot run (${problems.join("; ")}): ${JSON.stringify(job.payload).slice(0, 200)}; it was written by another version of wedos-panel or by hand — queue the work again (wedos-panel sync, reconcile or the page's button) instead of retrying this job`,
  );
}

/**
 * Repeated jobs with one key collapse into one queued job and never run twice at once: `<task>:<domain>`, or
 * `<task>:*` for a task about no single domain.
 */
export function jobKey<P>(task: Pick<TaskDefinition<P>, "name" | "domainOf">, payload: P): string {
  return `${task.name}:${task.domainOf(payload) ?? "*"}`;
}
