import type { Clock } from "./clock.js";
import type { Config } from "./config/load.js";
import type { Panel } from "./panel/panel.js";
import { AdoptionRequests } from "./provisioning/adoption-requests.js";
import { panelAdapter } from "./panel/adapters.js";
import { CustomerActions } from "./provisioning/customer-actions.js";
import type { DaemonDeps } from "./provisioning/daemon.js";
import { DelegationChecker } from "./provisioning/delegation-checker.js";
import { SendingEstimates } from "./provisioning/estimate.js";
import { spendCheckFor, spendRefusalReason } from "./provisioning/spend-check.js";
import { money } from "./billing/money.js";
import { resumeSending } from "./provisioning/resume.js";
import { ingestSpool, type IngestResult } from "./provisioning/ingest.js";
import type { LifecycleDeps } from "./provisioning/lifecycle.js";
import { BillingEvents } from "./provisioning/billing-events.js";
import { offerTerms } from "./store/offer-store.js";
import { backfillLedger } from "./provisioning/billing-backfill.js";
import { planBillingOf } from "./provisioning/plan-billing.js";
import type { JobQueue } from "./provisioning/queue.js";
import { SqliteJobQueue } from "./provisioning/sqlite-job-queue.js";
import type { TaskContext } from "./provisioning/tasks/context.js";
import { TASKS } from "./provisioning/tasks/index.js";
import { queueTakeOver } from "./provisioning/tasks/adoption-tasks.js";
import { deliveredNotices } from "./provisioning/tasks/notice-delivery.js";
import { runConnectionTest, type ConnectionTest } from "./provisioning/tasks/test-connection.js";
import { ensureSpool, hookSpool, type HookSpool } from "./provisioning/spool.js";
import { Worker } from "./provisioning/worker.js";
import { ConflictStore } from "./store/conflict-store.js";
import { backupDatabase, backupDirOf } from "./store/backup.js";
import { openConfiguredDatabase, type Database } from "./store/database.js";
import { DaemonStateStore } from "./store/daemon-state-store.js";
import { DelegationStore } from "./store/delegation-store.js";
import { DnsZoneStore } from "./store/dns-zone-store.js";
import { DriftStore } from "./store/drift-store.js";
import { HookWarningStore } from "./store/hook-warning-store.js";
import { InventoryStore } from "./store/inventory-store.js";
import { PriceBookStore } from "./store/price-book-store.js";
import { PolicyStore } from "./store/policy-store.js";
import { RequestCostStore } from "./store/request-cost-store.js";
import { ProtectionPlanStore } from "./store/protection-plan-store.js";
import { ProtectionStore } from "./store/protection-store.js";
import { SpoolStore } from "./store/spool-store.js";
import { ServiceRequestStore } from "./store/service-request-store.js";
import { UsageLedgerStore } from "./store/usage-ledger-store.js";
import { ZoneSync } from "./sync/zone-sync.js";
import { createWapi, type Wapi } from "./wapi/index.js";
import type { WebDeps, WebStores } from "./web/deps.js";

/**
 * Everything the daemon, the CLI and the tests use, wired once from the configuration. It satisfies what each
 * consumer below declares it needs (the pages' WebDeps, the daemon loop's DaemonDeps); they never import this type.
 */
export interface Services extends WebDeps, DaemonDeps {
  config: Config;
  clock: Clock;
  db: Database;
  wapi: Wapi;
  panel: Panel;
  queue: JobQueue;
  /** Customers' Sync now and Purge: per-domain cooldown and fair shares (docs/decisions/0015-fair-shares-of-the-budget.md). */
  actions: CustomerActions;
  worker: Worker;
  tasks: TaskContext;
  lifecycle: LifecycleDeps;
  spool: SpoolStore;
  /** The stores the pages use; the task handlers get the same instances. */
  stores: WebStores;
  /** Where the hooks write their events, and the daemon's notes beside them. */
  hookSpool: HookSpool;
  /** Whether each domain's delegation to WEDOS's name servers is seen (DNS queries, run by the daemon). */
  delegation: DelegationChecker;
  /**
   * Aborted when the daemon stops (startDaemon): the worker's loop and every wait of a job (the WAPI budget's wait
   * for the next hour) end at once, and the job in hand goes back to the queue.
   */
  shutdown: AbortController;
  /** Turns spooled hook events into inventory changes and jobs. */
  ingest(): IngestResult;
  /** An admin's Test connection (the settings page): one ping now, its outcome kept in daemon_state. */
  testConnection(): Promise<ConnectionTest>;
  close(): Promise<void>;
}

