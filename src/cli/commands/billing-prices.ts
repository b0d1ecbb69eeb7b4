import { dayOf } from "../../billing/calendar.js";
import { decimalText, parseMoney } from "../../billing/money.js";
import { ALL_PRODUCTS, parseProductKey } from "../../billing/product.js";
import { PriceBookStore, type WholesalePrice } from "../../store/price-book-store.js";
import { enterWholesalePrice } from "../../store/price-entry.js";
import { printJson, stringOption, UsageError } from "../command.js";
import { openCliDatabase } from "../context.js";
import { cliActor } from "../actor.js";
import type { BillingSubcommand } from "./billing.js";

/** `wedos-panel billing price`: the wholesale price book — what WEDOS charges per product, and its history. */
export const priceSubcommand: BillingSubcommand = {
  name: "price",
  usage: `Usage: wedos-panel billing price list [--json]
       wedos-panel billing price history PRODUCT [--json]
       wedos-panel billing price set PRODUCT AMOUNT [--currency CODE]

PRODUCT is zone or protection/<start|advanced|expert>/<monthly|yearly>. AMOUNT is what WEDOS charges for it
(a month of a zone, a period of protection), e.g. 490.00. --currency defaults to the product's last price's
currency, else billing.currency. Prices WEDOS reports in its answers are recorded by themselves.`,
  options: { json: { type: "boolean" }, currency: { type: "string" } },
  async run(args, io) {
    const [action, product, amount, ...extra] = args.positionals;
    const context = openCliDatabase(io);
    const prices = new PriceBookStore(context.db);
    const { timeZone } = context.config.billing;
    const line = (price: WholesalePrice) =>
      `${price.product}: ${decimalText(price.price)} ${price.price.currency} (${price.source}` +
      `${price.enteredBy === null ? "" : ` by ${price.enteredBy}`}` +
      `${price.reference === null ? "" : `, ${price.reference}`}, ${dayOf(price.seenAt, timeZone)})`;
    try {
      if (action === "list" && product === undefined) {
        const current = prices.current();
        if (args.values.json === true) printJson(io, [...current.values()]);
        else
          for (const key of ALL_PRODUCTS) {
            const price = current.get(key);
            io.stdout(`${price === undefined ? `${key}: no price yet` : line(price)}\n`);
          }
        return 0;
      }
      if (action === "history" && product !== undefined && amount === undefined) {
        parseProductKey(product);
        const history = prices.history(product);
        if (args.values.json === true) printJson(io, history);
        else if (history.length === 0) io.stdout(`${product}: no price yet\n`);
        else for (const price of history) io.stdout(`${line(price)}\n`);
        return 0;
      }
      if (action === "set" && product !== undefined && amount !== undefined && extra.length === 0) {
        parseProductKey(product);
        const currency =
          stringOption(args, "currency") ?? prices.latest(product)?.price.currency ?? context.config.billing.currency;
        const price = parseMoney(amount, currency);
        const entered = enterWholesalePrice(
          context.db,
          { product, price },
          { actor: cliActor(io), at: io.clock.now() },
        );
        io.stdout(`${line(entered)}\n`);
        return 0;
      }
      throw new UsageError("use: billing price list | history PRODUCT | set PRODUCT AMOUNT [--currency CODE]");
    } finally {
      context.close();
    }
  },
};
