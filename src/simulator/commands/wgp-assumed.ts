import { chargeCredit } from "../credit.js";
import { formatAmount } from "../state.js";
import { WapiFailure } from "../wapi-failure.js";
import { addPeriod, priceCents, serviceView, WGP_CURRENCY, wgpOrderText } from "../wgp-services.js";
import type { CommandHandler } from "./command.js";
import { openService, parsePeriod, parseVariant } from "./wgp.js";

/**
 * ASSUMED: the other nine `wgp-*` commands. WEDOS names them but publishes neither parameters nor answers
 * (docs/reference/wapi.md#wedos-global-beyond-create), so everything here — keys, fields, codes — is the simulator's
 * guess, kept minimal and consistent with the documented commands: a service is named by `domain` (or `name`),
 * answers are synchronous (1000), and an unknown service is 3222.
 */

/** ASSUMED: `data.domain` with the service's fields. */
const domainInfo: CommandHandler = ({ account, data }) => ({
  data: { domain: serviceView(openService(account, data)) },
});

/** ASSUMED: `data.domain`, a list of services in any shape of docs/reference/wapi.md#list-shapes. */
const servicesList: CommandHandler = ({ account, lists }) => {
  const items = Object.values(account.wgpServices)
    .sort((a, b) => (a.domain < b.domain ? -1 : 1))
    .map(serviceView);
  return { data: lists.wrap("domain", items) };
};

/** ASSUMED: ends the service at once, no refund. */
const domainDelete: CommandHandler = ({ account, data }) => {
  delete account.wgpServices[openService(account, data).domain];
  return {};
};

/** ASSUMED: nothing to purge in a simulator; succeeds for any existing service. */
const cachePurge: CommandHandler = ({ account, data }) => {
  openService(account, data);
  return {};
};

/**
 * ASSUMED: charges one more period (a credit movement with its own order number) and extends the expiry; the
 * answer carries the same fields as the create notification and the new expiry. `period_id`, when given, is the
 * period paid for from now on. A service still pending has no expiry to extend (3305, "locked").
 */
const domainRenew: CommandHandler = ({ account, data, now }) => {
  const service = openService(account, data);
  if (service.expiresAt === null) throw new WapiFailure(3305, `${service.domain} is not active yet`);
  const periodId = data["period_id"] === undefined ? service.periodId : parsePeriod(data["period_id"]);
  const amountCents = priceCents(service.variantId, periodId);
  const description = wgpOrderText("renewal", service.domain, service.variantId);
  const charge = chargeCredit(account, { amountCents, description, now });
  service.periodId = periodId;
  service.expiresAt = addPeriod(service.expiresAt, periodId);
  return {
    data: {
      WGP_ID: service.wgpId,
      domain: service.domain,
      order_num: charge.orderNum,
      currency: WGP_CURRENCY,
      amount: formatAmount(amountCents),
      acc_amount_before: formatAmount(charge.balanceBeforeCents),
      acc_amount_current: formatAmount(charge.balanceAfterCents),
      expiration_date: serviceView(service)["expiration_date"],
    },
  };
};

/** ASSUMED: `variant_id` and/or `period_id`; takes effect at once; billing happens at the next renewal. */
const updateSubscription: CommandHandler = ({ account, data }) => {
  const service = openService(account, data);
  if (data["variant_id"] === undefined && data["period_id"] === undefined) {
    throw new WapiFailure(2100, "`variant_id` or `period_id` missing");
  }
  if (data["variant_id"] !== undefined) service.variantId = parseVariant(data["variant_id"]);
  if (data["period_id"] !== undefined) service.periodId = parsePeriod(data["period_id"]);
  return {};
};

/** ASSUMED: "resolve some errors" — activation is re-evaluated before every command anyway; answers 1000. */
const domainRetry: CommandHandler = ({ account, data }) => {
  openService(account, data);
  return {};
};

/** ASSUMED: active services can serve as templates; `data.template` list of `{template_domain_id, domain}`. */
const templatesList: CommandHandler = ({ account, lists }) => {
  const items = Object.values(account.wgpServices)
    .filter((service) => service.status === "active")
    .sort((a, b) => (a.domain < b.domain ? -1 : 1))
    .map((service) => ({ template_domain_id: service.wgpId, domain: service.domain }));
  return { data: lists.wrap("template", items) };
};

/** ASSUMED: `domain` and `template_domain_id` (a WGP_ID of this account); copies the upstream addresses. */
const templateReplicate: CommandHandler = ({ account, data }) => {
  const service = openService(account, data);
  const templateId = data["template_domain_id"];
  if (templateId === undefined || templateId === null || templateId === "") {
    throw new WapiFailure(2100, "`template_domain_id` missing");
  }
  const template = Object.values(account.wgpServices).find((candidate) => candidate.wgpId === String(templateId));
  if (template === undefined) throw new WapiFailure(2101, `no template ${String(templateId)}`);
  service.templateDomainId = template.wgpId;
  service.upstreamIps = [...template.upstreamIps];
  return {};
};

export const wgpAssumedCommands: Record<string, CommandHandler> = {
  "wgp-domain-info": domainInfo,
  "wgp-services-list": servicesList,
  "wgp-domain-delete": domainDelete,
  "wgp-domain-cache-purge": cachePurge,
  "wgp-domain-renew": domainRenew,
  "wgp-domain-update-subscription": updateSubscription,
  "wgp-domain-retry": domainRetry,
  "wgp-domain-templates-list": templatesList,
  "wgp-domain-template-replicate": templateReplicate,
};