/** The composition root: config → store → services. */
export function createServices(config: Config, clock: Clock, panel: Panel): Services {
  const db = openConfiguredDatabase(config);
  const shutdown = new AbortController();
  const wapi = createWapi(config, db, clock, shutdown.signal);
  const queue: JobQueue = new SqliteJobQueue(db, clock);
  const stores: WebStores = {
    inventory: new InventoryStore(db),
    zones: new DnsZoneStore(db),
    policies: new PolicyStore(db),
    protections: new ProtectionStore(db),
    conflicts: new ConflictStore(db),
    drift: new DriftStore(db),
    delegations: new DelegationStore(db),
  };
  const { zones, inventory, policies } = stores;
  // One lookup of what is sold at what: the ledger's writer and the plan tasks' decisions read the same terms.
  const terms = offerTerms(db);
  const billing = new BillingEvents({
    db,
    ledger: new UsageLedgerStore(db),
    priceBook: new PriceBookStore(db),
    inventory,
    timeZone: config.billing.timeZone,
    terms,
  });
  const lifecycle: LifecycleDeps = {
    inventory,
    policies,
    queue,
    clock,
    provisionClusterZones: config.directadmin.provisionClusterZones,
    billing,
  };
  const spending = spendCheckFor(db, config.billing);
  const notices = deliveredNotices(db, queue);
  const adoptions = new AdoptionRequests({
    requests: new ServiceRequestStore(db),
    notices,
    inventory,
    clock,
    times: { expiryDays: config.daemon.adoptionExpiryDays, reminderDays: config.daemon.adoptionReminderDays },
    takeOver: (request) =>
      queueTakeOver({ queue, clock, inventory, conflicts: stores.conflicts, drift: stores.drift }, request),
  });
  const tasks: TaskContext = {
    wapi,
    panel,
    zoneSync: new ZoneSync({ wapi, zones, clock }),
    zones,
    inventory,
    policies,
    protections: stores.protections,
    conflicts: stores.conflicts,
    plans: new ProtectionPlanStore(db),
    planBilling: planBillingOf({
      terms,
      checkSpend: ({ username, price }) => {
        const decision = spending.check({
          username,
          price: price ?? money(0, config.billing.currency),
          now: clock.now(),
        });
        if (decision.allowed) return { allowed: true };
        return { allowed: false, reason: spendRefusalReason(decision, "the plan change").detail };
      },
    }),
    billingTimeZone: config.billing.timeZone,
    drift: stores.drift,
    queue,
    clock,
    lifecycle,
    dns: { defaultTtl: config.dns.defaultTtl, primaryIp: config.dns.primaryIp },
    reconcile: { budgetShare: config.daemon.reconcileBudgetShare, hourlyLimit: config.wapi.hourlyLimit },
    credit: { checkHours: config.billing.creditCheckHours, timeZone: config.billing.timeZone },
    db,
    billing,
    spending,
    adoptions,
    adoption: { resolver: config.dns.delegationResolver },
    notices,
    messages: panelAdapter(panel.kind).messages(config),
  };
  const worker = new Worker({
    queue,
    clock,
    circuit: wapi.circuit,
    fairShare: () => wapi.budget.fairShare(),
    tasks: TASKS,
    context: tasks,
  });
  const spool = new SpoolStore(db);
  const delegation = new DelegationChecker({
    inventory,
    store: stores.delegations,
    clock,
    resolver: config.dns.delegationResolver,
    nameServers: config.dns.delegationNameServers,
  });
  const hooks = hookSpool(config.dataDir, config.installation);
  ensureSpool(hooks);
  return {
    config,
    clock,
    db,
    wapi,
    panel,
    queue,
    actions: new CustomerActions({
      queue,
      inventory,
      budget: wapi.budget,
      clock,
      cooldownMs: config.wapi.actionCooldownMinutes * 60_000,
    }),
    worker,
    tasks,
    lifecycle,
    spool,
    spending,
    adoptions,
    notices,
    estimates: new SendingEstimates({ costs: new RequestCostStore(db), wapi: wapi.status, clock }),
    stores,
    hookSpool: hooks,
    delegation,
    shutdown,
    ingest: () => ingestSpool(hooks, spool, lifecycle, new HookWarningStore(db)),
    testConnection: () => runConnectionTest({ wapi, clock, db }),
    resumeSending: (cause) => resumeSending({ circuit: wapi.circuit, db, clock }, cause),
    backfillLedger: () => backfillLedger({ ...stores, state: new DaemonStateStore(db), billing, now: clock.now() }),
    backup: () => backupDatabase(db, backupDirOf(config), clock.now(), config.store.backupKeep),
    close: async () => {
      await wapi.close();
      db.close();
    },
  };
}
