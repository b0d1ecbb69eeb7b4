import type { AccountLevel } from "../model/account.js";
import type { PanelKind } from "../model/panel-kind.js";
import { cpanelDnsEditor } from "./cpanel/dns-editor.js";
import { directAdminDnsEditor } from "./directadmin/dns-editor.js";

/** Whose page asks: the plugin page's level, and whether the domain belongs to the visitor's own account. */
export interface DnsEditorVisitor {
  level: AccountLevel;
  ownDomain: boolean;
}

/**
 * Where a visitor edits a domain's records in the panel: a link when the panel has an address for it that the
 * visitor's session opens, else where to find it in the panel's menus (docs/decisions/0041).
 */
export type DnsEditor =
  | { kind: "link"; href: string }
  /** No address the session opens is known: the panel's menu path (in the panel's own words, which are English). */
  | { kind: "menu"; path: string }
  /** This visitor cannot edit the zone in the panel without logging in as its owner. */
  | { kind: "owner-only"; owner: string };

/** The panel's DNS editor for the domain, through its adapter's knowledge of its own URLs. */
export function dnsEditor(kind: PanelKind, visitor: DnsEditorVisitor, domain: string, owner: string): DnsEditor {
  const byPanel: Record<PanelKind, () => DnsEditor> = {
    directadmin: () => directAdminDnsEditor(visitor, domain, owner),
    cpanel: () => cpanelDnsEditor(visitor, domain, owner),
  };
  return byPanel[kind]();
}
