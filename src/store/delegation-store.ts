import type { DelegationStatus } from "../model/delegation-status.js";
import type { Database } from "./database.js";

/** The last delegation check of one domain. */
export interface DelegationRow {
  domain: string;
  status: DelegationStatus;
  nameservers: string[];
  detail: string | null;
  checkedAt: number;
  /** Since when it has been seen without a break; null while not seen. */
  seenAt: number | null;
  /** Checks in a row that did not see it. */
  misses: number;
  nextCheckAt: number;
}

const COLUMNS =
  "domain, status, nameservers, detail, checked_at AS checkedAt, seen_at AS seenAt, misses, next_check_at AS nextCheckAt";
type Raw = Omit<DelegationRow, "nameservers"> & { nameservers: string };
const parse = (row: Raw): DelegationRow => ({ ...row, nameservers: JSON.parse(row.nameservers) as string[] });

/** Whether each domain's delegation to WEDOS's name servers is seen, and when to look again. */
export class DelegationStore {
  constructor(private readonly db: Database) {}

  get(domain: string): DelegationRow | undefined {
    const row = this.db.prepare<[string], Raw>(`SELECT ${COLUMNS} FROM delegation_checks WHERE domain = ?`).get(domain);
    return row === undefined ? undefined : parse(row);
  }

  /** Every stored check, by domain (the checker picks the due ones among the inventory's domains). */
  all(): Map<string, DelegationRow> {
    return new Map(
      this.db
        .prepare<[], Raw>(`SELECT ${COLUMNS} FROM delegation_checks`)
        .all()
        .map((row) => [row.domain, parse(row)]),
    );
  }

  save(row: DelegationRow): void {
    this.db
      .prepare(
        `INSERT INTO delegation_checks (domain, status, nameservers, detail, checked_at, seen_at, misses, next_check_at)
         VALUES (@domain, @status, @nameservers, @detail, @checkedAt, @seenAt, @misses, @nextCheckAt)
         ON CONFLICT (domain) DO UPDATE SET status = excluded.status, nameservers = excluded.nameservers, detail = excluded.detail,
           checked_at = excluded.checked_at, seen_at = excluded.seen_at, misses = excluded.misses, next_check_at = excluded.next_check_at`,
      )
      .run({ ...row, nameservers: JSON.stringify(row.nameservers) });
  }
}
