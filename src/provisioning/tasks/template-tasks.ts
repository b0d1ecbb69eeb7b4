import { z } from "zod";
import { normaliseList } from "../../wapi/lists.js";
import { defineTask } from "../task-definition.js";
import { accountPolicy } from "./account-policy.js";
import { domainPayload } from "./domain-payload.js";

/**
 * refresh-templates: asks WEDOS for the account's WEDOS Global templates (`wgp-domain-templates-list`) and keeps the
 * list for the admin's policy form, which never asks WEDOS itself. The answer's shape is not published: any list of
 * objects with a template id (`template_domain_id`, `WGP_ID` or `id`) and a domain (`domain` or `name`) is read.
 */
export const refreshTemplates = defineTask({
  name: "refresh-templates",
  payload: z.object({}),
  domainOf: () => null,
  lane: "background",
  async run(ctx, job) {
    const reply = await ctx.wapi.wgp.domainTemplatesList({ lane: job.lane });
    const templates = Object.values(reply.data)
      .flatMap((value) => normaliseList(value))
      .flatMap((item) => {
        if (typeof item !== "object" || item === null) return [];
        const fields = item as Record<string, unknown>;
        const id = [fields.template_domain_id, fields.WGP_ID, fields.id].find(
          (value) => typeof value === "string" || typeof value === "number",
        );
        const domain = [fields.domain, fields.name].find((value) => typeof value === "string");
        return id === undefined || domain === undefined ? [] : [{ templateId: String(id), domain: String(domain) }];
      });
    ctx.plans.replaceTemplates(templates, ctx.clock.now());
  },
});

/**
 * replicate-template: copies the package's template onto an existing service (`wgp-domain-template-replicate`),
 * after the package's template changed or the account moved to a package with another one. A package without a
 * template leaves the service's settings as they are.
 */
export const replicateTemplate = defineTask({
  name: "replicate-template",
  payload: domainPayload,
  domainOf: (payload) => payload.domain,
  lane: "background",
  async run(ctx, job) {
    const { domain } = job.payload;
    if (ctx.protections.get(domain)?.state !== "active") return;
    const policy = await accountPolicy(ctx, ctx.inventory.domain(domain)?.username ?? null);
    const template = policy.protectionTemplate;
    if (template === "" || ctx.plans.service(domain)?.templateId === template) return;
    await ctx.wapi.wgp.domainTemplateReplicate(domain, template, { lane: job.lane });
    ctx.plans.setTemplate(domain, template, ctx.clock.now());
  },
});
