import { id, index, int, table, text, type DescribedMigration } from "../../schema/describe.js";

/**
 * The first fleet schema: the servers, what they share per WEDOS account (the hourly budget, its fair shares, the
 * rejected-request fuse, the audit log of WAPI calls), the shared job queue and who owns which domain. Every
 * shared row names the WEDOS account (`account`, the WAPI login) it counts toward: one PostgreSQL may serve fleets
 * of several accounts.
 */
export const FLEET_V1: DescribedMigration = {
  version: 1,
  name: "servers, the shared budget, fuse and audit log, the shared queue, domain owners",
  steps: [
    table(
      "fleet_servers",
      [
        text("name"),
        text("account"),
        text("panel"),
        text("version"),
        int("pid"),
        int("started_at"),
        int("heartbeat_at"),
        int("stopped_at", { nullable: true }),
      ],
      ["name"],
    ),
    table(
      "fleet_budget",
      [text("account"), int("hour_start"), int("used", { default: 0 }), int("rejected", { default: 0 })],
      ["account", "hour_start"],
    ),
    table(
      "fleet_budget_servers",
      [text("account"), int("hour_start"), text("server"), int("used", { default: 0 })],
      ["account", "hour_start", "server"],
    ),
    table(
      "fleet_shares",
      [text("account"), int("hour_start"), text("kind"), text("name"), int("used", { default: 0 })],
      ["account", "hour_start", "kind", "name"],
    ),
    table("fleet_fuse", [
      id(),
      text("account"),
      text("server"),
      int("at"),
      text("state"),
      text("kind"),
      text("owner", { nullable: true }),
      int("wapi_code", { nullable: true }),
    ]),
    index("fleet_fuse_by_account", "fleet_fuse", ["account", "at"]),
    table(
      "fleet_wapi_calls",
      [
        text("server"),
        int("local_id"),
        text("account"),
        int("at"),
        text("command"),
        text("domain", { nullable: true }),
        text("cl_trid"),
        text("lane"),
        text("outcome"),
        int("wapi_code", { nullable: true }),
        int("duration_ms"),
        text("error", { nullable: true }),
      ],
      ["server", "local_id"],
    ),
    index("fleet_wapi_calls_by_account", "fleet_wapi_calls", ["account", "at"]),
    table("fleet_jobs", [
      id(),
      text("account"),
      text("job_key", { nullable: true }),
      text("task"),
      text("domain", { nullable: true }),
      text("payload"),
      text("lane"),
      int("priority"),
      text("state"),
      int("attempts", { default: 0 }),
      int("max_attempts"),
      int("backoff_step", { default: 0 }),
      int("run_at"),
      text("locked_by", { nullable: true }),
      int("locked_until", { nullable: true }),
      text("last_error", { nullable: true }),
      text("note", { nullable: true }),
      text("owner_account", { nullable: true }),
      text("owner_reseller", { nullable: true }),
      text("done_by", { nullable: true }),
      int("created_at"),
      int("updated_at"),
      int("finished_at", { nullable: true }),
    ]),
    // Repeats of one key merge across servers while queued; one domain's jobs never run at once anywhere.
    index("fleet_jobs_one_queued_per_key", "fleet_jobs", ["account", "job_key"], {
      unique: true,
      where: "state = 'queued' AND job_key IS NOT NULL",
    }),
    index("fleet_jobs_one_running_per_domain", "fleet_jobs", ["account", "domain"], {
      unique: true,
      where: "state = 'running' AND domain IS NOT NULL",
    }),
    index("fleet_jobs_ready", "fleet_jobs", ["account", "state", "priority", "run_at"]),
    // Which servers queued a job (more than one when their repeats merged) and its row in each one's own queue.
    table("fleet_job_servers", [int("job_id"), text("server"), int("local_id")], ["job_id", "server"]),
    index("fleet_job_servers_by_local", "fleet_job_servers", ["server", "local_id"], { unique: true }),
    table(
      "fleet_domains",
      [
        text("account"),
        text("domain"),
        text("server"),
        text("origin"),
        text("state"),
        text("wanted_by", { nullable: true }),
        int("since"),
        int("updated_at"),
      ],
      ["account", "domain"],
    ),
    index("fleet_domains_by_server", "fleet_domains", ["server", "domain"]),
  ],
};
