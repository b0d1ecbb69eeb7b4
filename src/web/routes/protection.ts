import { Router } from "express";
import type { Clock } from "../../clock.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { protectDomain, unprotectDomain } from "../../provisioning/tasks/protection-tasks.js";
import { answerAction } from "../action-notice.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { switchAllowed } from "../view-models/protection.js";
import { policyOfDomain, type RecordSources } from "./domains.js";

/**
 * `POST /protection` (form fields or JSON: `domain`, `want` = on | off): switches a domain's WEDOS Global
 * protection on or off where its package lets the customer choose. The customer acts on their own domains, a
 * reseller on their customers', an admin on all (the tenant scope decides). The choice is recorded first and the
 * task queued in the interactive lane; the tasks act on the latest choice, so quick on-off-on clicks order at most
 * once.
 */
export function protectionRoutes(queue: JobQueue, records: RecordSources, clock: Clock): Router {
  const router = Router();
  router.post("/protection", (req, res, next) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(bodyField(page.request.body, "domain"));
    const want = bodyField(page.request.body, "want");
    if (want !== "on" && want !== "off")
      throw new WebError(400, "error.badRequest", `want must be on or off, not ${JSON.stringify(want)}`);
    if (!switchAllowed(policyOfDomain(records, row), row.state === "active", records.protections.get(row.domain))) {
      throw new WebError(
        409,
        "error.protectionNotSwitchable",
        `${page.identity.username} may not switch the protection of ${row.domain} now`,
      );
    }
    records.protections.choose(row.domain, want === "on", page.identity.username, clock.now());
    const task = want === "on" ? protectDomain : unprotectDomain;
    const job = queue.enqueue(task, { domain: row.domain }, { lane: "interactive" });
    const notice = page.t(want === "on" ? "action.protectionOnQueued" : "action.protectionOffQueued", {
      domain: row.domain,
    });
    answerAction(req, res, next, `/domains/${row.domain}`, { notice, job, domain: row.domain });
  });
  return router;
}
