import { z } from "zod";
import { creditMovementSchema } from "./credit-state.js";

/**
 * The simulator's persistent data, per account: zones with their working and published rows, the notification
 * queue, WEDOS Global services, delegations and credit. Defined as zod schemas so a state file read from disk is
 * checked against the same definition the code uses. Times are milliseconds since the epoch.
 */

export const rowSchema = z.object({
  /** Decimal string from the account's counter; never reused. */
  id: z.string(),
  /** Relative, lower case, "" for the apex. */
  name: z.string(),
  /** Upper case. */
  type: z.string(),
  ttl: z.number().int(),
  rdata: z.string(),
  /** Stored from `auth_comment`, returned as `author_comment`. */
  comment: z.string(),
  changedAt: z.number(),
});

export const zoneSchema = z.object({
  /** Lower case, no trailing dot. */
  name: z.string(),
  type: z.enum(["primary", "secondary"]),
  status: z.string(),
  primaryIp: z.string().nullable(),
  axfrEnabled: z.boolean(),
  axfrIps: z.array(z.string()),
  /** Working rows: what `dns-rows-list` shows, committed or not. */
  rows: z.array(rowSchema),
  /** Rows as last published: what the name servers answer. */
  published: z.array(rowSchema),
  serial: z.number().int(),
  /** Whether `rows` differs from `published`. */
  changed: z.boolean(),
  lastChangeAt: z.number().nullable(),
  commitAt: z.number().nullable(),
  addedAt: z.number(),
  nextAxfrRunAt: z.number().nullable(),
});

export const notificationSchema = z.object({
  id: z.string(),
  code: z.number().int(),
  command: z.string(),
  clTRID: z.string().nullable(),
  svTRID: z.string(),
  createdAt: z.number(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const wgpServiceSchema = z.object({
  wgpId: z.string(),
  domain: z.string(),
  variantId: z.number().int(),
  periodId: z.number().int(),
  mode: z.enum(["ns", "cname"]),
  upstreamIps: z.array(z.string()),
  templateDomainId: z.string().nullable(),
  status: z.enum(["pending", "active"]),
  createdAt: z.number(),
  activatedAt: z.number().nullable(),
  expiresAt: z.number().nullable(),
  /** The create request, for the notification that reports its outcome. */
  order: z.object({
    orderNum: z.string(),
    /** Amounts in hundredths of a crown, so sums stay exact. */
    amountCents: z.number().int(),
    balanceBeforeCents: z.number().int(),
    balanceAfterCents: z.number().int(),
    clTRID: z.string().nullable(),
    svTRID: z.string(),
  }),
});

export const accountSchema = z.object({
  creditCents: z.number().int(),
  /** Every order, renewal and top-up of the credit, oldest first (credit.ts); absent in older state files. */
  movements: z.array(creditMovementSchema).default([]),
  /** Keyed by zone name. */
  zones: z.record(z.string(), zoneSchema),
  /** Oldest first; removed when acknowledged. */
  notifications: z.array(notificationSchema),
  /** Keyed by domain. */
  wgpServices: z.record(z.string(), wgpServiceSchema),
  /** Domains marked as delegated to the WEDOS name servers → since when. */
  delegated: z.record(z.string(), z.number()),
  nextRowId: z.number().int(),
  nextNotificationId: z.number().int(),
  nextWgpId: z.number().int(),
  nextOrderNum: z.number().int(),
});

export const persistedStateSchema = z.object({
  version: z.literal(1),
  /** Keyed by login; the simulator serves the one named in its options. */
  accounts: z.record(z.string(), accountSchema),
});

/** Types inferred from the schemas above, so code and state file agree. */
export type RowState = z.infer<typeof rowSchema>;
export type ZoneState = z.infer<typeof zoneSchema>;
export type NotificationState = z.infer<typeof notificationSchema>;
export type WgpServiceState = z.infer<typeof wgpServiceSchema>;
export type AccountState = z.infer<typeof accountSchema>;
export type PersistedState = z.infer<typeof persistedStateSchema>;

/** A fresh account with the given credit in CZK. IDs start at plausible, non-trivial values. */
export function newAccount(creditCzk: number): AccountState {
  return {
    creditCents: Math.round(creditCzk * 100),
    movements: [],
    zones: {},
    notifications: [],
    wgpServices: {},
    delegated: {},
    nextRowId: 1001,
    nextNotificationId: 2691,
    nextWgpId: 501,
    nextOrderNum: 1,
  };
}

/** Formats hundredths of a crown the way amounts are returned: "5000.00". */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
