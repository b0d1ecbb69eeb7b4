import { Router, type Response } from "express";
import type { Clock } from "../../clock.js";
import { DEFAULT_POLICY_PACKAGE, PACKAGE_NAME, policySchema, type Policy } from "../../model/policy.js";
import type { Panel } from "../../panel/panel.js";
import type { Database } from "../../store/database.js";
import { lastPlanPrices } from "../../store/plan-prices.js";
import type { PolicyStore } from "../../store/policy-store.js";
import { ProtectionPlanStore } from "../../store/protection-plan-store.js";
import { authenticatedPage, type AuthenticatedContext } from "../context.js";
import { bodyField } from "../da-input.js";
import type { MessageKey } from "../i18n/index.js";
import { renderPage } from "../render.js";
import { adminLinks } from "../view-models/layout.js";

/**
 * The choices of each select on the policy form, in the order of policySchema and of the form, each with the
 * catalogue key of its label (the stored values are English words and codes; the form speaks the visitor's
 * language). The type demands every value the schema allows. graceDays and zoneQuota are numbers.
 */
export const POLICY_CHOICES = {
  dnsMode: { primary: "policy.choice.primary", secondary: "policy.choice.secondary", off: "policy.choice.noDns" },
  protection: {
    off: "policy.choice.none",
    start: "protection.variant.start",
    advanced: "protection.variant.advanced",
    expert: "protection.variant.expert",
  },
  protectionPeriod: { monthly: "protection.period.monthly", yearly: "protection.period.yearly" },
  protectionMode: { ns: "policy.choice.ns", cname: "policy.choice.cname" },
  protectionChoice: {
    fixed: "policy.choice.fixed",
    "opt-out": "policy.choice.optOut",
    "opt-in": "policy.choice.optIn",
  },
  planChoice: { fixed: "policy.choice.planFixed", customer: "policy.choice.planCustomer" },
  onSuspend: { keep: "policy.choice.keep", withdraw: "policy.choice.withdraw" },
  termination: { delete: "policy.choice.delete", keep: "policy.choice.keep" },
} as const satisfies { [F in keyof Policy]?: Record<Policy[F] & string, MessageKey> };

/** The number fields with the bounds policySchema enforces (shown on the inputs and in the error text). */
const NUMBER_FIELDS = ["graceDays", "zoneQuota"] as const;
const bounds = (field: (typeof NUMBER_FIELDS)[number]) => {
  const schema = policySchema.shape[field].unwrap();
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
};

/** The fields that mean something only while the policy orders protection (disabled on the form otherwise). */
export const PROTECTION_FIELDS = [
  "protectionPeriod",
  "protectionMode",
  "protectionChoice",
  "planChoice",
  "protectionTemplate",
] as const;

export interface PolicySources {
  policies: PolicyStore;
  clock: Clock;
  /** The panel's own list of packages, which new policies are chosen from. */
  panel: Pick<Panel, "packages">;
  /** Where the last prices WEDOS charged are read (store/plan-prices.ts). */
  db: Database;
}

/** Package policies, edited by the admin (the same schema and store as `wedos-panel policy`). */
export function policyRoutes(deps: PolicySources): Router {
  const router = Router();
  router.get("/policies", async (_req, res) => {
    await showPolicies(res, deps);
  });

  router.post("/policies/save", async (_req, res) => {
    const page = authenticatedPage(res);
    const body = page.request.body;
    const pkg = bodyField(body, "package")?.trim() ?? "";
    const problems: string[] = [];
    if (!PACKAGE_NAME.test(pkg)) problems.push(page.t("policy.badPackage"));
    else if (!(await mayHavePolicy(deps, pkg))) problems.push(page.t("policy.notPanelPackage", { package: pkg }));
    const input: Record<string, unknown> = {};
    for (const key of Object.keys(POLICY_CHOICES)) input[key] = bodyField(body, key);
    input.protectionTemplate = bodyField(body, "protectionTemplate");
    for (const key of NUMBER_FIELDS) {
      const raw = bodyField(body, key);
      input[key] = raw === undefined || raw.trim() === "" ? undefined : Number(raw);
    }
    const parsed = policySchema.safeParse(input);
    const template = templateProblem(page, deps, pkg, parsed.success ? parsed.data.protectionTemplate : "");
    if (template !== undefined) problems.push(template);
    if (!parsed.success)
      for (const issue of parsed.error.issues) problems.push(fieldProblem(page, String(issue.path[0]) as keyof Policy));
    if (problems.length > 0 || !parsed.success) {
      await showPolicies(res, deps, undefined, problems, 400);
      return;
    }
    // Disabled fields are not sent: a policy without protection keeps the protection settings it had.
    const kept = deps.policies.list().find((policy) => policy.package === pkg);
    const protectionKept =
      parsed.data.protection === "off" && kept !== undefined
        ? Object.fromEntries(PROTECTION_FIELDS.filter((field) => input[field] === undefined).map((f) => [f, kept[f]]))
        : {};
    deps.policies.save(pkg, { ...parsed.data, ...protectionKept }, deps.clock.now());
    await showPolicies(res, deps, page.t("policy.saved", { package: pkg }));
  });

  router.post("/policies/remove", async (_req, res) => {
    const page = authenticatedPage(res);
    const pkg = bodyField(page.request.body, "package") ?? "";
    const removed = pkg !== DEFAULT_POLICY_PACKAGE && deps.policies.remove(pkg);
    await showPolicies(
      res,
      deps,
      removed ? page.t("policy.removed", { package: pkg }) : undefined,
      removed ? [] : [page.t("policy.notRemoved")],
      removed ? 200 : 400,
    );
  });
  return router;
}

