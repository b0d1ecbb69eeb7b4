import { Router, type Request, type Response } from "express";
import { absolute, formatRdata, formatRecord, type ZoneRecord } from "../../../dns/index.js";
import { domainName } from "../../../files/lines.js";
import { readZone } from "../../zone.js";
import { act, field, FormRefusal, type FrontDeps } from "../deps.js";
import { html, type SafeHtml } from "../html.js";
import { EDITOR_TYPES, readRecordInput } from "../record-input.js";
import { panelPage, sendPage } from "../skin.js";
import { checkCsrf, requireVisitor, takeFlash, visitorIn, type Visitor } from "../visitor.js";

const editorUrl = (domain: string) => `/CMD_DNS_CONTROL?domain=${encodeURIComponent(domain)}`;

/**
 * The zone of one of the visitor's domains or pointers (an admin's DNS Administration: any zone), or a refusal
 * (someone else's zone looks like none).
 */
function ownZone(deps: FrontDeps, visitor: Visitor, text: string): { domain: string; records: ZoneRecord[] } {
  const domain = domainName(text);
  const owner = domain === undefined ? undefined : deps.files.owners().get(domain);
  const records =
    domain === undefined || owner === undefined || (owner !== visitor.username && visitor.usertype !== "admin")
      ? undefined
      : readZone(deps.da.layout, domain);
  if (domain === undefined || records === undefined) throw new FormRefusal(`you have no zone ${text}`);
  return { domain, records };
}

function recordRow(visitor: Visitor, domain: string, record: ZoneRecord): SafeHtml {
  const remove =
    record.type === "SOA"
      ? html`<span class="muted">kept by the panel</span>`
      : html`<form method="post" action="/CMD_DNS_CONTROL"><input type="hidden" name="csrf" value="${visitor.csrf}"><input type="hidden" name="action" value="delete"><input type="hidden" name="domain" value="${domain}"><input type="hidden" name="record" value="${formatRecord(record)}"><button type="submit" class="danger">Delete</button></form>`;
  return html`<tr><td><strong>${absolute(record.name)}</strong></td><td data-label="TTL">${record.ttl}</td><td data-label="Type">${record.type}</td><td data-label="Value"><code>${formatRdata(record)}</code></td><td>${remove}</td></tr>`;
}

function addForm(visitor: Visitor, domain: string): SafeHtml {
  return html`<form class="card inline-form" method="post" action="/CMD_DNS_CONTROL">
  <input type="hidden" name="csrf" value="${visitor.csrf}"><input type="hidden" name="action" value="add"><input type="hidden" name="domain" value="${domain}">
  <label>Name <input name="name" placeholder="www" size="14"></label>
  <label>Type <select name="type">${EDITOR_TYPES.map((type) => html`<option>${type}</option>`)}</select></label>
  <label>TTL <input name="ttl" placeholder="3600" size="6" inputmode="numeric"></label>
  <label>Value <input name="value" required size="32" placeholder="192.0.2.10"></label>
  <button type="submit">Add record</button>
</form>`;
}

/**
 * DirectAdmin's DNS editor for one zone of the visitor: the records, a form to add one and a button to delete
 * each. Every change is the emulator's addRecord/deleteRecord, so the zone file is rewritten (serial bumped) and
 * dns_write_post runs with the whole zone, as on a real server.
 */
export function dnsRoutes(deps: FrontDeps): Router {
  const router = Router();

  // CMD_DNS_ADMIN is the admin's DNS Administration of any zone (docs/reference/directadmin.md#dns-editor).
  router.get("/CMD_DNS_ADMIN", requireVisitor(deps, "admin"), (req: Request, res: Response) =>
    res.redirect(303, editorUrl(String(req.query.domain ?? ""))),
  );
  router.get("/CMD_DNS_CONTROL", requireVisitor(deps), (req: Request, res: Response) => {
    const visitor = visitorIn(res);
    let zone;
    try {
      zone = ownZone(deps, visitor, String(req.query.domain ?? ""));
    } catch (error) {
      if (!(error instanceof FormRefusal)) throw error;
      sendPage(
        res,
        panelPage({
          pluginDir: deps.pluginDir,
          visitor,
          title: "DNS management",
          body: html``,
          flash: { kind: "error", text: error.message },
        }),
        { status: 404 },
      );
      return;
    }
    const body = html`${addForm(visitor, zone.domain)}
<table class="list"><thead><tr><th>Name</th><th>TTL</th><th>Type</th><th>Value</th><th></th></tr></thead>
<tbody>${zone.records.map((record) => recordRow(visitor, zone.domain, record))}</tbody></table>`;
    sendPage(
      res,
      panelPage({
        pluginDir: deps.pluginDir,
        visitor,
        title: `DNS management: ${zone.domain}`,
        body,
        flash: takeFlash(deps, visitor),
      }),
    );
  });

  router.post("/CMD_DNS_CONTROL", requireVisitor(deps), checkCsrf(deps), async (req: Request, res: Response) => {
    const visitor = visitorIn(res);
    const action = field(req.body, "action");
    const domainText = field(req.body, "domain");
    await act(res, deps, editorUrl(domainText), action === "add" ? "added the record" : "deleted the record", () => {
      const { domain, records } = ownZone(deps, visitor, domainText);
      if (action === "add") {
        const input = {
          name: field(req.body, "name"),
          type: field(req.body, "type"),
          ttl: field(req.body, "ttl"),
          value: field(req.body, "value"),
        };
        return deps.da.addRecord(domain, readRecordInput(domain, records, input));
      }
      if (action !== "delete") throw new FormRefusal(`unknown action "${action}"`);
      const line = field(req.body, "record");
      const record = records.find((each) => each.type !== "SOA" && formatRecord(each) === line);
      if (record === undefined) throw new FormRefusal("that record is no longer in the zone; the page was out of date");
      return deps.da.deleteRecord(domain, record);
    });
  });
  return router;
}
