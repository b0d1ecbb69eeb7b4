import { money } from "../billing/money.js";
import type { OfferLine } from "../billing/offer.js";
import { productKey, type BillingPeriod, type ProtectionPlan } from "../billing/product.js";
import type { EmulatedDirectAdmin } from "../emulators/directadmin/index.js";
import { policySchema } from "../model/policy.js";
import type { Database } from "../store/database.js";
import { OfferStore } from "../store/offer-store.js";
import type { PolicyStore } from "../store/policy-store.js";
import type { Wapi } from "../wapi/index.js";
import { DEMO_PACKAGES, type DemoLogin } from "./seed.js";

/**
 * The packages of the demo's reselling business, beside "default" and "business" (src/demo/seed.ts): "premium" lets
 * the customer choose the plan and period of WEDOS Global (Advanced yearly until they do), "trial" gives a month of
 * Start that lapses at its end.
 */
export const BUSINESS_PACKAGES = { premium: "premium", trial: "trial" } as const;

/**
 * The provider's own site, whose WEDOS Global service the provider set up in WEDOS's administration (not through
 * the plugin) so new "business" services copy its settings (`template_domain_id`, WEDOS's B2B recommendation).
 */
export const DEMO_TEMPLATE_DOMAIN = "demo-hosting.test";

const change = (now: number) => ({ actor: "demo", at: now });
const czk = (crowns: number) => money(crowns * 100, "CZK");

/** A fixed price a month for a zone, not billed while suspended. */
const zoneLine = (crowns: number): OfferLine => ({
  product: "zone",
  pricing: { kind: "fixed", price: czk(crowns) },
  billedWhileSuspended: false,
  renewal: "renew",
});

const protectionLine = (
  plan: ProtectionPlan,
  period: BillingPeriod,
  pricing: OfferLine["pricing"],
  renewal: OfferLine["renewal"] = "renew",
): OfferLine => ({
  product: productKey({ service: "protection", plan, period }),
  pricing,
  billedWhileSuspended: true,
  renewal,
});

/**
 * The offers of the business's own packages, each published (the default "Standard" offer, src/demo/offers.ts,
 * covers "default"): "Business" at fixed prices (Start 149 CZK a month, 1,490 CZK a year), "Premium" at 30 % over
 * WEDOS's price for every plan and period (its customers choose), and "Trial" whose month of Start lapses.
 */
const BUSINESS_OFFERS: ReadonlyArray<{ name: string; package: string; lines: OfferLine[] }> = [
  {
    name: "Business",
    package: DEMO_PACKAGES.protected,
    lines: [
      zoneLine(39),
      protectionLine("start", "monthly", { kind: "fixed", price: czk(149) }),
      protectionLine("start", "yearly", { kind: "fixed", price: czk(1490) }),
    ],
  },
  {
    name: "Premium",
    package: BUSINESS_PACKAGES.premium,
    lines: [
      zoneLine(49),
      ...(["start", "advanced", "expert"] as const).flatMap((plan) =>
        (["monthly", "yearly"] as const).map((period) =>
          protectionLine(plan, period, { kind: "markup", markupBp: 3000 }),
        ),
      ),
    ],
  },
  {
    name: "Trial",
    package: BUSINESS_PACKAGES.trial,
    lines: [zoneLine(29), protectionLine("start", "monthly", { kind: "fixed", price: czk(99) }, "lapse")],
  },
];

/**
 * The business's packages in the panel (offered by the admin and the reseller), their policies and their published
 * offers, written as the admin's forms write them. Runs after the default offer is seeded (it needs the price book);
 * an offer or policy that exists is left as it is.
 */
export function seedBusinessCatalogue(
  da: EmulatedDirectAdmin,
  logins: readonly DemoLogin[],
  db: Database,
  policies: PolicyStore,
  now: number,
): void {
  for (const login of logins)
    for (const pkg of Object.values(BUSINESS_PACKAGES))
      if (!da.packages(login.username).includes(pkg)) da.createPackage(login.username, pkg);
  const saved = new Set(policies.list().map((policy) => policy.package));
  const policiesOf: Record<string, object> = {
    [BUSINESS_PACKAGES.premium]: {
      protection: "advanced",
      protectionPeriod: "yearly",
      protectionMode: "cname",
      planChoice: "customer",
    },
    [BUSINESS_PACKAGES.trial]: { protection: "start", protectionMode: "cname" },
  };
  for (const [pkg, fields] of Object.entries(policiesOf))
    if (!saved.has(pkg)) policies.save(pkg, policySchema.parse(fields), now);

  const offers = new OfferStore(db);
  const existing = new Set(offers.list().map((offer) => offer.package));
  for (const offer of BUSINESS_OFFERS) {
    if (existing.has(offer.package)) continue;
    const { id } = offers.create({ name: offer.name, package: offer.package, currency: "CZK" }, change(now));
    for (const line of offer.lines) offers.setLine(id, line, change(now));
    offers.publish(id, change(now));
  }
}

/**
 * The provider's template service, ordered at WEDOS directly as a provider would in WEDOS's administration: the
 * plugin learns of it from WEDOS's template list, and its charge is the credit movement the ledger does not know
 * (reconciliation names it "not in the ledger"). Ordered once: the simulator refuses a second service (2291).
 */
export async function orderProviderTemplate(wapi: Wapi): Promise<void> {
  await wapi.wgp.domainCreate(
    { domain: DEMO_TEMPLATE_DOMAIN, variant: "start", period: "monthly", mode: "cname", upstreamIps: ["192.0.2.20"] },
    { lane: "background" },
  );
}
