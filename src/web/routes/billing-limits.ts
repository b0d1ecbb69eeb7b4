import { Router, type Response } from "express";
import { MoneyError, parseMoney, type Money } from "../../billing/money.js";
import { changeSpendLimit } from "../../provisioning/spend-limit-change.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { notFound } from "../errors.js";
import { formatMoney } from "../i18n/money-format.js";
import { renderPage } from "../render.js";
import { LIMITS_PATH, limitsPageModel, type LimitSources } from "../view-models/spend-limits.js";

/**
 * `GET /billing/limits` and `POST /billing/limits/set` (fields `scope` = customer | reseller, `name`, `amount`; an
 * empty amount removes the limit), for resellers and the admin (docs/decisions/0049). A reseller sees and sets only
 * the limits of the accounts it created, never above its own; the admin sets anyone's. Users get "no such page".
 */
export function limitRoutes(sources: LimitSources): Router {
  const router = Router();
  router.get(LIMITS_PATH, async (_req, res) => {
    await showLimits(res, sources);
  });
  router.post(`${LIMITS_PATH}/set`, async (_req, res) => {
    const page = authenticatedPage(res);
    if (page.identity.level === "user") throw notFound();
    const body = page.request.body;
    const scope = bodyField(body, "scope");
    const name = bodyField(body, "name")?.trim() ?? "";
    const amountText = bodyField(body, "amount")?.trim() ?? "";
    if ((scope !== "customer" && scope !== "reseller") || name === "") {
      await showLimits(res, sources, { problems: [page.t("limits.badScope")] }, 400);
      return;
    }
    const amount = amountOf(amountText, sources.billing.currency);
    if (amount === "bad") {
      await showLimits(res, sources, { problems: [page.t("limits.badAmount")] }, 400);
      return;
    }
    const { level, username } = page.identity;
    const refusal = changeSpendLimit(
      {
        limits: sources.limits,
        inventory: sources.inventory,
        creators: sources.creators,
        currency: sources.billing.currency,
      },
      {
        setter: { level, name: username },
        scope,
        name,
        amount,
        actor: `${level} ${username}`,
        now: sources.clock.now(),
      },
    );
    if (refusal !== undefined) {
      const own = level === "reseller" ? sources.limits.get("reseller", username)?.amount : undefined;
      const words =
        refusal === "unknown"
          ? page.t("limits.unknown", { name })
          : refusal === "nothing-to-remove"
            ? page.t("limits.notRemoved", { name })
            : page.t(`limits.refused.${refusal}`, {
                name,
                currency: sources.billing.currency,
                own: own === undefined ? "" : formatMoney(page.language, own),
              });
      // Another reseller's customer reads exactly like an account that does not exist.
      const status = refusal === "not-your-customer" || refusal === "unknown" ? 404 : 400;
      await showLimits(res, sources, { problems: [words] }, status);
      return;
    }
    const notice =
      amount === null
        ? page.t("limits.removed", { name })
        : page.t("limits.saved", { name, amount: formatMoney(page.language, amount) });
    await showLimits(res, sources, { notice });
  });
  return router;
}

/** The amount typed (null: none, to remove the limit), or "bad" when it is not an amount. */
function amountOf(text: string, currency: string): Money | null | "bad" {
  if (text === "") return null;
  try {
    return parseMoney(text, currency);
  } catch (error) {
    if (error instanceof MoneyError) return "bad";
    throw error;
  }
}

async function showLimits(
  res: Response,
  sources: LimitSources,
  outcome: { notice?: string; problems?: string[] } = {},
  status = 200,
): Promise<void> {
  const page = authenticatedPage(res);
  if (page.identity.level === "user") throw notFound();
  const search = page.request.query.get("q")?.trim().slice(0, 200) ?? "";
  const model = limitsPageModel(page, sources, search, outcome);
  await renderPage(res, page, "billing/limits", page.t("page.limits.title"), model, status);
}
