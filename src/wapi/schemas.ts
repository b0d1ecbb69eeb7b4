import { z } from "zod";
import { normaliseList } from "./lists.js";

/**
 * Schemas of the data WAPI returns. WEDOS sends most values as strings (`ID`, `ttl`, flags) and some as
 * numbers; both are accepted and coerced here, once. docs/reference/wapi.md#response-envelope and the command
 * sections after it (#dns-commands, #notifications, #wedos-global-protection).
 */
const text = z.union([z.string(), z.number()]).transform(String);
const optionalText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? "" : String(v)));
const integer = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const flag = z
  .union([z.string(), z.number(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 1 || v === "1");

/** A list in any of WEDOS's shapes, each item validated with `item`. */
export const listOf = <T extends z.ZodType>(item: T) => z.unknown().transform(normaliseList).pipe(z.array(item));

/** A string list that may also arrive as a single string (the JSON shape of `ns`/`axfr_ips` is undocumented). */
const stringList = z
  .unknown()
  .transform((value) => (typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : normaliseList(value)))
  .pipe(z.array(text));

export const wapiRowSchema = z
  .object({
    ID: text,
    name: optionalText,
    ttl: integer,
    rdtype: z.string(),
    rdata: optionalText,
    changed_date: optionalText,
    author_comment: optionalText,
  })
  .transform((row) => ({
    id: row.ID,
    name: row.name,
    ttl: row.ttl,
    type: row.rdtype.toUpperCase(),
    rdata: row.rdata,
    changedDate: row.changed_date,
    comment: row.author_comment,
  }));
export type WapiRow = z.output<typeof wapiRowSchema>;

export const dnsDomainSchema = z
  .object({ name: z.string(), type: z.string(), status: optionalText })
  .transform((d) => ({ name: d.name.toLowerCase(), type: d.type, status: d.status }));
export type WapiDnsDomain = z.output<typeof dnsDomainSchema>;

export const dnsDomainInfoSchema = z
  .object({
    name: z.string(),
    status: optionalText,
    type: optionalText,
    autocommit: flag,
    axfr_enabled: flag,
    axfr_ips: stringList.optional(),
    changed: flag,
    reload_pending: flag,
    commit_date: optionalText,
    rname: optionalText,
    serial: integer.optional(),
    refresh: integer.optional(),
    retry: integer.optional(),
    expire: integer.optional(),
    minimum: integer.optional(),
    rr_cnt: integer.optional(),
    ns: stringList.optional(),
  })
  .transform((d) => ({
    name: d.name.toLowerCase(),
    status: d.status,
    type: d.type,
    autocommit: d.autocommit,
    axfrEnabled: d.axfr_enabled,
    axfrIps: d.axfr_ips ?? [],
    /** There are changes not yet committed. */
    changed: d.changed,
    reloadPending: d.reload_pending,
    commitDate: d.commit_date,
    rname: d.rname,
    serial: d.serial,
    soa: { refresh: d.refresh, retry: d.retry, expire: d.expire, minimum: d.minimum },
    rowCount: d.rr_cnt,
    nameservers: d.ns ?? [],
  }));
export type WapiDnsDomainInfo = z.output<typeof dnsDomainInfoSchema>;

export const notificationSchema = z
  .object({
    id: text,
    code: integer,
    result: optionalText,
    timestamp: integer.optional(),
    clTRID: optionalText,
    svTRID: optionalText,
    command: optionalText,
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();
export type WapiNotification = z.output<typeof notificationSchema>;
