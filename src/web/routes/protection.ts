import { Router } from "express";
import type { Clock } from "../../clock.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { protectionSpendRefusal, type SpendCheck } from "../../provisioning/spend-check.js";
import { protectDomain, unprotectDomain } from "../../provisioning/tasks/protection-tasks.js";
import { answerAction } from "../action-notice.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { renderPage, sendJson } from "../render.js";
import { linksOf } from "../view-models/layout.js";
import { protectionConfirmView } from "../view-models/protection-confirm.js";
import { refuseOrder } from "../spend-refusal.js";
import { cancelEndsService, protectionSituation } from "../view-models/protection.js";
import { protectionInputsOf, type RecordSources } from "./domains.js";

/**
 * `POST /protection` (form fields or JSON: `domain`, `want` = on | off, `confirmed` = yes): orders a domain's WEDOS
 * Global protection or ends it, where its state and package allow (model/protection-state.ts; the same rule builds
 * the page's buttons). Ordering and ending are paid-service decisions: without `confirmed=yes` the answer is the
 * confirmation (plan, period, price) and nothing is recorded or queued. The customer acts on their own domains, a
 * reseller on their customers', an admin on all (the tenant scope decides). The choice is recorded first and the
 * task queued in the interactive lane; the tasks act on the latest choice, so quick on-off-on clicks order at most
 * once. Withdrawing an order not sent yet only records the choice: the order's job then finds nothing to order.
 */
export function protectionRoutes(
  queue: JobQueue,
  records: RecordSources,
  clock: Clock,
  spending: Pick<SpendCheck, "check">,
): Router {
  const router = Router();
  router.post("/protection", (req, res, next) => {
    const page = authenticatedPage(res);
    const body = page.request.body;
    const row = page.scope.require(bodyField(body, "domain"));
    const want = bodyField(body, "want");
    if (want !== "on" && want !== "off")
      throw new WebError(400, "error.badRequest", `want must be on or off, not ${JSON.stringify(want)}`);
    const inputs = protectionInputsOf(records, row);
    const { phase, actions } = protectionSituation(page, inputs);
    if (!actions.includes(want === "on" ? "order" : "cancel")) {
      throw new WebError(
        409,
        "error.protectionNotSwitchable",
        `${page.identity.username} may not switch the protection of ${row.domain} ${want} while it is ${phase}`,
      );
    }
    // An order past a spending limit is refused at either step, before anything is recorded or queued.
    const refusal =
      want === "on" ? protectionSpendRefusal(spending, row.username, inputs.policy, clock.now()) : undefined;
    if (refusal !== undefined) return refuseOrder(res, page, row.domain, refusal);
    if (bodyField(body, "confirmed") !== "yes") {
      const policy = inputs.policy;
      const confirm = protectionConfirmView(
        page,
        inputs,
        want,
        records.protections.knownPrice(policy.protection, policy.protectionPeriod),
      );
      if (body.kind === "json") return sendJson(res, page, 200, { confirm });
      const links = linksOf(page);
      return renderPage(res, page, "protection/confirm", confirm.title, {
        confirm,
        csrfToken: page.csrfToken,
        protectionAction: links.protection,
        backHref: links.domain(row.domain),
      });
    }
    records.protections.choose(row.domain, want === "on", page.identity.username, clock.now());
    const endsService = want === "off" && cancelEndsService(phase);
    let job: number | undefined;
    if (want === "on" || endsService) {
      const task = want === "on" ? protectDomain : unprotectDomain;
      job = queue.enqueue(task, { domain: row.domain }, { lane: "interactive" });
    }
    const done = want === "on" ? "OnQueued" : endsService ? "OffQueued" : "Withdrawn";
    const notice = page.t(`action.protection${done}`, { domain: row.domain });
    answerAction(req, res, next, `/domains/${row.domain}`, { notice, job, domain: row.domain });
  });
  return router;
}
