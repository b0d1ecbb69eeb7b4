import { isValidIp, isValidIpv4 } from "../ip-address.js";
import { formatPragueDateTime } from "../prague-hour.js";
import type { AccountState, ZoneState } from "../state.js";
import { WapiFailure } from "../wapi-failure.js";
import { newZone, publish, WEDOS_NAMESERVERS, WEDOS_SOA } from "../zones.js";
import type { CommandContext, CommandHandler, CommandResult } from "./command.js";
import { looseFlag, looseStringList, openZone, parseDomainName } from "./params.js";

/**
 * Zone-level WDNS commands (docs/reference/wapi.md#dns-commands). Domain commands name the zone with `name` (row
 * commands use `domain`).
 */

/** "excess is truncated": WEDOS stores at most 255 characters of outgoing-AXFR addresses. */
const AXFR_IPS_MAX_CHARS = 255;
/** `dns-domain-axfr-run` schedules a transfer "within minutes". */
const AXFR_RUN_DELAY_MS = 3 * 60_000;

const dateOrEmpty = (ms: number | null): string => (ms === null ? "" : formatPragueDateTime(ms));

const domainsList: CommandHandler = ({ account, lists }) => {
  const items = Object.values(account.zones)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((zone) => ({ name: zone.name, type: zone.type, status: zone.status }));
  return { data: lists.wrap("domain", items) };
};

/**
 * Fields in the KB example's order; numbers as strings, `ns` and `axfr_ips` as arrays
 * (docs/reference/wapi.md#dns-domain-info-field-types).
 */
function domainInfoView(zone: ZoneState, account: AccountState): Record<string, unknown> {
  return {
    name: zone.name,
    status: zone.status,
    type: zone.type,
    tlock: "none",
    autocommit: "1",
    axfr_enabled: zone.axfrEnabled ? "1" : "0",
    axfr_ips: [...zone.axfrIps],
    changed: zone.changed ? "1" : "0",
    changed_date: dateOrEmpty(zone.lastChangeAt),
    commit_date: dateOrEmpty(zone.commitAt),
    reload_pending: "0",
    reload_pending_date: "",
    reload_date: dateOrEmpty(zone.commitAt),
    disabled_date: "",
    enabled_date: dateOrEmpty(zone.addedAt),
    add_date: dateOrEmpty(zone.addedAt),
    rname: WEDOS_SOA.rname,
    serial: String(zone.serial),
    refresh: String(WEDOS_SOA.refresh),
    retry: String(WEDOS_SOA.retry),
    expire: String(WEDOS_SOA.expire),
    minimum: String(WEDOS_SOA.minimum),
    rr_cnt: String(zone.rows.length),
    // Assumed meaning of the undocumented `ns_out`: "1" while the domain is not delegated to WEDOS's servers.
    ns_out: account.delegated[zone.name] === undefined ? "1" : "0",
    ns: [...WEDOS_NAMESERVERS],
  };
}

const domainInfo: CommandHandler = ({ account, data }) => {
  const zone = openZone(account, data, "name");
  return { data: { domain: domainInfoView(zone, account) } };
};

function parseZoneType(value: unknown): ZoneState["type"] {
  if (value === undefined || value === null || value === "") return "primary";
  if (value === "primary" || value === "secondary") return value;
  throw new WapiFailure(2301, `invalid zone type ${JSON.stringify(value)}`);
}

/** Outgoing-AXFR addresses: required when enabled, each a valid IP, whole entries kept while they fit 255. */
function parseAxfrIps(value: unknown): string[] {
  const list = value === undefined || value === null || value === "" ? [] : looseStringList(value, "ip");
  if (list === undefined) throw new WapiFailure(2306, "`axfr_ips` is not a list of addresses");
  if (list.length === 0) throw new WapiFailure(2305, "`axfr_ips` missing while `axfr_enabled` is 1");
  const bad = list.find((ip) => !isValidIp(ip));
  if (bad !== undefined) throw new WapiFailure(2306, `invalid axfr_ips entry ${JSON.stringify(bad)}`);
  // Whole entries are dropped rather than cutting an address in half, which would store an invalid one.
  const kept: string[] = [];
  for (const ip of list) {
    if ([...kept, ip].join(",").length > AXFR_IPS_MAX_CHARS) break;
    kept.push(ip);
  }
  return kept;
}

const domainAdd: CommandHandler = ({ account, data, now, options }) => {
  const name = parseDomainName(data["name"], "name");
  const type = parseZoneType(data["type"]);
  let primaryIp: string | null = null;
  if (type === "secondary") {
    const value = data["primary_ip"];
    if (value === undefined || value === null || value === "") throw new WapiFailure(2302, "`primary_ip` missing");
    if (!isValidIpv4(value)) throw new WapiFailure(2303, `primary_ip ${JSON.stringify(value)} is not IPv4`);
    primaryIp = value;
  }
  const axfrEnabled = data["axfr_enabled"] === undefined ? false : looseFlag(data["axfr_enabled"]);
  if (axfrEnabled === undefined) throw new WapiFailure(2304, "`axfr_enabled` must be 0 or 1");
  const axfrIps = axfrEnabled ? parseAxfrIps(data["axfr_ips"]) : [];
  if (account.zones[name] !== undefined) throw new WapiFailure(3303, `zone ${name} exists`);
  if (Object.keys(account.zones).length >= options.domainLimit) {
    throw new WapiFailure(2322, `account has ${options.domainLimit} zones already`);
  }
  account.zones[name] = newZone(name, now, { type, primaryIp, axfrEnabled, axfrIps });
  return {};
};

const domainDelete: CommandHandler = ({ account, data }) => {
  const zone = openZone(account, data, "name");
  delete account.zones[zone.name];
  return {};
};

/**
 * Publishes pending changes; with nothing pending it still answers 1000
 * (docs/reference/wapi.md#deletes-commits-and-uncommitted-rows).
 */
const domainCommit: CommandHandler = ({ account, data, now }) => {
  publish(openZone(account, data, "name"), now);
  return {};
};

const domainAxfrRun = ({ account, data, now }: CommandContext): CommandResult => {
  const zone = openZone(account, data, "name");
  if (zone.type !== "secondary") throw new WapiFailure(2319, `${zone.name} is a primary zone`);
  zone.nextAxfrRunAt = now + AXFR_RUN_DELAY_MS;
  return { data: { next_run: formatPragueDateTime(zone.nextAxfrRunAt) } };
};

export const dnsDomainCommands: Record<string, CommandHandler> = {
  "dns-domains-list": domainsList,
  "dns-domain-info": domainInfo,
  "dns-domain-add": domainAdd,
  "dns-domain-delete": domainDelete,
  "dns-domain-commit": domainCommit,
  "dns-domain-axfr-run": domainAxfrRun,
};
