import type { Clock } from "../../clock.js";
import type { Panel } from "../../panel/panel.js";
import type { PanelMessages } from "../../panel/panel-messages.js";
import type { Database } from "../../store/database.js";
import type { ConflictStore } from "../../store/conflict-store.js";
import type { DnsZoneStore } from "../../store/dns-zone-store.js";
import type { DriftStore } from "../../store/drift-store.js";
import type { InventoryStore } from "../../store/inventory-store.js";
import type { NotificationStore } from "../../store/notification-store.js";
import type { PolicyStore } from "../../store/policy-store.js";
import type { ProtectionPlanStore } from "../../store/protection-plan-store.js";
import type { ProtectionStore } from "../../store/protection-store.js";
import type { ZoneSync } from "../../sync/zone-sync.js";
import type { Wapi } from "../../wapi/index.js";
import type { AdoptionRequests } from "../adoption-requests.js";
import type { BillingEvents } from "../billing-events.js";
import type { LifecycleDeps } from "../lifecycle.js";
import type { PlanBilling } from "../plan-billing.js";
import type { JobQueue } from "../queue.js";
import type { SpendCheck } from "../spend-check.js";

/** Everything a task may use. Built once by the composition root (main.ts) and shared by all tasks. */
export interface TaskContext {
  wapi: Wapi;
  panel: Panel;
  zoneSync: ZoneSync;
  zones: DnsZoneStore;
  inventory: InventoryStore;
  policies: PolicyStore;
  protections: ProtectionStore;
  conflicts: ConflictStore;
  /** Paid-until days, customers' plan choices and WEDOS Global templates (protection plans as products). */
  plans: ProtectionPlanStore;
  /** Sale terms and the spending check of plan changes, renewals and lapses (their ledger entries: `billing`). */
  planBilling: PlanBilling;
  /** The time zone whose calendar days the ledger counts (config.billing.timeZone). */
  billingTimeZone: string;
  /** What each zone's latest plan found, for the admin's drift preview. */
  drift: DriftStore;
  queue: JobQueue;
  clock: Clock;
  /** What panel events mean (the reconciler applies the ones a missed hook would have brought). */
  lifecycle: LifecycleDeps;
  dns: { defaultTtl: number; primaryIp: string | undefined };
  /** The reconciler's share of the hourly budget for drift checks, and the hourly limit it is a share of. */
  reconcile: { budgetShare: number; hourlyLimit: number };
  /** The WEDOS credit: hours between balance reads, and the calendar (billing.timeZone) its months are counted in. */
  credit: { checkHours: number; timeZone: string };
  db: Database;
  /** The usage ledger's writer: each task that starts, stops or charges a billed service calls it once. */
  billing: BillingEvents;
  /** Spending limits, checked before anything paid is ordered (provisioning/spend-check.ts). */
  spending: Pick<SpendCheck, "check">;
  /** Adoption requests: a service found at WEDOS is taken over only once its owner approved (adoption-requests.ts). */
  adoptions: AdoptionRequests;
  /** The resolver the TXT proof of an adoption asks (`dns.delegationResolver`; undefined: the system's). */
  adoption: { resolver: string | undefined };
  /** Notices for people who must act on a request, and the panel's own messages they are delivered through. */
  notices: NotificationStore;
  messages: PanelMessages;
}
