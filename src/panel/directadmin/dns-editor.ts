import type { DnsEditor, DnsEditorVisitor } from "../dns-editor.js";

/**
 * DirectAdmin's DNS Management (docs/reference/directadmin.md#dns-editor): `CMD_DNS_CONTROL?domain=` for the
 * account's own zones, `CMD_DNS_ADMIN?domain=` for any zone at the admin level. Both are the panel's own
 * addresses on its own origin, so the visitor's DirectAdmin session opens them. A reseller reaches a customer's
 * zone only by logging in as the customer.
 */
export function directAdminDnsEditor(visitor: DnsEditorVisitor, domain: string, owner: string): DnsEditor {
  const query = `?domain=${encodeURIComponent(domain)}`;
  if (visitor.level === "admin") return { kind: "link", href: `/CMD_DNS_ADMIN${query}` };
  if (visitor.ownDomain) return { kind: "link", href: `/CMD_DNS_CONTROL${query}` };
  return { kind: "owner-only", owner };
}
