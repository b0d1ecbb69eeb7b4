import { rememberCreatorLevels } from "../../provisioning/creator-levels.js";
import type { Estimate, JobCost, SendingEstimates } from "../../provisioning/estimate.js";
import { provisionDomain } from "../../provisioning/tasks/zone-tasks.js";
import { CreatorLevelStore } from "../../store/creator-level-store.js";
import { utcMinute } from "../../util/utc-minute.js";
import { printJson, stringOption, type CliCommand } from "../command.js";
import { openServices } from "../services-context.js";

const HOUR_MS = 3_600_000;

export const importCommand: CliCommand = {
  name: "import",
  summary: "Backfill existing panel accounts: queue their zones and work through them within the budget",
  help: `Usage: wedos-panel import [--user USER] [--dry-run] [--json]

Reads every account (or only USER) from the panel, records its domains and queues their provisioning in the
background lane (new accounts and interactive actions still go first), then works through the queue and
shows progress. The estimate comes from the WAPI budget (what is left of this hour, the background lane's
share of each hour, a pause) and what a domain's provisioning costs, measured on this server once a few
domains are done (until then, 13 requests: a zone with DirectAdmin's default records).

  --user USER  only this account
  --dry-run    show what would be queued and how long it would take; send nothing to WEDOS
  --json       print the summary as JSON`,
  options: { user: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  async run(args, io) {
    const services = openServices(io);
    try {
      const only = stringOption(args, "user");
      const accounts = (await services.panel.listAccounts()).filter(
        (account) => only === undefined || account.username === only,
      );
      const domains = accounts.flatMap((account) => account.domains.map((domain) => ({ account, domain })));
      const { inventory, queue } = services.tasks;
      const plan = importPlan(services.estimates, domains.length, io.clock.now());
      const summary = { accounts: accounts.length, domains: domains.length, ...plan.json };
      if (args.values["dry-run"] === true) {
        if (args.values.json === true)
          printJson(io, { ...summary, dryRun: true, domainNames: domains.map(({ domain }) => domain.domain) });
        else io.stdout(`Would queue ${domains.length} domain(s) of ${accounts.length} account(s). ${plan.words}\n`);
        return 0;
      }
      const now = io.clock.now();
      await rememberCreatorLevels(services.panel, new CreatorLevelStore(services.db), accounts, now);
      for (const { account, domain } of domains) {
        inventory.rememberAccount(account, now);
        inventory.rememberDomain(account, domain, now);
        queue.enqueue(provisionDomain, { domain: domain.domain }, { lane: "background" });
      }
      io.stderr(`Queued ${domains.length} domain(s). ${plan.words}\n`);
      let outcome = await services.worker.runOnce();
      while (outcome === "ran") {
        const left = queue.countsByState().queued;
        const done = domains.length - Math.min(left, domains.length);
        const time = eta(services.estimates.queueDrain("background"), io.clock.now());
        io.stderr(`\r[${bar(done, domains.length)}] ${done}/${domains.length}, ${time}   `);
        outcome = await services.worker.runOnce();
      }
      io.stderr("\n");
      const counts = queue.countsByState();
      if (outcome === "paused") io.stderr(`Paused: ${services.worker.pausedReason() ?? ""}\n`);
      if (args.values.json === true)
        printJson(io, { ...summary, queued: counts.queued, dead: counts.dead, paused: outcome === "paused" });
      else
        io.stdout(
          `Imported ${domains.length} domain(s); ${counts.queued} job(s) still queued, ${counts.dead} failed (see wedos-panel jobs --failed).\n`,
        );
      return counts.dead > 0 || outcome === "paused" ? 1 : 0;
    } finally {
      await services.close();
    }
  },
};

/**
 * What importing `domains` domains will cost and when it will be done, behind whatever waits in the queue already
 * (as urgent or more: the import's background lane goes last): in words and as JSON.
 */
function importPlan(estimates: SendingEstimates, domains: number, now: number) {
  const cost = estimates.jobCost(provisionDomain.name);
  const perHour = estimates.perHour("background");
  const waiting = estimates.queueDrain("background");
  const requests = Math.ceil(domains * cost.requests);
  const finish = estimates.finishOf(waiting.requests + requests, "background");
  const at = finish.kind === "at" && Number.isFinite(finish.at) ? finish.at : undefined;
  const json = {
    requestsPerDomain: Math.round(cost.requests * 10) / 10,
    measuredDomains: cost.measuredJobs,
    requests,
    waitingRequests: waiting.requests,
    requestsPerHour: perHour,
    estimatedHours: at === undefined ? null : Math.round(((at - now) / HOUR_MS) * 10) / 10,
    finishesAt: at === undefined ? null : new Date(at).toISOString(),
    waitsFor: finish.kind === "waits-for-admin" ? finish.pause.summary : null,
  };
  const ahead = waiting.requests > 0 ? `, after ${waiting.requests} already queued` : "";
  const words =
    `About ${requests} WAPI requests (${costWords(cost)})${ahead}, ` +
    `at most ${perHour} an hour for background work: ${eta(finish, now)}.`;
  return { json, words };
}

function costWords(cost: JobCost): string {
  const each = Math.round(cost.requests * 10) / 10;
  return cost.measuredJobs > 0
    ? `${each} per domain, measured over the last ${cost.measuredJobs} provisioned here`
    : `${each} per domain until a few are measured here`;
}

/** "ETA 2 h 5 min (2026-07-01 12:05 UTC)", or why no time can be given. */
function eta(estimate: Estimate, now: number): string {
  if (estimate.kind === "waits-for-admin")
    return `nothing is sent until an administrator fixes what paused sending (${estimate.pause.summary})`;
  if (!Number.isFinite(estimate.at)) return "never: the background lane has no share of wapi.hourlyLimit";
  const minutes = Math.max(0, Math.ceil((estimate.at - now) / 60_000));
  const span = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `ETA ${span} (${utcMinute(estimate.at)})`;
}

function bar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${"#".repeat(filled)}${".".repeat(width - filled)}`;
}
