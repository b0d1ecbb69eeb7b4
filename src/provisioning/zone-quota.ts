import type { InventoryStore } from "../store/inventory-store.js";
import type { PolicyStore } from "../store/policy-store.js";

/**
 * The one check worth refusing a panel action for: a package's quota of WEDOS zones. It runs in the
 * domain_create_pre / domain_pointer_create_pre hooks, before DirectAdmin creates the domain, so a customer is
 * told at once instead of getting a domain whose DNS will never be provisioned. Returns the refusal, or
 * undefined when the domain may be created.
 */
export function zoneQuotaRefusal(
  input: { username: string; domain: string; package: string | undefined },
  inventory: InventoryStore,
  policies: PolicyStore,
): string | undefined {
  const pkg = inventory.account(input.username)?.package ?? input.package;
  const policy = policies.forPackage(pkg);
  if (policy.zoneQuota === 0 || policy.dnsMode === "off") return undefined;
  const used = inventory
    .domainsOf(input.username)
    .filter((domain) => domain.state !== "deleted" && domain.domain !== input.domain).length;
  if (used < policy.zoneQuota) return undefined;
  return `WEDOS DNS: the package ${pkg ?? "(none)"} includes WEDOS DNS for ${policy.zoneQuota} domain(s) and this account has ${used}; remove a domain or ask your provider for a larger package`;
}
