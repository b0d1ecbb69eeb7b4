import { Router, type Response } from "express";
import type { Clock } from "../../clock.js";
import { DEFAULT_POLICY_PACKAGE, policySchema, type Policy } from "../../provisioning/policy.js";
import type { PolicyStore } from "../../store/policy-store.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { renderPage } from "../render.js";
import { adminLinks } from "../view-models/layout.js";

/** The choices of each select on the policy form, in the order of policySchema (graceDays and zoneQuota are numbers). */
export const POLICY_CHOICES = {
  dnsMode: ["primary", "secondary", "off"],
  protection: ["off", "start", "advanced", "expert"],
  protectionPeriod: ["monthly", "yearly"],
  protectionMode: ["ns", "cname"],
  protectionChoice: ["fixed", "opt-out", "opt-in"],
  onSuspend: ["keep", "withdraw"],
  termination: ["delete", "keep"],
} as const satisfies Partial<Record<keyof Policy, readonly string[]>>;

const PACKAGE_NAME = /^(\*|[A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;

/** Package policies, edited by the admin (the same schema and store as `wedos-panel policy`). */
export function policyRoutes(deps: { policies: PolicyStore; clock: Clock }): Router {
  const router = Router();
  router.get("/policies", async (_req, res) => {
    await showPolicies(res, deps.policies);
  });

  router.post("/policies/save", async (_req, res) => {
    const page = authenticatedPage(res);
    const body = page.request.body;
    const pkg = bodyField(body, "package")?.trim() ?? "";
    const problems: string[] = [];
    if (!PACKAGE_NAME.test(pkg)) problems.push(page.t("policy.badPackage"));
    const input: Record<string, unknown> = {};
    for (const key of Object.keys(POLICY_CHOICES)) input[key] = bodyField(body, key);
    for (const key of ["graceDays", "zoneQuota"]) {
      const raw = bodyField(body, key);
      input[key] = raw === undefined || raw.trim() === "" ? undefined : Number(raw);
    }
    const parsed = policySchema.safeParse(input);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${page.t(`policy.field.${String(issue.path[0]) as keyof Policy}`)}: ${issue.message}`);
    if (problems.length > 0 || !parsed.success) {
      await showPolicies(res, deps.policies, undefined, problems, 400);
      return;
    }
    deps.policies.save(pkg, parsed.data, deps.clock.now());
    await showPolicies(res, deps.policies, page.t("policy.saved", { package: pkg }));
  });

  router.post("/policies/remove", async (_req, res) => {
    const page = authenticatedPage(res);
    const pkg = bodyField(page.request.body, "package") ?? "";
    const removed = pkg !== DEFAULT_POLICY_PACKAGE && deps.policies.remove(pkg);
    await showPolicies(res, deps.policies, removed ? page.t("policy.removed", { package: pkg }) : undefined, removed ? [] : [page.t("policy.notRemoved")], removed ? 200 : 400);
  });
  return router;
}

async function showPolicies(res: Response, policies: PolicyStore, notice?: string, problems: string[] = [], status = 200): Promise<void> {
  const page = authenticatedPage(res);
  const model = { notice, problems, csrfToken: page.csrfToken, links: adminLinks(page), policies: policies.list(), choices: POLICY_CHOICES, defaultPackage: DEFAULT_POLICY_PACKAGE };
  await renderPage(res, page, "admin/policies", page.t("page.policies.title"), model, status);
}
