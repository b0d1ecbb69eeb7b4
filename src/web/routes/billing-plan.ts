import { Router } from "express";
import { planChoosable } from "../../model/policy.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { changeProtectionPlan } from "../../provisioning/tasks/plan-tasks.js";
import { answerAction } from "../action-notice.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { renderPage, sendJson } from "../render.js";
import { linksOf } from "../view-models/layout.js";
import { parsePlanValue, planLabel, planView, type PlanSources } from "../view-models/domain-plan.js";
import { policyOfDomain, type RecordSources } from "./domains.js";

/**
 * `POST /billing/plan/change` (form fields or JSON: `domain`, `plan` = `<start|advanced|expert>/<monthly|yearly>`,
 * `confirmed` = yes): the customer (or their reseller or admin; the tenant scope decides) moves an active service to
 * another plan or period where its package lets the customer choose. Without `confirmed=yes` the answer is the
 * confirmation with the retail price, and nothing is recorded. The choice is recorded, then the change is queued in
 * the interactive lane; the task checks the spending limits and tells the page a refusal.
 */
export function planRoutes(queue: JobQueue, records: RecordSources, plans: PlanSources): Router {
  const router = Router();
  router.post("/billing/plan/change", (req, res, next) => {
    const page = authenticatedPage(res);
    const body = page.request.body;
    const row = page.scope.require(bodyField(body, "domain"));
    const policy = policyOfDomain(records, row);
    const protection = records.protections.get(row.domain);
    const view = planView(page, plans, policy, protection);
    if (view?.options === undefined || protection === undefined || !planChoosable(policy)) {
      throw new WebError(409, "plan.notChoosable", `the plan of ${row.domain} is not the customer's to choose`);
    }
    const chosen = parsePlanValue(bodyField(body, "plan"));
    const option = view.options.find((candidate) => candidate.value === bodyField(body, "plan"));
    if (chosen === undefined || option === undefined) {
      const given = JSON.stringify(bodyField(body, "plan"));
      throw new WebError(400, "plan.badChoice", `plan must be <plan>/<period>, not ${given}`);
    }
    if (option.current) throw new WebError(409, "plan.same", `${row.domain} is on ${option.value} already`);
    if (bodyField(body, "confirmed") !== "yes") {
      const confirm = { domain: row.domain, plan: option.value, current: view.current, chosen: option.label };
      if (body.kind === "json") return sendJson(res, page, 200, { confirm });
      return renderPage(res, page, "billing/plan-confirm", page.t("plan.choose"), {
        confirm,
        csrfToken: page.csrfToken,
        action: view.action,
        backHref: linksOf(page).domain(row.domain),
      });
    }
    plans.store.choose(row.domain, chosen.plan, chosen.period, page.identity.username, plans.clock.now());
    const job = queue.enqueue(changeProtectionPlan, { domain: row.domain }, { lane: "interactive" });
    const notice = page.t("plan.queued", { domain: row.domain, ...planLabel(page, chosen.plan, chosen.period) });
    answerAction(req, res, next, `/domains/${row.domain}`, { notice, job, domain: row.domain });
  });
  return router;
}
