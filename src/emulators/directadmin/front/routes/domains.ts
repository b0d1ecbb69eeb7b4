import { Router, type Request, type Response } from "express";
import { act, field, FormRefusal, type FrontDeps } from "../deps.js";
import { html, type SafeHtml } from "../html.js";
import { panelPage, sendPage } from "../skin.js";
import { checkCsrf, requireVisitor, takeFlash, visitorIn, type Visitor } from "../visitor.js";
import { HOME } from "./login.js";

function hidden(visitor: Visitor, fields: Readonly<Record<string, string>>): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${visitor.csrf}">${Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}`;
}

function deleteButton(
  visitor: Visitor,
  action: string,
  fields: Readonly<Record<string, string>>,
  label: string,
): SafeHtml {
  return html`<form method="post" action="${action}">${hidden(visitor, { action: "delete", ...fields })}<button type="submit" class="danger">${label}</button></form>`;
}

function domainCard(visitor: Visitor, domain: string, pointers: readonly string[]): SafeHtml {
  return html`<section class="card" data-domain="${domain}">
  <div class="card-head"><h2>${domain}</h2><a href="/CMD_DNS_CONTROL?domain=${encodeURIComponent(domain)}">DNS management</a>${deleteButton(visitor, "/CMD_DOMAIN", { domain }, "Delete domain")}</div>
  <table class="list"><thead><tr><th>Pointer (alias)</th><th>Actions</th></tr></thead><tbody>
  ${pointers.length === 0 ? html`<tr><td colspan="2" class="muted">No pointers.</td></tr>` : pointers.map((pointer) => html`<tr><td>${pointer}</td><td><a href="/CMD_DNS_CONTROL?domain=${encodeURIComponent(pointer)}">DNS</a> ${deleteButton(visitor, "/CMD_DOMAIN_POINTER", { domain, pointer }, "Delete")}</td></tr>`)}
  </tbody></table>
  <form class="inline-form spaced" method="post" action="/CMD_DOMAIN_POINTER">${hidden(visitor, { action: "add", domain })}<label>New pointer <input name="pointer" required placeholder="alias.test"></label><button type="submit">Add pointer</button></form>
</section>`;
}

/**
 * The customer's domains: add and delete domains, add and delete pointers (each with its own zone), and the way
 * to each zone's DNS editor. Changes go through the emulator, which runs the plugin's hooks.
 */
export function domainRoutes(deps: FrontDeps): Router {
  const router = Router();
  const form = [requireVisitor(deps), checkCsrf(deps)];

  router.get("/CMD_ADDITIONAL_DOMAINS", requireVisitor(deps), async (_req: Request, res: Response) => {
    const visitor = visitorIn(res);
    const entries = deps.files.entries(visitor.username);
    const domains = entries.filter((entry) => entry.kind === "domain").map((entry) => entry.domain);
    const pointersOf = (domain: string) =>
      entries.filter((entry) => entry.target === domain).map((entry) => entry.domain);
    const body = html`<form class="card inline-form" method="post" action="/CMD_DOMAIN">${hidden(visitor, { action: "create" })}<label>New domain <input name="domain" required placeholder="example.test"></label><button type="submit">Add domain</button></form>
${domains.length === 0 ? html`<p class="muted">No domains yet.</p>` : domains.map((domain) => domainCard(visitor, domain, pointersOf(domain)))}`;
    sendPage(
      res,
      panelPage({ pluginDir: deps.pluginDir, visitor, title: "Domains", body, flash: takeFlash(deps, visitor) }),
    );
  });

  router.post("/CMD_DOMAIN", form, async (req: Request, res: Response) => {
    const { username } = visitorIn(res);
    const action = field(req.body, "action");
    const domain = field(req.body, "domain");
    await act(res, deps, HOME.user, `${action === "create" ? "added" : "deleted"} ${domain}`, () => {
      if (action === "create") return deps.da.createDomain(username, domain);
      if (action === "delete") return deps.da.destroyDomain(username, domain);
      throw new FormRefusal(`unknown action "${action}"`);
    });
  });

  router.post("/CMD_DOMAIN_POINTER", form, async (req: Request, res: Response) => {
    const { username } = visitorIn(res);
    const action = field(req.body, "action");
    const domain = field(req.body, "domain");
    const pointer = field(req.body, "pointer");
    await act(
      res,
      deps,
      HOME.user,
      `${action === "add" ? "added" : "deleted"} the pointer ${pointer} → ${domain}`,
      () => {
        if (action === "add") return deps.da.createPointer(username, domain, pointer);
        if (action === "delete") return deps.da.destroyPointer(username, domain, pointer);
        throw new FormRefusal(`unknown action "${action}"`);
      },
    );
  });
  return router;
}
