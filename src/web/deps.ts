import type { TermsLookup } from "../billing/terms.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config/load.js";
import type { ResumeCause, WapiStatusView } from "../model/wapi-status.js";
import type { WapiCredentialsWriter } from "../model/wapi-settings.js";
import type { Panel } from "../panel/panel.js";
import type { AdoptionRequests } from "../provisioning/adoption-requests.js";
import type { CustomerActions } from "../provisioning/customer-actions.js";
import type { SendingEstimates } from "../provisioning/estimate.js";
import type { SpendCheck } from "../provisioning/spend-check.js";
import type { JobQueue } from "../provisioning/queue.js";
import type { NotificationStore } from "../store/notification-store.js";
import type { ConnectionTest } from "../provisioning/tasks/test-connection.js";
import type { ConflictStore } from "../store/conflict-store.js";
import type { Database } from "../store/database.js";
import type { DelegationStore } from "../store/delegation-store.js";
import type { DnsZoneStore } from "../store/dns-zone-store.js";
import type { DriftStore } from "../store/drift-store.js";
import type { InventoryStore } from "../store/inventory-store.js";
import type { PolicyStore } from "../store/policy-store.js";
import type { ProtectionStore } from "../store/protection-store.js";
import type { WapiCallStore } from "../store/wapi-call-store.js";

/** The stores the pages read (customers' through the tenant scope) and the admin's pages change. */
export interface WebStores {
  inventory: InventoryStore;
  zones: DnsZoneStore;
  protections: ProtectionStore;
  conflicts: ConflictStore;
  policies: PolicyStore;
  drift: DriftStore;
  delegations: DelegationStore;
}

/**
 * Everything the pages use of the daemon, and nothing more; main.ts's Services satisfies it. Of WAPI the pages see
 * only its state, read-only, the log of its requests, and the settings in use: they never send a request
 * themselves except the admin's Test connection, and never reach the client, the budget or the circuit.
 */
export interface WebDeps {
  config: Config;
  clock: Clock;
  db: Database;
  panel: Panel;
  queue: JobQueue;
  /** Customers' Sync now and Purge (cooldown and fair shares). */
  actions: CustomerActions;
  stores: WebStores;
  /** When waiting changes are expected at WEDOS, and what holds sending back (a pause, a spent budget). */
  estimates: SendingEstimates;
  wapi: {
    status: WapiStatusView;
    calls: Pick<WapiCallStore, "latest">;
    credentials: WapiCredentialsWriter;
  };
  /** Spending limits: checked before a page orders anything paid, and warned about from 80 %. */
  spending: SpendCheck;
  /** The admin's Test connection: one ping now with the settings in use; the outcome is kept for the settings page. */
  testConnection(): Promise<ConnectionTest>;
  /**
   * Ends a pause whose cause is fixed and makes the jobs it put off due now (provisioning/resume.ts): the admin's
   * Resume, and the settings page once it saved new WAPI settings. False if no such pause held.
   */
  resumeSending(cause: ResumeCause): boolean;
  /** Adoption requests: the owner's consent before a service found at WEDOS is taken over. */
  adoptions: AdoptionRequests;
  /** Notices for people who must act on a request; each one's delivery is queued as it is written. */
  notices: NotificationStore;
  /** The offers' sale terms, for the prices the plan section shows; without them no price is shown. */
  saleTerms?: TermsLookup;
}
