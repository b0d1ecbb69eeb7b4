/** One numbered schema change: its SQL runs in one transaction, and `PRAGMA user_version` records its number. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
