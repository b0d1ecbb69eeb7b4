import type { IpAccessSnapshot } from "./access.js";
import type { FaultSpec } from "./faults.js";
import { movementView } from "./credit.js";
import { notificationView } from "./notifications.js";
import type { RequestLogEntry } from "./request-log.js";
import { formatAmount, type AccountState, type RowState } from "./state.js";
import { serviceView, WGP_CURRENCY } from "./wgp-services.js";
import { AUTOCOMMIT_MS, sortRows } from "./zones.js";

/**
 * The control snapshot (`dump()`, `GET /_simulator/state`): plain JSON with ISO times, for tests, the demo and a
 * person looking at what the simulator holds.
 */

export interface DumpRow {
  id: string;
  name: string;
  type: string;
  ttl: number;
  rdata: string;
  comment: string;
  changedAt: string;
}

export interface DumpZone {
  name: string;
  type: string;
  status: string;
  primaryIp: string | null;
  axfrEnabled: boolean;
  axfrIps: string[];
  serial: number;
  /** Working rows differ from published ones. */
  changed: boolean;
  lastChangeAt: string | null;
  commitAt: string | null;
  /** When the pending changes will be published by themselves. */
  autocommitAt: string | null;
  rows: DumpRow[];
  published: DumpRow[];
}

export interface SimulatorDump {
  now: string;
  login: string;
  /** The balance and every movement of the credit account (credit.ts). */
  credit: { amount: string; currency: string; movements: Array<Record<string, string>> };
  zones: DumpZone[];
  notifications: Array<Record<string, unknown>>;
  wgpServices: Array<Record<string, unknown>>;
  delegated: Record<string, string>;
  /** Per source address: recent invalid requests and the end of any block. */
  access: Record<string, IpAccessSnapshot>;
  /** Per login, per UTC hour ("YYYY-MM-DDTHH"): requests counted against the hourly limit. */
  requestCounts: Record<string, Record<string, number>>;
  requestLog: RequestLogEntry[];
  faults: Array<FaultSpec & { remaining: number | null }>;
}

export interface DumpParts {
  now: number;
  login: string;
  account: AccountState;
  access: Record<string, IpAccessSnapshot>;
  requestCounts: Record<string, Record<string, number>>;
  requestLog: RequestLogEntry[];
  faults: Array<FaultSpec & { remaining: number | null }>;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function dumpRows(rows: readonly RowState[]): DumpRow[] {
  return sortRows(rows).map((row) => ({ ...row, changedAt: new Date(row.changedAt).toISOString() }));
}

/** Assembles the snapshot from the account and the simulator's in-memory counters. */
export function buildDump(parts: DumpParts): SimulatorDump {
  const { account } = parts;
  const zones = Object.values(account.zones)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((zone) => ({
      name: zone.name,
      type: zone.type,
      status: zone.status,
      primaryIp: zone.primaryIp,
      axfrEnabled: zone.axfrEnabled,
      axfrIps: [...zone.axfrIps],
      serial: zone.serial,
      changed: zone.changed,
      lastChangeAt: iso(zone.lastChangeAt),
      commitAt: iso(zone.commitAt),
      autocommitAt: zone.changed && zone.lastChangeAt !== null ? iso(zone.lastChangeAt + AUTOCOMMIT_MS) : null,
      rows: dumpRows(zone.rows),
      published: dumpRows(zone.published),
    }));
  return {
    now: new Date(parts.now).toISOString(),
    login: parts.login,
    credit: {
      amount: formatAmount(account.creditCents),
      currency: WGP_CURRENCY,
      movements: account.movements.map(movementView),
    },
    zones,
    notifications: account.notifications.map(notificationView),
    wgpServices: Object.values(account.wgpServices).map(serviceView),
    delegated: Object.fromEntries(
      Object.entries(account.delegated).map(([domain, since]) => [domain, new Date(since).toISOString()]),
    ),
    access: parts.access,
    requestCounts: parts.requestCounts,
    requestLog: parts.requestLog,
    faults: parts.faults,
  };
}
