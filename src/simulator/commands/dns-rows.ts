import { formatPragueDateTime } from "../prague-hour.js";
import type { AccountState, RowState, ZoneState } from "../state.js";
import { WapiFailure } from "../wapi-failure.js";
import { checkRowInZone, parseRdata, parseRecordName, parseRecordType, parseTtl } from "../zone-rules.js";
import { markChanged, sortRows } from "../zones.js";
import type { CommandContext, CommandHandler } from "./command.js";
import { looseId, openZone } from "./params.js";

/**
 * Row-level WDNS commands (docs/reference/wapi.md#dns-commands). They work on the zone's working rows; changes become
 * visible to the name servers at the next commit or autocommit. None of them returns a new row's ID
 * (docs/reference/wapi.md#no-data-from-row-writes).
 */

/** A row as lists and details return it: every value a string. */
function rowView(row: RowState): Record<string, string> {
  return {
    ID: row.id,
    name: row.name,
    ttl: String(row.ttl),
    rdtype: row.type,
    rdata: row.rdata,
    changed_date: formatPragueDateTime(row.changedAt),
    author_comment: row.comment,
  };
}

/** The zone of a row command; row commands are impossible on a secondary zone (2318). */
function openPrimaryZone(account: AccountState, data: Record<string, unknown>, key: string): ZoneState {
  const zone = openZone(account, data, key);
  if (zone.type === "secondary") throw new WapiFailure(2318, `${zone.name} is a secondary zone`);
  return zone;
}

function findRow(zone: ZoneState, data: Record<string, unknown>): RowState {
  const id = looseId(data["row_id"], "row_id");
  const row = zone.rows.find((candidate) => candidate.id === id);
  if (row === undefined) throw new WapiFailure(3309, `no row ${id} in ${zone.name}`);
  return row;
}

function policy(context: CommandContext) {
  const { strictTtl, txtMaxLength, rejectLongTxtStrings } = context.options;
  return { strictTtl, txtMaxLength, rejectLongTxtStrings };
}

function comment(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/**
 * Shows the working (uncommitted) state, sorted by name then type
 * (docs/reference/wapi.md#deletes-commits-and-uncommitted-rows, #row-order-and-ids).
 */
const rowsList: CommandHandler = ({ account, data, lists }) => {
  const zone = openPrimaryZone(account, data, "domain");
  return { data: lists.wrap("row", sortRows(zone.rows).map(rowView)) };
};

/**
 * The KB contradicts itself on the zone key, so both `domain` and `name` are accepted
 * (docs/reference/wapi.md#the-zone-key-of-dns-row-detail).
 */
const rowDetail: CommandHandler = ({ account, data }) => {
  const zone = openPrimaryZone(account, data, data["domain"] !== undefined ? "domain" : "name");
  return { data: { row: rowView(findRow(zone, data)) } };
};

const rowAdd: CommandHandler = (context) => {
  const { account, data, now, options } = context;
  const zone = openPrimaryZone(account, data, "domain");
  const candidate = {
    name: parseRecordName(data["name"], zone.name),
    type: parseRecordType(data["type"]),
    ttl: parseTtl(data["ttl"]),
    rdata: parseRdata(data["rdata"]),
  };
  checkRowInZone(candidate, zone.rows, policy(context));
  if (zone.rows.length >= options.rowLimit) throw new WapiFailure(2310, `${zone.name} has ${options.rowLimit} rows`);
  zone.rows.push({
    id: String(account.nextRowId),
    ...candidate,
    comment: comment(data["auth_comment"]) ?? "",
    changedAt: now,
  });
  account.nextRowId += 1;
  markChanged(zone, now);
  return {};
};

/** Changes TTL and rdata only; `name` and `type` in the request are ignored, as WEDOS does. */
const rowUpdate: CommandHandler = (context) => {
  const { account, data, now } = context;
  const zone = openPrimaryZone(account, data, "domain");
  const row = findRow(zone, data);
  const ttl = parseTtl(data["ttl"]);
  const rdata = parseRdata(data["rdata"]);
  const others = zone.rows.filter((candidate) => candidate !== row);
  checkRowInZone({ name: row.name, type: parseRecordType(row.type), ttl, rdata }, others, policy(context));
  row.ttl = ttl;
  row.rdata = rdata;
  row.comment = comment(data["auth_comment"]) ?? row.comment;
  row.changedAt = now;
  markChanged(zone, now);
  return {};
};

const rowDelete: CommandHandler = ({ account, data, now }) => {
  const zone = openPrimaryZone(account, data, "domain");
  const row = findRow(zone, data);
  zone.rows = zone.rows.filter((candidate) => candidate !== row);
  markChanged(zone, now);
  return {};
};

export const dnsRowCommands: Record<string, CommandHandler> = {
  "dns-rows-list": rowsList,
  "dns-row-detail": rowDetail,
  "dns-row-add": rowAdd,
  "dns-row-update": rowUpdate,
  "dns-row-delete": rowDelete,
};
