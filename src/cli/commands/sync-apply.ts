import type { DomainRow } from "../../store/inventory-store.js";
import type { Services } from "../../main.js";
import { applyDrift } from "../../provisioning/tasks/drift-tasks.js";
import { auditRecords } from "../../sync/audit.js";
import { checkPropagation, type PropagationReport } from "../../sync/propagation.js";
import { AppError } from "../../errors.js";
import { printJson, type CliIo } from "../command.js";
import { openServices } from "../services-context.js";
import { loadPanelZone } from "../zone-input.js";

/**
 * `sync DOMAIN --apply`: the same apply-drift job an admin's Apply on the drift page queues, run now by this
 * process's worker. It goes through the queue's per-domain lock, sets the domain's status, flags conflicts and
 * records drift exactly as the daemon does; when the daemon is working on the domain, the job waits for it instead.
 */
export async function applyThroughQueue(
  io: CliIo,
  zone: string,
  options: { force: boolean; adopt: boolean; json: boolean },
): Promise<number> {
  const services = openServices(io);
  try {
    const row = await panelDomain(services, zone);
    const id = services.queue.enqueue(
      applyDrift,
      { domain: zone, force: options.force, adopt: options.adopt },
      { lane: "interactive" },
    );
    const ran = await services.worker.runNow(id);
    const job = services.queue.get(id);
    const after = services.tasks.inventory.domain(zone) ?? row;
    const inSync = ran === "ran" && job?.state === "done" && after.dnsStatus === "active";
    const propagation = inSync ? await propagationOf(services, zone) : undefined;
    if (options.json) {
      printJson(io, {
        domain: zone,
        job: id,
        jobState: job?.state ?? null,
        dnsStatus: after.dnsStatus,
        reason: after.dnsReason,
        lastError: job?.lastError ?? null,
        propagation: propagation ?? null,
      });
      return inSync ? 0 : 1;
    }
    if (ran === "busy" || job?.state === "queued") {
      const why =
        job?.lastError ??
        (services.worker.pausedReason() !== undefined
          ? `sending to WEDOS is paused: ${services.worker.pausedReason() ?? ""}`
          : `another job of ${zone} is running`);
      io.stderr(
        `wedos-panel sync: ${zone} was not applied yet (${why}); job ${id} waits in the queue and the daemon runs it (wedos-panel jobs)\n`,
      );
      return 1;
    }
    if (job?.state === "dead") {
      io.stderr(`wedos-panel sync: job ${id} failed: ${job.lastError ?? ""}\n`);
      return 1;
    }
    if (!inSync) {
      io.stderr(`wedos-panel sync: ${zone} is ${after.dnsStatus}: ${after.dnsReason ?? ""}\n`);
      return 1;
    }
    io.stdout(`${zone}: WEDOS now matches the panel${after.dnsReason === null ? "" : ` (${after.dnsReason})`}.\n`);
    if (propagation !== undefined) {
      io.stdout(
        propagation.propagated
          ? `WEDOS's name servers serve the new data (${propagation.checked} record(s) checked).\n`
          : `Not yet served by every WEDOS name server (this can take minutes):\n${propagation.problems.map((p) => `  ${p}`).join("\n")}\n`,
      );
    }
    return 0;
  } finally {
    await services.close();
  }
}

/**
 * The domain as the plugin knows it, learnt from the panel first when no hook or import has mentioned it yet (as
 * `import --user` would). Only a panel's live domain is applied: its package's policy says how.
 */
async function panelDomain(services: Services, zone: string): Promise<DomainRow> {
  const { inventory } = services.tasks;
  if (inventory.domain(zone) === undefined) {
    const now = services.clock.now();
    for (const account of await services.panel.listAccounts()) {
      const domain = account.domains.find((candidate) => candidate.domain === zone);
      if (domain === undefined) continue;
      inventory.rememberAccount(account, now);
      inventory.rememberDomain(account, domain, now);
    }
  }
  const row = inventory.domain(zone);
  if (row === undefined)
    throw new AppError(
      "domain_not_in_panel",
      `${zone} is in no account of the panel: --apply syncs the panel's domains only (without --apply, sync plans any zone file)`,
    );
  if (row.state !== "active")
    throw new AppError(
      "domain_not_active",
      `${zone} is ${row.state} in the panel: its zone is not synced until it is active again`,
    );
  return row;
}

/** Whether WEDOS's name servers serve the panel's records (dns.propagationCheck), from the zone file: no WAPI request. */
async function propagationOf(services: Services, zone: string): Promise<PropagationReport | undefined> {
  const { config } = services;
  if (!config.dns.propagationCheck || services.tasks.zones.zone(zone)?.mode !== "primary") return undefined;
  const { rows } = auditRecords((await loadPanelZone(services.panel, zone)).records, zone);
  const report = await checkPropagation(zone, rows, config.dns.nameServers);
  if (report.propagated) services.tasks.zones.recordPropagated(zone, services.clock.now());
  return report;
}
