import type { Database } from "./database.js";

/** Whose interactive requests these are: the domain's account and the reseller (creator) of that account. */
export interface BudgetOwner {
  account: string;
  reseller: string | null;
}

/** Interactive WAPI requests per clock hour per account and per reseller, for their fair shares. */
export class WapiShareStore {
  private readonly add;
  private readonly read;

  constructor(db: Database) {
    this.add = db.prepare<[{ hourStart: number; kind: string; name: string }]>(
      `INSERT INTO wapi_share (hour_start, kind, name, used) VALUES (@hourStart, @kind, @name, 1)
       ON CONFLICT (hour_start, kind, name) DO UPDATE SET used = used + 1`,
    );
    this.read = db.prepare<[{ hourStart: number; kind: string; name: string }], { used: number }>(
      "SELECT used FROM wapi_share WHERE hour_start = @hourStart AND kind = @kind AND name = @name",
    );
  }

  /** Counts one interactive request of the hour for the owner's account and reseller. */
  charge(hourStart: number, owner: BudgetOwner): void {
    this.add.run({ hourStart, kind: "account", name: owner.account });
    if (owner.reseller !== null) this.add.run({ hourStart, kind: "reseller", name: owner.reseller });
  }

  /** The owner's interactive requests this hour: its account's and its reseller's (0 without a reseller). */
  used(hourStart: number, owner: BudgetOwner): { account: number; reseller: number } {
    const of = (kind: string, name: string | null) =>
      name === null ? 0 : (this.read.get({ hourStart, kind, name })?.used ?? 0);
    return { account: of("account", owner.account), reseller: of("reseller", owner.reseller) };
  }
}
