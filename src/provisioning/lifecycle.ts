import type { Clock } from "../clock.js";
import type { PanelEvent } from "../panel/events.js";
import type { InventoryStore } from "../store/inventory-store.js";
import type { PolicyStore } from "../store/policy-store.js";
import type { BillingEvents } from "./billing-events.js";
import type { JobQueue } from "./queue.js";
import { jobKey } from "./task-definition.js";
import { changeProtectionPlan } from "./tasks/plan-tasks.js";
import { replicateTemplate } from "./tasks/template-tasks.js";
import { provisionDomain, removeDomain, syncZone, withdrawZone } from "./tasks/zone-tasks.js";

const DAY_MS = 86_400_000;

export interface LifecycleDeps {
  inventory: InventoryStore;
  policies: PolicyStore;
  queue: JobQueue;
  clock: Clock;
  /** Whether zones pushed by other DirectAdmin cluster servers are provisioned here (directadmin.provisionClusterZones). */
  provisionClusterZones: boolean;
  /** The usage ledger's writer: suspensions, and domains handed over to the customer. */
  billing: BillingEvents;
}

/**
 * What a panel event means: the inventory is updated at once and the WEDOS work is queued. Nothing here talks to
 * WEDOS. Every branch is idempotent, because restores and migrations replay creation hooks (skip_template=1).
 */
export function applyPanelEvent(event: PanelEvent, deps: LifecycleDeps): void {
  const { inventory, queue, clock } = deps;
  const now = clock.now();
  switch (event.kind) {
    case "user-created":
      inventory.upsertAccount(
        { username: event.username, package: event.package, ips: event.ips, creator: event.creator },
        now,
      );
      if (event.domain !== undefined) createDomain(deps, event.domain, event.username, "domain", undefined);
      return;
    case "domain-created":
      inventory.upsertAccount({ username: event.username, ips: event.ips }, now);
      createDomain(deps, event.domain, event.username, "domain", undefined);
      return;
    case "pointer-created": {
      const owner =
        event.username ??
        (event.domain === undefined ? undefined : (inventory.domain(event.domain)?.username ?? undefined));
      createDomain(deps, event.pointer, owner, "pointer", event.domain);
      return;
    }
    case "zone-created": {
      const known = inventory.domain(event.domain);
      createDomain(
        deps,
        event.domain,
        event.username ?? known?.username ?? undefined,
        known?.kind ?? "domain",
        known?.target ?? undefined,
      );
      return;
    }
    case "zone-pushed":
      applyPushedZone(deps, event.domain);
      return;
    case "zone-written": {
      // A suspended account's edits are queued too: the task syncs them or, when the policy withdrew the zone,
      // leaves them to the provisioning that follows the unsuspension. Either way no edit is lost.
      const state = inventory.domain(event.domain)?.state;
      if (state !== "active" && state !== "suspended") return;
      // The domain's provisioning has not started yet: it reads the zone file when it runs, edit included, so the edit
      // rides along instead of costing a zone listing of its own afterwards.
      const provisioning = queue.active(jobKey(provisionDomain, { domain: event.domain }));
      queue.enqueue(provisioning?.state === "queued" ? provisionDomain : syncZone, {
        domain: event.domain,
        env: event.env,
      });
      return;
    }
    case "domain-renamed":
      createDomain(deps, event.to, event.username, "domain", undefined);
      deleteDomain(deps, event.from);
      return;
    case "domain-destroyed":
    case "zone-deleted":
      deleteDomain(deps, event.domain);
      return;
    case "pointer-destroyed":
      deleteDomain(deps, event.pointer);
      return;
    case "user-destroyed":
      inventory.markAccountDeleted(event.username, now);
      for (const domain of inventory.domainsOf(event.username)) deleteDomain(deps, domain.domain);
      return;
    case "user-suspended":
    case "user-activated":
      setSuspended(deps, event.username, event.kind === "user-suspended");
      return;
    case "package-changed":
      changePackage(deps, event.username, event.package);
      return;
  }
}

function createDomain(
  deps: LifecycleDeps,
  domain: string,
  username: string | undefined,
  kind: "domain" | "pointer",
  target: string | undefined,
): void {
  const { inventory, clock } = deps;
  const suspended = username !== undefined && inventory.account(username)?.suspended === true;
  inventory.upsertDomain({ domain, username, kind, target, state: suspended ? "suspended" : "active" }, clock.now());
  queueProvisioning(deps, domain);
}

