import type { Job } from "../../provisioning/queue.js";
import type { JobState } from "../../store/job-store.js";
import { SqliteJobQueue } from "../../provisioning/sqlite-job-queue.js";
import { integerOption, printJson, UsageError, type CliCommand } from "../command.js";
import { openCliDatabase } from "../context.js";

export const jobsCommand: CliCommand = {
  name: "jobs",
  summary: "List the job queue, dead letters first with --failed, and retry a job",
  help: `Usage: wedos-panel jobs [--failed] [--all] [--limit N] [--json]
       wedos-panel jobs --retry ID

  --failed   only dead letters (jobs that gave up), with their last error
  --all      include finished jobs (default: queued, running and dead)
  --limit N  at most N jobs (default 50)
  --retry ID queue a dead job again now, with its attempts reset
  --json     print the jobs as JSON`,
  options: {
    failed: { type: "boolean" },
    all: { type: "boolean" },
    limit: { type: "string" },
    retry: { type: "string" },
    json: { type: "boolean" },
  },
  async run(args, io) {
    const context = openCliDatabase(io);
    const queue = new SqliteJobQueue(context.db, io.clock);
    try {
      const retry = integerOption(args, "retry", { min: 1, max: Number.MAX_SAFE_INTEGER });
      if (retry !== undefined) {
        if (!queue.retry(retry))
          throw new UsageError(`job ${retry} is not dead or queued (see wedos-panel jobs --all)`);
        io.stdout(`Job ${retry} is queued again; the daemon runs it next.\n`);
        return 0;
      }
      const states: JobState[] =
        args.values.failed === true
          ? ["dead"]
          : args.values.all === true
            ? ["queued", "running", "done", "dead"]
            : ["queued", "running", "dead"];
      const jobs = queue.list({ states, limit: integerOption(args, "limit", { min: 1, max: 100_000 }) ?? 50 });
      if (args.values.json === true) {
        printJson(io, jobs);
        return 0;
      }
      const counts = queue.countsByState();
      io.stdout(`${counts.queued} queued, ${counts.running} running, ${counts.dead} dead, ${counts.done} done\n`);
      for (const job of jobs) io.stdout(`${line(job, io.clock.now())}\n`);
      return 0;
    } finally {
      context.close();
    }
  },
};

function line(job: Job, now: number): string {
  const when =
    job.state === "queued"
      ? job.runAt <= now
        ? "due now"
        : `due in ${Math.ceil((job.runAt - now) / 1000)} s`
      : job.state;
  // A finished job keeps why there was nothing to do where a failed one keeps its error.
  const label = job.state === "done" ? "note" : "last error";
  const error = job.lastError === null ? "" : `\n      ${label}: ${job.lastError}`;
  return `#${job.id} ${job.task} ${job.jobKey ?? ""} [${job.lane}] ${when}, attempt ${job.attempts}/${job.maxAttempts}${error}`;
}
