import { z } from "zod";
import { CreatorLevelStore } from "../../store/creator-level-store.js";
import { DaemonStateStore } from "../../store/daemon-state-store.js";
import type { PanelAccount } from "../../model/account.js";
import { applyPanelEvent } from "../lifecycle.js";
import type { WapiLane } from "../../wapi/lanes.js";
import { rememberCreatorLevels } from "../creator-levels.js";
import { defineTask } from "../task-definition.js";
import type { TaskContext } from "./context.js";
import { queueCreditWork } from "./credit-tasks.js";
import { adoptionUpkeep } from "./adoption-tasks.js";
import { checkDrift } from "./drift-tasks.js";
import { planUpkeep } from "./plan-upkeep.js";
import { deliverNotices } from "./notice-delivery.js";
import { provisionDomain } from "./zone-tasks.js";

export interface ReconcileReport {
  at: number;
  /** Panel domains the plugin did not know or that are missing at WEDOS (a missed event): provisioning queued. */
  missing: string[];
  /** Domains the plugin knows that are gone from the panel: treated as deleted (per the termination policy). */
  orphans: string[];
  /**
   * Accounts whose suspension, package, creator or existence differs between the panel and the inventory (an event
   * the spool could not take, e.g. on a full disk, or a change no hook reports): "suspended", "unsuspended",
   * "package", "reseller" (another creator), "gone", by username.
   */
  accounts: Array<{ username: string; change: AccountChange }>;
  /** Live domains the panel now lists under another account than the inventory had: moved, and billed so. */
  moved: string[];
  /** Zones queued for a drift check (a plan, not applied) this run. */
  driftChecks: number;
  deadJobs: number;
}

export type AccountChange = "suspended" | "unsuspended" | "package" | "reseller" | "gone";

export const RECONCILE_REPORT_KEY = "last_reconcile";

/**
 * reconcile: compares the panel with the inventory and with WEDOS's zone list (one request), queues what a
 * missed event would have queued, and spends at most `budgetShare` of the hourly budget on drift checks
 * (a plan of the zones looked at longest ago, kept for the admin's preview), and queues the WEDOS credit's reads
 * when they are due (credit-tasks.ts). Scheduled by cron; it only enqueues.
 */
export const reconcile = defineTask({
  name: "reconcile",
  payload: z.object({}),
  domainOf: () => null,
  lane: "background",
  run: async (ctx, job) => void (await reconcilePanel(ctx, job.lane)),
});

/**
 * What a lost suspension, unsuspension or package change would have done, done now through the same lifecycle
 * (docs/decisions/0027-a-full-disk.md); an account the inventory lacks takes its suspension from the panel.
 */
function applyAccountChanges(ctx: TaskContext, account: PanelAccount): AccountChange[] {
  const { inventory, lifecycle } = ctx;
  const known = inventory.account(account.username);
  if (known === undefined || known.deletedAt !== null) {
    if (account.suspended) {
      inventory.rememberAccount(account, ctx.clock.now());
      inventory.setAccountSuspended(account.username, true, ctx.clock.now());
    }
    return [];
  }
  const changes: AccountChange[] = [];
  // An account first seen without its package (a domain's event) only learns it: nothing says it changed.
  if (account.package !== undefined && known.package !== null && known.package !== account.package) {
    changes.push("package");
    applyPanelEvent({ kind: "package-changed", username: account.username, package: account.package }, lifecycle);
  }
  if (known.suspended !== account.suspended) {
    changes.push(account.suspended ? "suspended" : "unsuspended");
    applyPanelEvent(
      { kind: account.suspended ? "user-suspended" : "user-activated", username: account.username },
      lifecycle,
    );
  }
  return changes;
}

