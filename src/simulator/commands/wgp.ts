import { chargeCredit } from "../credit.js";
import { isValidIp } from "../ip-address.js";
import type { AccountState, WgpServiceState } from "../state.js";
import { WapiFailure } from "../wapi-failure.js";
import { priceCents, WGP_PERIODS, WGP_VARIANTS, wgpOrderText } from "../wgp-services.js";
import type { CommandContext, CommandHandler } from "./command.js";
import { looseInteger, looseStringList, parseDomainName } from "./params.js";

/**
 * `wgp-domain-create`, the one WEDOS Global command documented in full
 * (docs/reference/wapi.md#wedos-global-protection). It charges the credit at once and answers 1001; the outcome
 * arrives later as a notification (see wgp-services.ts).
 */

/** The service's domain: `domain` (current KB page) or `name` (older page version). */
export function wgpDomain(data: Record<string, unknown>): string {
  const key = data["domain"] !== undefined ? "domain" : "name";
  return parseDomainName(data[key], key);
}

/** An existing service of this account; an unknown domain is 3222 (ASSUMED, like the WDNS commands). */
export function openService(account: AccountState, data: Record<string, unknown>): WgpServiceState {
  const domain = wgpDomain(data);
  const service = account.wgpServices[domain];
  if (service === undefined) throw new WapiFailure(3222, `no WEDOS Global service for ${domain}`);
  return service;
}

/** `variant_id` 1 Start, 2 Advanced, 3 Expert; anything else is 2273. */
export function parseVariant(value: unknown): number {
  if (value === undefined || value === null || value === "") throw new WapiFailure(2100, "`variant_id` missing");
  const variant = looseInteger(value);
  if (variant === undefined || !(WGP_VARIANTS as readonly number[]).includes(variant)) {
    throw new WapiFailure(2273, `invalid variant_id ${JSON.stringify(value)}`);
  }
  return variant;
}

/** `period_id` 1 monthly, 4 yearly; anything else is 2203. */
export function parsePeriod(value: unknown): number {
  if (value === undefined || value === null || value === "") throw new WapiFailure(2100, "`period_id` missing");
  const period = looseInteger(value);
  if (period === undefined || !(WGP_PERIODS as readonly number[]).includes(period)) {
    throw new WapiFailure(2203, `invalid period_id ${JSON.stringify(value)}`);
  }
  return period;
}

function parseUpstreamIps(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = looseStringList(value, "ip");
  const bad = list === undefined ? value : list.find((ip) => !isValidIp(ip));
  if (list === undefined || bad !== undefined) {
    throw new WapiFailure(2272, `invalid upstream_ips entry ${JSON.stringify(bad)}`);
  }
  return list;
}

/** `ns` is the default for second-level domains; third-level and deeper are always `cname`. */
function parseMode(value: unknown, domain: string): WgpServiceState["mode"] {
  if (value !== undefined && value !== null && value !== "" && value !== "ns" && value !== "cname") {
    throw new WapiFailure(2101, `invalid mode ${JSON.stringify(value)}`);
  }
  // Label count stands in for "second-level": the simulator has no public-suffix list (co.uk counts as deeper).
  if (domain.split(".").length > 2) return "cname";
  return value === "cname" ? "cname" : "ns";
}

const domainCreate: CommandHandler = ({ account, data, now, clTRID, svTRID }: CommandContext) => {
  const domain = wgpDomain(data);
  if (domain.startsWith("www.")) throw new WapiFailure(2277, `${domain} starts with www.`);
  const variantId = parseVariant(data["variant_id"]);
  const periodId = parsePeriod(data["period_id"]);
  const upstreamIps = parseUpstreamIps(data["upstream_ips"]);
  const mode = parseMode(data["mode"], domain);
  const template = data["template_domain_id"];
  if (account.wgpServices[domain] !== undefined) throw new WapiFailure(2291, `${domain} already has a service`);
  const amountCents = priceCents(variantId, periodId);
  const charge = chargeCredit(account, { amountCents, description: wgpOrderText("order", domain, variantId), now });
  account.wgpServices[domain] = {
    wgpId: String(account.nextWgpId),
    domain,
    variantId,
    periodId,
    mode,
    upstreamIps,
    templateDomainId: typeof template === "string" || typeof template === "number" ? String(template) : null,
    status: "pending",
    createdAt: now,
    activatedAt: null,
    expiresAt: null,
    order: { ...charge, amountCents, clTRID: clTRID ?? null, svTRID },
  };
  account.nextWgpId += 1;
  return { code: 1001 };
};

export const wgpCreateCommands: Record<string, CommandHandler> = {
  "wgp-domain-create": domainCreate,
};
