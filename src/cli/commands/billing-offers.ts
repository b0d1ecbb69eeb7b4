import { dayOf } from "../../billing/calendar.js";
import { decimalText, type Money } from "../../billing/money.js";
import type { Offer, OfferLine } from "../../billing/offer.js";
import { parseLineInput } from "../../billing/offer-input.js";
import { retailOf } from "../../billing/offer-pricing.js";
import { splitVat, type VatRule } from "../../billing/vat.js";
import type { Config } from "../../config/load.js";
import { describePricing, OfferStore } from "../../store/offer-store.js";
import { PriceBookStore } from "../../store/price-book-store.js";
import { printJson, stringOption, UsageError } from "../command.js";
import { openCliDatabase } from "../context.js";
import { cliActor } from "../actor.js";
import type { BillingSubcommand } from "./billing.js";

const USE = `use: billing offer list | show ID | create PACKAGE --name NAME
  | line ID PRODUCT (--markup PCT | --price AMOUNT) | remove-line ID PRODUCT
  | publish ID | deactivate ID | clone ID [--name NAME]`;

/** `wedos-panel billing offer`: the retail offers per package and their lifecycle (ADR 0045). */
export const offerSubcommand: BillingSubcommand = {
  name: "offer",
  usage: `Usage: wedos-panel billing offer list [--json]
       wedos-panel billing offer show ID [--json]
       wedos-panel billing offer create PACKAGE --name NAME
       wedos-panel billing offer line ID PRODUCT (--markup PERCENT | --price AMOUNT)
             [--suspended billed|free] [--renewal renew|lapse]
       wedos-panel billing offer remove-line ID PRODUCT
       wedos-panel billing offer publish ID | deactivate ID | clone ID [--name NAME]

An offer sells a package's services ("*": every package without its own offer) at a markup on WEDOS's current
price or at a fixed price in billing.currency. A draft is edited; publishing it replaces the package's published
offer; a published offer is never edited: clone it, change the clone and publish that. A deactivated offer takes
no new sales; the services sold under it keep their price and stay billed.
  --suspended  billed (default) or free: whether a suspended account's service is billed
  --renewal    renew (default) or lapse: whether a paid period is renewed when it ends`,
  options: {
    json: { type: "boolean" },
    name: { type: "string" },
    markup: { type: "string" },
    price: { type: "string" },
    suspended: { type: "string" },
    renewal: { type: "string" },
  },
  async run(args, io) {
    const [action, first, second, ...extra] = args.positionals;
    if (extra.length > 0) throw new UsageError(USE);
    const context = openCliDatabase(io);
    const offers = new OfferStore(context.db);
    const change = { actor: cliActor(io), at: io.clock.now() };
    const describe = (offer: Offer) => describeOffer(offer, context.config.billing, new PriceBookStore(context.db));
    const show = (offer: Offer) => {
      if (args.values.json === true) printJson(io, offer);
      else io.stdout(describe(offer));
      return 0;
    };
    try {
      if (action === "list" && first === undefined) {
        const all = offers.list();
        if (args.values.json === true) printJson(io, all);
        else if (all.length === 0)
          io.stdout('No offers yet: make one with "billing offer create PACKAGE --name NAME".\n');
        else for (const offer of all) io.stdout(`${heading(offer, context.config.billing.timeZone)}\n`);
        return 0;
      }
      if (action === "create" && first !== undefined && second === undefined) {
        const name = stringOption(args, "name");
        if (name === undefined) throw new UsageError("give the offer a name with --name");
        return show(offers.create({ name, package: first, currency: context.config.billing.currency }, change));
      }
      const id = offerId(first);
      if (action === "show" && second === undefined) {
        const offer = offers.require(id);
        if (args.values.json === true) printJson(io, { ...offer, history: offers.history(id) });
        else io.stdout(`${describe(offer)}${trail(offers, id)}`);
        return 0;
      }
      if (action === "line" && second !== undefined) {
        const input = { product: second, markup: stringOption(args, "markup"), price: stringOption(args, "price") };
        const suspended = stringOption(args, "suspended") ?? "billed";
        if (suspended !== "billed" && suspended !== "free")
          throw new UsageError(`--suspended is billed or free, not "${suspended}"`);
        const line = parseLineInput(
          { ...input, billedWhileSuspended: suspended === "billed", renewal: stringOption(args, "renewal") },
          offers.require(id).currency,
        );
        return show(offers.setLine(id, line, change));
      }
      if (action === "remove-line" && second !== undefined) {
        if (!offers.removeLine(id, second, change)) throw new UsageError(`offer ${id} has no line for ${second}`);
        return show(offers.require(id));
      }
      if (second !== undefined) throw new UsageError(USE);
      if (action === "publish") {
        const { offer, replaced } = offers.publish(id, change);
        if (replaced !== null) io.stdout(`Offer ${replaced} is deactivated: offer ${id} replaces it.\n`);
        return show(offer);
      }
      if (action === "deactivate") return show(offers.deactivate(id, change));
      if (action === "clone") return show(offers.clone(id, change, stringOption(args, "name")));
      throw new UsageError(USE);
    } finally {
      context.close();
    }
  },
};

