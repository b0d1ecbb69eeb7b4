import type { ZonePlan } from "./plan.js";

export interface ApplyResult {
  /** The WAPI commands the apply sent, in order (the plan's own listing is not part of it). */
  sent: string[];
  /** Of them, the requests that write at WEDOS (zone add, row add/update/delete, commit, transfer). */
  writes: number;
  committed: boolean;
  /** A fresh plan after the apply is empty. */
  converged: boolean;
  /** The plan computed from WEDOS's state after the apply (empty when converged). */
  after: ZonePlan | undefined;
}

const READS: ReadonlySet<string> = new Set(["dns-rows-list", "dns-domains-list"]);
const ROW_WRITES: ReadonlySet<string> = new Set(["dns-row-add", "dns-row-update", "dns-row-delete"]);

/** An apply's result from the commands it sent. */
export function applyResult(
  sent: string[],
  committed: boolean,
  converged: boolean,
  after: ZonePlan | undefined,
): ApplyResult {
  return { sent, writes: sent.filter((command) => !READS.has(command)).length, committed, converged, after };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Sent 1 row change and one commit": what the apply sent to WEDOS, each kind counted as sent. */
export function describeSent(result: ApplyResult): string {
  const count = (wanted: (command: string) => boolean) => result.sent.filter(wanted).length;
  const parts: string[] = [];
  if (count((command) => command === "dns-domain-add") > 0) parts.push("the zone's creation");
  const rows = count((command) => ROW_WRITES.has(command));
  if (rows > 0) parts.push(plural(rows, "row change", "row changes"));
  if (count((command) => command === "dns-domain-axfr-run") > 0) parts.push("a transfer request");
  const commits = count((command) => command === "dns-domain-commit");
  if (commits > 0) parts.push(commits === 1 ? "one commit" : plural(commits, "commit", "commits"));
  const reads = count((command) => READS.has(command));
  if (reads > 0)
    parts.push(
      `${reads === 1 ? "a listing" : plural(reads, "listing", "listings")} to confirm answers that said a change was already made`,
    );
  const list =
    parts.length <= 1 ? (parts[0] ?? "nothing") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) ?? ""}`;
  return `Sent ${list}`;
}
