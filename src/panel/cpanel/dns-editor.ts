import type { DnsEditor, DnsEditorVisitor } from "../dns-editor.js";

/**
 * cPanel's Zone Editor (docs/reference/cpanel.md#dns-editor). The plugin's Jupiter page is
 * `/cpsess…/frontend/jupiter/wedos_panel/index.live.pl`, so the account's Zone Editor for a domain is
 * `../zone_editor/index.html#/manage?domain=…` relative to it, inside the same session. WHM's zone editor has no
 * address we could confirm, so the admin, and a reseller for a customer's zone, get its place in WHM's menu.
 */
export function cpanelDnsEditor(visitor: DnsEditorVisitor, domain: string, owner: string): DnsEditor {
  if (visitor.level !== "admin" && visitor.ownDomain)
    return { kind: "link", href: `../zone_editor/index.html#/manage?domain=${encodeURIComponent(domain)}` };
  return { kind: "menu", path: `WHM » DNS Functions » Edit DNS Zone (${domain}, account ${owner})` };
}