function offerId(text: string | undefined): number {
  const id = Number(text);
  if (text === undefined || !Number.isSafeInteger(id) || id <= 0)
    throw new UsageError(`give the offer's number (see "billing offer list"), not "${text ?? ""}"`);
  return id;
}

function heading(offer: Offer, timeZone: string): string {
  const since = offer.deactivatedAt ?? offer.publishedAt ?? offer.createdAt;
  const cloned = offer.clonedFrom === null ? "" : `, cloned from offer ${offer.clonedFrom}`;
  return (
    `offer ${offer.id} "${offer.name}" for package ${offer.package}: ${offer.status} since ` +
    `${dayOf(since, timeZone)}, ${offer.lines.length} product(s) in ${offer.currency}${cloned}`
  );
}

const text = (amount: Money) => `${decimalText(amount)} ${amount.currency}`;

/** "149.00 CZK + 21 % VAT = 180.29 CZK", or "149.00 CZK incl. 21 % VAT (net 123.14 CZK)". */
export function withVatText(retail: Money, rule: VatRule): string {
  if (rule.rateBp === 0) return text(retail);
  const split = splitVat(retail, rule);
  const rate = `${rule.rateBp / 100} % VAT`;
  return rule.pricesIncludeVat
    ? `${text(retail)} incl. ${rate} (net ${text(split.net)})`
    : `${text(retail)} + ${rate} = ${text(split.gross)}`;
}

function lineText(line: OfferLine, offer: Offer, billing: Config["billing"], prices: PriceBookStore): string {
  const retail = retailOf(line, offer.currency, prices.latest(line.product)?.price);
  const vat = { rateBp: billing.vatRateBp, pricesIncludeVat: billing.pricesIncludeVat };
  const now = retail === null ? "no price now: WEDOS's price is not known in this currency" : withVatText(retail, vat);
  const suspended = line.billedWhileSuspended ? "billed while suspended" : "free while suspended";
  return `  ${line.product}: ${describePricing(line)} -> ${now}; ${suspended}; ${line.renewal}\n`;
}

function describeOffer(offer: Offer, billing: Config["billing"], prices: PriceBookStore): string {
  const lines = offer.lines.map((line) => lineText(line, offer, billing, prices)).join("");
  return `${heading(offer, billing.timeZone)}\n${lines === "" ? "  no products yet\n" : lines}`;
}

function trail(offers: OfferStore, id: number): string {
  return `History:\n${offers
    .history(id)
    .map((e) => `  ${new Date(e.at).toISOString()} ${e.actor}: ${e.action} ${JSON.stringify(e.details)}\n`)
    .join("")}`;
}