/**
 * A zone another DirectAdmin cluster server pushed here. A live domain of a local account stays that account's
 * (the push is a copy of it, and the hook's username is only the local admin); any other zone belongs to the
 * server that owns its account, and is provisioned here, without a local owner, only when this server is set to
 * provision cluster zones (docs/decisions/0013-directadmin-cluster-zones.md).
 */
function applyPushedZone(deps: LifecycleDeps, domain: string): void {
  const known = deps.inventory.domain(domain);
  if (known !== undefined && known.origin === "panel" && known.state !== "deleted") {
    createDomain(deps, domain, known.username ?? undefined, known.kind, known.target ?? undefined);
    return;
  }
  if (!deps.provisionClusterZones) return;
  deps.inventory.upsertClusterZone(domain, deps.clock.now());
  queueProvisioning(deps, domain);
}

function queueProvisioning(deps: LifecycleDeps, domain: string): void {
  deps.queue.enqueue(provisionDomain, { domain });
}

/** Marks the domain deleted, ends its billing, and schedules its removal at WEDOS after the grace period (policy). */
function deleteDomain(deps: LifecycleDeps, domain: string): void {
  const { inventory, policies, queue, clock } = deps;
  const row = inventory.domain(domain);
  if (row === undefined || row.state === "deleted") return;
  const policy = policies.forPackage(row.username === null ? undefined : inventory.account(row.username)?.package);
  const now = clock.now();
  if (policy.termination === "keep") {
    inventory.setDomainState(domain, "deleted", null, now);
    deps.billing.domainEnded(domain, now, "panel", "deleted in the panel; left at WEDOS (termination: keep)");
    return;
  }
  // The customer's service ends with the deletion; the grace period is the provider's, not billed
  // (docs/decisions/0046). Cancel removal, or the domain created again, bills what still runs at WEDOS again.
  const graceMs = policy.graceDays * DAY_MS;
  inventory.setDomainState(domain, "deleted", now + graceMs, now);
  deps.billing.domainEnded(domain, now, "panel", "deleted in the panel; removed from WEDOS after the grace period");
  queue.enqueue(removeDomain, { domain }, { delayMs: graceMs });
}

/**
 * Another package may mean another policy. The account's live domains are provisioned again, and every task reads
 * the policy when it runs, so the new one applies: a package with protection orders it, another DNS mode re-syncs
 * the zone in that mode. A suspended account moved to a package whose policy withdraws suspended zones has its
 * zones withdrawn. Running protection moves to the new package's plan and template. What the plugin already made at WEDOS is never removed by a package change ("off" leaves an
 * existing zone alone and stops syncing it): removal belongs to deletion and its grace period.
 */
function changePackage(deps: LifecycleDeps, username: string, pkg: string): void {
  const { inventory, policies, queue, clock } = deps;
  inventory.upsertAccount({ username, package: pkg }, clock.now());
  const policy = policies.forPackage(pkg);
  for (const domain of inventory.domainsOf(username)) {
    if (domain.state === "deleted") continue;
    queue.enqueue(domain.state === "suspended" && policy.onSuspend === "withdraw" ? withdrawZone : provisionDomain, {
      domain: domain.domain,
    });
    // A running service follows the new package's plan, period and template (each job does nothing without one).
    queue.enqueue(changeProtectionPlan, { domain: domain.domain }, { lane: "background" });
    queue.enqueue(replicateTemplate, { domain: domain.domain });
  }
}

function setSuspended(deps: LifecycleDeps, username: string, suspended: boolean): void {
  const { inventory, policies, queue, clock } = deps;
  const now = clock.now();
  inventory.setAccountSuspended(username, suspended, now);
  deps.billing.suspensionChanged(username, suspended, now, "panel");
  const policy = policies.forPackage(inventory.account(username)?.package);
  for (const domain of inventory.domainsOf(username)) {
    if (domain.state === "deleted") continue;
    inventory.setDomainState(domain.domain, suspended ? "suspended" : "active", null, now);
    if (suspended && policy.onSuspend === "withdraw") {
      queue.enqueue(withdrawZone, { domain: domain.domain });
    } else if (!suspended && (domain.dnsStatus === "withdrawn" || policy.onSuspend === "withdraw")) {
      // Withdrawn, or about to be: the zone comes back from the panel's records as they are now.
      queue.enqueue(provisionDomain, { domain: domain.domain });
    }
  }
}
