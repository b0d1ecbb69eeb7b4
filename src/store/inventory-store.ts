import type { PanelAccount, PanelDomain } from "../model/account.js";
import type { Database, Statement } from "./database.js";
import { encodeReason, type Reason } from "../model/reason.js";
import { DOMAIN_COLUMNS, DomainListing } from "./domain-listing.js";

export type DomainState = "active" | "suspended" | "deleted";
export type DnsStatus = "pending" | "active" | "error" | "off" | "withdrawn" | "removed" | "conflict";
/** Where a domain comes from: a local account, or a zone another DirectAdmin cluster server pushed here. */
export type DomainOrigin = "panel" | "cluster";

export interface AccountRow {
  username: string;
  package: string | null;
  ips: string[];
  creator: string | null;
  suspended: boolean;
  deletedAt: number | null;
}

export interface DomainRow {
  domain: string;
  username: string | null;
  kind: "domain" | "pointer";
  target: string | null;
  state: DomainState;
  origin: DomainOrigin;
  deleteAfter: number | null;
  dnsStatus: DnsStatus;
  /** The operator's English text of the reason (model/reason.ts), or null. */
  dnsReason: string | null;
  /** The reason's code and parameters (JSON); null when there is no reason or it was written without one. */
  dnsReasonCode: string | null;
  dnsSyncedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** The parameters of the domain upsert. */
interface DomainUpsert {
  domain: string;
  username: string | null;
  kind: "domain" | "pointer";
  target: string | null;
  state: DomainState;
  now: number;
}

/** The panel's accounts and domains as the plugin knows them. */
export class InventoryStore {
  /** The pages' lists: one page of a scope's domains at a time, and the counts of their groups. */
  readonly listing: DomainListing;
  // Prepared once: a reconcile looks up and records each of 10,000 domains, and a statement prepared per call is a
  // compiled program in the malloc heap and an object in V8's until a collection frees them.
  private readonly selectDomain: Statement<[string], DomainRow>;
  private readonly upsertDomainRow: Statement<[DomainUpsert]>;

  constructor(private readonly db: Database) {
    this.listing = new DomainListing(db);
    this.selectDomain = db.prepare<[string], DomainRow>(`SELECT ${DOMAIN_COLUMNS} FROM domains WHERE domain = ?`);
    this.upsertDomainRow = db.prepare<[DomainUpsert]>(
      `INSERT INTO domains (domain, username, kind, target, state, delete_after, dns_status, created_at, updated_at)
       VALUES (@domain, @username, @kind, @target, @state, NULL, 'pending', @now, @now)
       ON CONFLICT (domain) DO UPDATE SET username = COALESCE(excluded.username, username), kind = excluded.kind,
         target = excluded.target, state = excluded.state, origin = 'panel', delete_after = NULL, updated_at = excluded.updated_at`,
    );
  }

  upsertAccount(
    account: { username: string; package?: string | undefined; ips?: readonly string[]; creator?: string | undefined },
    now: number,
  ): void {
    this.db
      .prepare(
        `INSERT INTO accounts (username, package, ips, creator, suspended, deleted_at, updated_at)
         VALUES (@username, @package, @ips, @creator, 0, NULL, @now)
         ON CONFLICT (username) DO UPDATE SET package = COALESCE(excluded.package, package),
           ips = CASE WHEN excluded.ips = '[]' THEN ips ELSE excluded.ips END,
           creator = COALESCE(excluded.creator, creator), deleted_at = NULL, updated_at = excluded.updated_at`,
      )
      .run({
        username: account.username,
        package: account.package ?? null,
        ips: JSON.stringify(account.ips ?? []),
        creator: account.creator ?? null,
        now,
      });
  }

  /** Records an account as the panel lists it (import, reconciler). */
  rememberAccount(account: PanelAccount, now: number): void {
    this.upsertAccount(
      { username: account.username, package: account.package, ips: account.ips, creator: account.creator },
      now,
    );
  }

  /** Records one of an account's domains as the panel lists it; a suspended account's domains are suspended. */
  rememberDomain(account: PanelAccount, domain: PanelDomain, now: number): void {
    this.upsertDomain(
      {
        domain: domain.domain,
        username: account.username,
        kind: domain.kind,
        target: domain.target,
        state: account.suspended ? "suspended" : "active",
      },
      now,
    );
  }

  account(username: string): AccountRow | undefined {
    const row = this.db
      .prepare<[string], Omit<AccountRow, "ips" | "suspended"> & { ips: string; suspended: number }>(
        "SELECT username, package, ips, creator, suspended, deleted_at AS deletedAt FROM accounts WHERE username = ?",
      )
      .get(username);
    return row === undefined
      ? undefined
      : { ...row, ips: JSON.parse(row.ips) as string[], suspended: row.suspended === 1 };
  }

