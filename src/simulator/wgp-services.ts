import { formatPragueDateTime } from "./prague-hour.js";
import { enqueueNotification } from "./notifications.js";
import { formatAmount, type AccountState, type WgpServiceState } from "./state.js";

/**
 * WEDOS Global / Protection services (docs/reference/wapi.md#wedos-global-protection): prices, the activation rules,
 * and the notification that reports a `wgp-domain-create` once the service is active.
 */

export const WGP_CURRENCY = "CZK";

/**
 * Price per variant (1 Start, 2 Advanced, 3 Expert) and period (1 monthly, 4 yearly), in CZK. WEDOS's price
 * list is not part of WAPI; these are plausible figures (a year costs ten months) kept in one place.
 */
export const WGP_PRICES_CZK: Readonly<Record<number, Readonly<Record<number, number>>>> = {
  1: { 1: 99, 4: 990 },
  2: { 1: 490, 4: 4900 },
  3: { 1: 1490, 4: 14_900 },
};

export const WGP_VARIANTS = [1, 2, 3] as const;
export const WGP_PERIODS = [1, 4] as const;

/** Months paid by a period ID. */
const PERIOD_MONTHS: Readonly<Record<number, number>> = { 1: 1, 4: 12 };

/** The price of a variant and period in hundredths of a crown. */
export function priceCents(variantId: number, periodId: number): number {
  return Math.round((WGP_PRICES_CZK[variantId]?.[periodId] ?? 0) * 100);
}

const VARIANT_NAMES: Readonly<Record<number, string>> = { 1: "Start", 2: "Advanced", 3: "Expert" };

/** ASSUMED: the text of a credit movement for an order or a renewal, e.g. "WEDOS Global Start – order – a.cz". */
export function wgpOrderText(kind: "order" | "renewal", domain: string, variantId: number): string {
  return `WEDOS Global ${VARIANT_NAMES[variantId] ?? String(variantId)} – ${kind} – ${domain}`;
}

/** `from` plus the months a period pays for. */
export function addPeriod(from: number, periodId: number): number {
  const date = new Date(from);
  date.setUTCMonth(date.getUTCMonth() + (PERIOD_MONTHS[periodId] ?? 1));
  return date.getTime();
}

/**
 * When a pending service becomes active, or null if it cannot yet. cname mode needs only the activation delay;
 * ns mode also waits until the domain is delegated to WEDOS's name servers ("WEDOS activates the domain only
 * after it verifies that the domain uses WEDOS DNS").
 */
function activationTime(account: AccountState, service: WgpServiceState, delayMs: number): number | null {
  const afterDelay = service.createdAt + delayMs;
  if (service.mode === "cname") return afterDelay;
  const delegatedSince = account.delegated[service.domain];
  return delegatedSince === undefined ? null : Math.max(afterDelay, delegatedSince);
}

/** Activates every pending service whose time has come and queues its notification; says whether any did. */
export function activateDueServices(account: AccountState, now: number, delaySeconds: number): boolean {
  const due = Object.values(account.wgpServices)
    .filter((service) => service.status === "pending")
    .map((service) => ({ service, at: activationTime(account, service, delaySeconds * 1000) }))
    .filter((entry): entry is { service: WgpServiceState; at: number } => entry.at !== null && entry.at <= now)
    .sort((a, b) => a.at - b.at);
  for (const { service, at } of due) {
    service.status = "active";
    service.activatedAt = at;
    service.expiresAt = addPeriod(at, service.periodId);
    enqueueNotification(account, {
      code: 1000,
      command: "wgp-domain-create",
      clTRID: service.order.clTRID,
      svTRID: service.order.svTRID,
      createdAt: at,
      data: orderData(service),
    });
  }
  return due.length > 0;
}

/**
 * The "Response Data" fields of `wgp-domain-create`, carried by its notification
 * (docs/reference/wapi.md#wedos-global-beyond-create).
 */
export function orderData(service: WgpServiceState): Record<string, string> {
  return {
    WGP_ID: service.wgpId,
    domain: service.domain,
    order_num: service.order.orderNum,
    currency: WGP_CURRENCY,
    amount: formatAmount(service.order.amountCents),
    acc_amount_before: formatAmount(service.order.balanceBeforeCents),
    acc_amount_current: formatAmount(service.order.balanceAfterCents),
  };
}

/** Assumed view of a service for the undocumented info/list commands. */
export function serviceView(service: WgpServiceState): Record<string, unknown> {
  const date = (ms: number | null): string => (ms === null ? "" : formatPragueDateTime(ms));
  return {
    WGP_ID: service.wgpId,
    domain: service.domain,
    status: service.status,
    variant_id: String(service.variantId),
    period_id: String(service.periodId),
    mode: service.mode,
    upstream_ips: [...service.upstreamIps],
    template_domain_id: service.templateDomainId ?? "",
    created_date: date(service.createdAt),
    activated_date: date(service.activatedAt),
    expiration_date: date(service.expiresAt),
  };
}