/** What is wrong with one field, in the visitor's language (zod's own messages are English and name no field). */
function fieldProblem(page: AuthenticatedContext, field: keyof Policy): string {
  const label = page.t(`policy.field.${field}`);
  if (field === "graceDays" || field === "zoneQuota")
    return page.t("policy.badNumber", { field: label, ...bounds(field) });
  return page.t("policy.badChoice", { field: label });
}

/** A template must be one WEDOS listed (an unknown one fails every order), or the one the policy has already. */
function templateProblem(page: AuthenticatedContext, deps: PolicySources, pkg: string, id: string): string | undefined {
  if (id === "" || new ProtectionPlanStore(deps.db).templates().some((template) => template.templateId === id))
    return undefined;
  if (deps.policies.list().find((policy) => policy.package === pkg)?.protectionTemplate === id) return undefined;
  return page.t("policy.badTemplate", { id });
}

/** The default, a package that already has a policy, or one the panel offers. */
async function mayHavePolicy(deps: PolicySources, pkg: string): Promise<boolean> {
  if (pkg === DEFAULT_POLICY_PACKAGE || deps.policies.list().some((policy) => policy.package === pkg)) return true;
  return (await panelPackages(deps)).packages.includes(pkg);
}

/** The panel's packages, or why they cannot be read (the admin sees the reason; nothing else depends on it). */
export async function panelPackages(
  deps: Pick<PolicySources, "panel">,
): Promise<{ packages: string[]; problem?: string }> {
  try {
    return { packages: await deps.panel.packages() };
  } catch (error) {
    return { packages: [], problem: error instanceof Error ? error.message : String(error) };
  }
}

async function showPolicies(
  res: Response,
  deps: PolicySources,
  notice?: string,
  problems: string[] = [],
  status = 200,
): Promise<void> {
  const page = authenticatedPage(res);
  const choices = Object.fromEntries(
    Object.entries(POLICY_CHOICES).map(([field, labels]) => [
      field,
      Object.entries(labels).map(([value, label]) => ({ value, label: page.t(label) })),
    ]),
  );
  const templates = new ProtectionPlanStore(deps.db).templates();
  choices.protectionTemplate = [
    { value: "", label: page.t("policy.template.none") },
    ...templates.map(({ templateId, domain }) => ({ value: templateId, label: `${domain} (${templateId})` })),
    // A policy's template WEDOS no longer lists stays choosable, named as such.
    ...[...new Set(deps.policies.list().map((policy) => policy.protectionTemplate))]
      .filter((id) => id !== "" && !templates.some((template) => template.templateId === id))
      .map((id) => ({ value: id, label: page.t("policy.template.notListed", { id }) })),
  ];
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, bounds(field)]));
  const policies = deps.policies.list();
  const offered = await panelPackages(deps);
  const prices = lastPlanPrices(deps.db);
  const priceOf = (policy: Policy) => {
    if (policy.protection === "off") return undefined;
    const known = prices.get(`${policy.protection}/${policy.protectionPeriod}`);
    const period = page.t(POLICY_CHOICES.protectionPeriod[policy.protectionPeriod]);
    return known === undefined ? page.t("policy.priceUnknown") : page.t("policy.priceKnown", { ...known, period });
  };
  const model = {
    notice,
    problems: [
      ...problems,
      ...(offered.problem === undefined ? [] : [page.t("policy.packagesUnreadable", { reason: offered.problem })]),
    ],
    csrfToken: page.csrfToken,
    links: adminLinks(page),
    policies: policies.map((policy) => ({
      ...policy,
      price: priceOf(policy),
      inPanel: policy.package === DEFAULT_POLICY_PACKAGE || offered.packages.includes(policy.package),
    })),
    // New policies are for the panel's packages that have none yet.
    newPackages: offered.packages.filter((pkg) => !policies.some((policy) => policy.package === pkg)),
    panelHasPackages: offered.packages.length > 0,
    choices,
    numbers,
    protectionFields: PROTECTION_FIELDS,
    defaultPackage: DEFAULT_POLICY_PACKAGE,
  };
  await renderPage(res, page, "admin/policies", page.t("page.policies.title"), model, status);
}