  /** The accounts the plugin takes to be in the panel (not deleted). */
  liveAccounts(): string[] {
    return this.db
      .prepare<[], { username: string }>("SELECT username FROM accounts WHERE deleted_at IS NULL ORDER BY username")
      .all()
      .map((row) => row.username);
  }

  setAccountSuspended(username: string, suspended: boolean, now: number): void {
    this.db
      .prepare("UPDATE accounts SET suspended = ?, updated_at = ? WHERE username = ?")
      .run(suspended ? 1 : 0, now, username);
  }

  markAccountDeleted(username: string, now: number): void {
    this.db.prepare("UPDATE accounts SET deleted_at = ?, updated_at = ? WHERE username = ?").run(now, now, username);
  }

  /** Records a live domain; re-creating a deleted domain cancels its pending removal. */
  upsertDomain(
    domain: {
      domain: string;
      username: string | undefined;
      kind: "domain" | "pointer";
      target?: string | undefined;
      state?: DomainState;
    },
    now: number,
  ): void {
    this.upsertDomainRow.run({
      domain: domain.domain,
      username: domain.username ?? null,
      kind: domain.kind,
      target: domain.target ?? null,
      state: domain.state ?? "active",
      now,
    });
  }

  /**
   * Records a zone another DirectAdmin cluster server pushed here: no local owner (a former local owner's claim
   * ends, the account's domain now lives on the other server), live again if it was deleted.
   */
  upsertClusterZone(domain: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO domains (domain, username, kind, target, state, origin, delete_after, dns_status, created_at, updated_at)
         VALUES (@domain, NULL, 'domain', NULL, 'active', 'cluster', NULL, 'pending', @now, @now)
         ON CONFLICT (domain) DO UPDATE SET username = NULL, kind = 'domain', target = NULL, state = 'active',
           origin = 'cluster', delete_after = NULL, updated_at = excluded.updated_at`,
      )
      .run({ domain, now });
  }

  domain(domain: string): DomainRow | undefined {
    return this.selectDomain.get(domain);
  }

  domainsOf(username: string): DomainRow[] {
    return this.db
      .prepare<[string], DomainRow>(`SELECT ${DOMAIN_COLUMNS} FROM domains WHERE username = ? ORDER BY domain`)
      .all(username);
  }

  allDomains(): DomainRow[] {
    return this.db.prepare<[], DomainRow>(`SELECT ${DOMAIN_COLUMNS} FROM domains ORDER BY domain`).all();
  }

  /**
   * The live domains of local accounts (neither deleted nor a cluster zone), name and owner only, in name order,
   * read `pageSize` rows at a time: a pass over 10,000 domains never holds every row at once.
   */
  *liveLocalDomains(pageSize = 500): Generator<{ domain: string; username: string | null }> {
    const page = this.db.prepare<[string, number], { domain: string; username: string | null }>(
      `SELECT domain, username FROM domains WHERE domain > ? AND state <> 'deleted' AND origin <> 'cluster'
       ORDER BY domain LIMIT ?`,
    );
    for (let after = ""; ;) {
      const rows = page.all(after, pageSize);
      yield* rows;
      const last = rows.at(-1);
      if (last === undefined || rows.length < pageSize) return;
      after = last.domain;
    }
  }

  /** The domains active with their zone active at WEDOS, in name order, with when their zone was last synced. */
  activeZoneSyncTimes(): Array<{ domain: string; dnsSyncedAt: number | null }> {
    return this.db
      .prepare<[], { domain: string; dnsSyncedAt: number | null }>(
        `SELECT domain, dns_synced_at AS dnsSyncedAt FROM domains WHERE state = 'active' AND dns_status = 'active'
         ORDER BY domain`,
      )
      .all();
  }

  setDomainState(domain: string, state: DomainState, deleteAfter: number | null, now: number): void {
    this.db
      .prepare("UPDATE domains SET state = ?, delete_after = ?, updated_at = ? WHERE domain = ?")
      .run(state, deleteAfter, now, domain);
  }

  setDnsStatus(domain: string, status: DnsStatus, reason: Reason | null, now: number, synced = false): void {
    this.db
      .prepare(
        "UPDATE domains SET dns_status = @status, dns_reason = @detail, dns_reason_code = @code, dns_synced_at = CASE WHEN @synced THEN @now ELSE dns_synced_at END, updated_at = @now WHERE domain = @domain",
      )
      .run({
        domain,
        status,
        detail: reason?.detail ?? null,
        code: reason === null ? null : encodeReason(reason),
        now,
        synced: synced ? 1 : 0,
      });
  }
}
