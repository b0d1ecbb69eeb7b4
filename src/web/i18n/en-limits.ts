/**
 * English texts of the spending limits (part of en.ts's catalogue): the limits page, the warnings from 80 % on the
 * home pages, an order refused by a limit, and the reasons `spend-limit` / `spend-limit-reseller`. Amounts arrive as
 * finished text in the visitor's format, except in the reasons, which carry decimal text and the currency code.
 */
export const enLimits = {
  "page.limits.title": "Spending limits",
  "limits.intro.admin":
    "A monthly ceiling on what a customer, or all of a reseller's customers together, is billed ({vat}). Nothing paid is ordered past it: switching protection on, a package that orders protection, a plan change and a new domain whose package orders protection are refused with a message. From 80 % the customer's, the reseller's and your pages warn.",
  "limits.intro.reseller":
    "A monthly ceiling on what each of your customers is billed ({vat}), never above your own limit. Nothing paid is ordered past it; from 80 % your pages and the customer's warn.",
  "limits.vat.included": "with VAT",
  "limits.vat.excluded": "without VAT",
  "limits.own.title": "Your own limit",
  "limits.own.none": "The server's administrator has set no monthly limit for your customers together.",
  "limits.own.set": "Your customers together may be billed {limit} a month; this month so far: {spent} ({used} %).",
  "limits.resellers": "Resellers",
  "limits.customers": "Customers",
  "limits.col.name": "Account",
  "limits.col.reseller": "Reseller",
  "limits.col.limit": "Monthly limit",
  "limits.col.spent": "This month",
  "limits.col.used": "Used",
  "limits.col.change": "Change",
  "limits.none": "none",
  "limits.state.warning": "80 % or more used",
  "limits.state.over": "over the limit",
  "limits.state.currency": "in another currency than the bills: set it again",
  "limits.amount.label": "New monthly limit of {name} in {currency}",
  "limits.save": "Set",
  "limits.remove": "Remove the limit",
  "limits.search.label": "Find an account",
  "limits.search.button": "Find",
  "limits.empty": "No accounts.",
  "limits.truncated": "Only the first {count} accounts are listed: narrow the list with a search.",
  "limits.saved": "The monthly limit of {name} is now {amount}.",
  "limits.removed": "{name} has no monthly limit now.",
  "limits.notRemoved": "{name} had no limit to remove.",
  "limits.badAmount": "Write the limit as an amount such as 500.00, with at most two decimals.",
  "limits.badScope": "Choose whether the limit is a customer's or a reseller's.",
  "limits.unknown": "There is no account {name} on this server.",
  "limits.refused.currency": "Limits are in {currency}, the currency of the bills: give the amount in {currency}.",
  "limits.refused.negative": "A limit cannot be negative: give 0 or more.",
  "limits.refused.reseller-scope": "Only the server's administrator sets a reseller's limit.",
  "limits.refused.admin-not-reseller":
    "{name} is an administrator: its own customers are not a reseller's, so it has no reseller limit. Give each of them a customer's limit.",
  "limits.refused.not-your-customer": "{name} is not one of your customers.",
  "limits.refused.remove-under-own":
    "Your own monthly limit applies to your customers: give {name} a limit no higher than yours instead.",
  "limits.refused.above-own": "A customer's limit cannot be higher than your own monthly limit of {own}.",
  "limits.warn.self.warning":
    "This month's bill has reached {used} % of your monthly spending limit ({spent} of {limit}). Paid services that would go past it cannot be ordered.",
  "limits.warn.self.over":
    "This month's bill is over your monthly spending limit ({spent} of {limit}). No paid service can be ordered until next month or until your provider raises the limit.",
  "limits.warn.reseller.warning":
    "Your customers' bills this month have reached {used} % of your monthly spending limit ({spent} of {limit}).",
  "limits.warn.reseller.over":
    "Your customers' bills this month are over your monthly spending limit ({spent} of {limit}): nothing paid can be ordered for them.",
  "limits.warn.others": "{count} spending limit(s) are at 80 % or more this month.",
  "limits.warn.link": "See the spending limits",
  "limits.warn.currency":
    "A spending limit is in another currency than the bills ({currency}), so nothing paid can be ordered where it applies: set it again in {currency}.",
  "limits.refusedOrder.title": "Not ordered",
  "reason.spendLimit":
    "Not ordered: it costs {price} {currency} and would take this month over your spending limit of {limit} {currency}. Ask your provider to raise the limit, or order it next month.",
  "reason.spendLimit.admin":
    "Not ordered: it costs {price} {currency} and would take the month of {name} over its spending limit of {limit} {currency}. Raise the limit on the spending limits page, then order again.",
  "reason.spendLimitReseller":
    "Not ordered: a monthly spending limit set by the provider does not allow it this month. Ask your provider.",
  "reason.spendLimitReseller.admin":
    "Not ordered: it would take the customers of reseller {name} over their monthly spending limit of {limit} {currency}. Raise the limit on the spending limits page, then order again.",
} as const;
