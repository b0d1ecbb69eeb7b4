import { Router, type Response } from "express";
import type { Clock } from "../../clock.js";
import { BillingTokenError, BillingTokenStore, type BillingToken } from "../../store/billing-token-store.js";
import type { Database } from "../../store/database.js";
import { authenticatedPage, type AuthenticatedContext } from "../context.js";
import { bodyField } from "../da-input.js";
import { actorName } from "../identity/identity.js";
import { renderPage } from "../render.js";
import { pageUrl } from "../urls.js";

export interface BillingTokenSources {
  db: Database;
  clock: Clock;
}

/** What the page says after an action: a notice, problems, and a token just made (shown this once). */
interface Outcome {
  notice?: string;
  problems?: string[];
  secret?: string;
  status?: number;
}

/**
 * `/admin/billing/tokens`: the pull API's tokens (the same store as `wedos-panel billing token`), made, listed and
 * revoked by the admin, with the latest requests to the API. A new token is in the answer to its own POST only;
 * nothing shows it again. Every change goes to the billing audit log as "admin <name>".
 */
export function billingTokenRoutes(deps: BillingTokenSources): Router {
  const router = Router();
  const tokens = new BillingTokenStore(deps.db);
  const actor = (page: AuthenticatedContext) => `admin ${actorName(page.identity)}`;

  router.get("/billing/tokens", async (_req, res) => {
    await showTokens(res, tokens);
  });

  router.post("/billing/tokens/create", async (_req, res) => {
    const page = authenticatedPage(res);
    const body = page.request.body;
    try {
      const made = tokens.create({
        name: bodyField(body, "name") ?? "",
        reseller: bodyField(body, "reseller") ?? null,
        actor: actor(page),
        now: deps.clock.now(),
      });
      const notice = page.t("tokens.made", { id: made.token.id, name: made.token.name });
      await showTokens(res, tokens, { notice, secret: made.secret });
    } catch (error) {
      if (!(error instanceof BillingTokenError)) throw error;
      await showTokens(res, tokens, { problems: [page.t("tokens.badName")], status: 400 });
    }
  });

  router.post("/billing/tokens/revoke", async (_req, res) => {
    const page = authenticatedPage(res);
    const id = Number(bodyField(page.request.body, "id"));
    if (!Number.isSafeInteger(id) || tokens.byId(id) === undefined) {
      await showTokens(res, tokens, { problems: [page.t("tokens.noSuchToken")], status: 400 });
      return;
    }
    const revoked = tokens.revoke(id, actor(page), deps.clock.now());
    await showTokens(res, tokens, { notice: page.t(revoked ? "tokens.revoked" : "tokens.alreadyRevoked", { id }) });
  });
  return router;
}

function tokenRow(page: AuthenticatedContext, token: BillingToken) {
  const { t } = page;
  return {
    id: token.id,
    name: token.name,
    hint: `${token.hint}…`,
    scope: token.reseller === null ? t("tokens.scope.all") : t("tokens.scope.reseller", { reseller: token.reseller }),
    made: t("tokens.madeBy", { at: t.time(token.createdAt), actor: token.createdBy }),
    lastUsed: t.time(token.lastUsedAt, t("tokens.never")),
    revoked: token.revokedAt !== null,
    state:
      token.revokedAt === null
        ? t("tokens.active")
        : t("tokens.revokedBy", { at: t.time(token.revokedAt), actor: token.revokedBy ?? "" }),
  };
}

async function showTokens(res: Response, tokens: BillingTokenStore, outcome: Outcome = {}): Promise<void> {
  const page = authenticatedPage(res);
  const { t } = page;
  const { level, mode } = page.request;
  const model = {
    notice: outcome.notice,
    problems: outcome.problems ?? [],
    secret: outcome.secret,
    csrfToken: page.csrfToken,
    links: {
      create: pageUrl(level, mode, "/billing/tokens/create"),
      revoke: pageUrl(level, mode, "/billing/tokens/revoke"),
    },
    tokens: tokens.list().map((token) => tokenRow(page, token)),
    uses: tokens.uses(20).map((use) => ({
      at: t.time(use.at),
      who: use.tokenId === null ? t("tokens.noToken") : t("tokens.tokenNumber", { id: use.tokenId }),
      remote: use.remote,
      request: use.request,
      answer: `${use.status} ${use.outcome}`,
    })),
  };
  await renderPage(res, page, "billing/tokens", t("page.billingTokens.title"), model, outcome.status ?? 200);
}