export async function reconcilePanel(ctx: TaskContext, lane: WapiLane): Promise<ReconcileReport> {
  const { panel, inventory, queue, clock, zones, wapi } = ctx;
  const now = clock.now();
  const report: ReconcileReport = {
    at: now,
    missing: [],
    orphans: [],
    accounts: [],
    moved: [],
    driftChecks: 0,
    deadJobs: 0,
  };
  const atWedos = new Set((await wapi.dns.domainsList({ lane })).map((zone) => zone.name));
  const inPanel = new Set<string>();
  const accountsInPanel = new Set<string>();

  const accounts = await panel.listAccounts();
  await rememberCreatorLevels(panel, new CreatorLevelStore(ctx.db), accounts, now);
  for (const account of accounts) {
    accountsInPanel.add(account.username);
    for (const change of applyAccountChanges(ctx, account))
      report.accounts.push({ username: account.username, change });
    const creatorBefore = inventory.account(account.username)?.creator ?? null;
    inventory.rememberAccount(account, now);
    if (creatorBefore !== null && account.creator !== undefined && creatorBefore !== account.creator) {
      // Moved to another reseller: no hook says so. Its running services are billed to the new one from today.
      report.accounts.push({ username: account.username, change: "reseller" });
      for (const domain of inventory.domainsOf(account.username)) ctx.billing.ownerMoved(domain.domain, now, "panel");
    }
    const policy = ctx.policies.forPackage(account.package);
    for (const domain of account.domains) {
      inPanel.add(domain.domain);
      const known = inventory.domain(domain.domain);
      const elsewhere = known?.username !== null && known?.username !== account.username;
      if (known !== undefined && known.state !== "deleted" && known.origin === "panel" && elsewhere) {
        // Moved to another account (or the account renamed): the panel is the truth, and the bill follows it.
        report.moved.push(domain.domain);
        inventory.rememberDomain(account, domain, now);
        ctx.billing.ownerMoved(domain.domain, now, "panel");
      }
      const missingAtWedos = policy.dnsMode !== "off" && !atWedos.has(domain.domain) && known?.dnsStatus !== "conflict";
      if (known === undefined || known.state === "deleted" || missingAtWedos) {
        report.missing.push(domain.domain);
        inventory.rememberDomain(account, domain, now);
        queue.enqueue(provisionDomain, { domain: domain.domain }, { lane: "background" });
      }
    }
  }
  // Read in pages, only the orphans kept; they are destroyed once all are found, as from one look at the inventory.
  // A cluster zone is in no local account: only its own deletion, pushed by its server, removes it.
  const orphans: Array<{ domain: string; username: string | null }> = [];
  for (const domain of inventory.liveLocalDomains()) if (!inPanel.has(domain.domain)) orphans.push(domain);
  for (const { domain, username } of orphans) {
    report.orphans.push(domain);
    applyPanelEvent({ kind: "domain-destroyed", username: username ?? undefined, domain }, ctx.lifecycle);
  }
  for (const username of inventory.liveAccounts()) {
    if (accountsInPanel.has(username)) continue;
    report.accounts.push({ username, change: "gone" });
    applyPanelEvent({ kind: "user-destroyed", username }, ctx.lifecycle);
  }

  // Drift checks plan only (one dns-rows-list each); what differs waits for an admin on the drift page.
  const driftBudget = Math.floor(ctx.reconcile.hourlyLimit * ctx.reconcile.budgetShare);
  const planned = ctx.drift.checkedAt();
  const lastLook = (domain: { domain: string; dnsSyncedAt: number | null }) =>
    Math.max(domain.dnsSyncedAt ?? 0, planned.get(domain.domain) ?? 0);
  const candidates = inventory
    .activeZoneSyncTimes()
    .filter((domain) => zones.zone(domain.domain)?.mode === "primary")
    .sort((a, b) => lastLook(a) - lastLook(b))
    .slice(0, driftBudget);
  for (const domain of candidates) queue.enqueue(checkDrift, { domain: domain.domain });
  report.driftChecks = candidates.length;
  queueCreditWork(ctx);
  report.deadJobs = queue.countsByState().dead;
  queue.enqueue(planUpkeep, {});
  queue.enqueue(adoptionUpkeep, {});
  // Notices made where no delivery was queued (another process, a crash between the two): handed over now.
  if (ctx.notices.undelivered(1).length > 0) queue.enqueue(deliverNotices, {});
  new DaemonStateStore(ctx.db).set(RECONCILE_REPORT_KEY, report, now);
  return report;
}
