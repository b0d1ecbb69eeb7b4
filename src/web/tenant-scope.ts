import type { DomainGroup, DomainListQuery, DomainScope } from "../store/domain-listing.js";
import type { DomainRow, InventoryStore } from "../store/inventory-store.js";
import { domainNotFound } from "./errors.js";
import type { Identity } from "./identity/identity.js";

/**
 * The one answer to "which domains may this visitor see and act on", used by every route: routes never read
 * domains from the inventory themselves. At the user level an account sees its own domains; at the reseller level
 * a reseller sees their own and those of the accounts they created (`accounts.creator`: an admin on the reseller
 * level sees the accounts it created, as DirectAdmin's own reseller level does, and the bills call those the
 * admin's own customers, docs/decisions/0046); at the admin level an admin sees all. The level is the page's,
 * already checked against DirectAdmin's usertype, so an admin on the user level sees only their own domains, as in
 * DirectAdmin. A domain outside the scope is answered exactly like a
 * domain that does not exist, so probing reveals nothing about other customers.
 */
export class TenantScope {
  private readonly creators = new Map<string, string | null>();

  constructor(
    private readonly inventory: InventoryStore,
    private readonly identity: Pick<Identity, "level" | "username">,
  ) {}

  /** One page of the visible domains (problems first, then by name), in the group and matching the search. */
  page(query: Omit<DomainListQuery, "scope">): DomainRow[] {
    return this.inventory.listing.page({ ...query, scope: this.sqlScope() });
  }

  /** How many visible domains matching the search each group holds. */
  counts(search: string): Record<DomainGroup, number> {
    return this.inventory.listing.counts(this.sqlScope(), search);
  }

  /** The same rule as `visible`, for the lists the store pages through (domains, waiting jobs). */
  sqlScope(): DomainScope {
    const { level, username } = this.identity;
    return level === "admin" ? { kind: "all" } : { kind: level === "user" ? "account" : "reseller", username };
  }

  /** The domain if it exists and is visible, else undefined. `name` is what the visitor typed or sent. */
  find(name: unknown): DomainRow | undefined {
    if (typeof name !== "string") return undefined;
    const domain = name.trim().toLowerCase().replace(/\.$/, "");
    if (domain === "" || domain.length > 253) return undefined;
    const row = this.inventory.domain(domain);
    return row !== undefined && this.visible(row) ? row : undefined;
  }

  /** The visible domain, or a 404 that reads the same whether it is someone else's or nobody's. */
  require(name: unknown): DomainRow {
    const row = this.find(name);
    if (row === undefined) throw domainNotFound();
    return row;
  }

  /** The visible pointers (aliases) of a domain: they belong to the domain's own account. */
  pointersTo(row: DomainRow): DomainRow[] {
    if (row.username === null) return [];
    return this.inventory
      .domainsOf(row.username)
      .filter((each) => each.kind === "pointer" && each.target === row.domain && this.visible(each));
  }

  private visible(row: DomainRow): boolean {
    const { level, username } = this.identity;
    if (level === "admin") return true;
    if (row.username === null) return false;
    if (row.username === username) return true;
    return level === "reseller" && this.creatorOf(row.username) === username;
  }

  private creatorOf(owner: string): string | null {
    if (!this.creators.has(owner)) this.creators.set(owner, this.inventory.account(owner)?.creator ?? null);
    return this.creators.get(owner) ?? null;
  }
}
