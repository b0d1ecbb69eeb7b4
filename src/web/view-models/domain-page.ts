import { dnsEditor } from "../../panel/dns-editor.js";
import type { PanelKind } from "../../model/panel-kind.js";
import type { DomainRow } from "../../store/inventory-store.js";
import type { AuthenticatedContext } from "../context.js";
import { linksOf } from "./layout.js";

/** Where the domain page sends the visitor to edit the records: a link, or words when there is no link to give. */
export interface DnsEditorView {
  href: string | undefined;
  /** The link's text, or the sentence that says where to go. */
  text: string;
}

/** The panel's DNS editor for the domain, as its adapter knows it (src/panel/dns-editor.ts), in the visitor's words. */
export function dnsEditorView(page: AuthenticatedContext, kind: PanelKind, row: DomainRow): DnsEditorView {
  const owner = row.username ?? "";
  const editor = dnsEditor(
    kind,
    { level: page.request.level, ownDomain: row.username === page.identity.username },
    row.domain,
    owner,
  );
  if (editor.kind === "link") return { href: editor.href, text: page.t("editor.link", { domain: row.domain }) };
  if (editor.kind === "menu") return { href: undefined, text: page.t("editor.menu", { path: editor.path }) };
  return { href: undefined, text: page.t("editor.ownerOnly", { owner: editor.owner }) };
}

/** A pointer shown as the alias it is: the domain it points to, or a domain's pointers. */
export interface AliasesView {
  /** For a pointer: the domain it is an alias of (a link when the visitor may open it). */
  aliasOf: { domain: string; href: string | undefined } | undefined;
  /** For a domain: its pointers the visitor may see, each with its page. */
  aliases: Array<{ domain: string; href: string }>;
}

/** The domain's place among its aliases, through the tenant scope (a pointer's target may be outside it). */
export function aliasesView(page: AuthenticatedContext, row: DomainRow): AliasesView {
  const links = linksOf(page);
  if (row.kind === "pointer" && row.target !== null) {
    const target = page.scope.find(row.target);
    return {
      aliasOf: { domain: row.target, href: target === undefined ? undefined : links.domain(target.domain) },
      aliases: [],
    };
  }
  return {
    aliasOf: undefined,
    aliases: page.scope
      .pointersTo(row)
      .map((pointer) => ({ domain: pointer.domain, href: links.domain(pointer.domain) })),
  };
}
