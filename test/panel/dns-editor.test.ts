import { describe, expect, it } from "vitest";
import { dnsEditor, type DnsEditor, type DnsEditorVisitor } from "../../src/panel/dns-editor.js";
import type { PanelKind } from "../../src/model/panel-kind.js";

/** Each case: the panel, the visitor's level and whether the domain is theirs, and where the page sends them. */
const CASES: Array<[PanelKind, DnsEditorVisitor["level"], boolean, DnsEditor]> = [
  // DirectAdmin: the account's DNS Management for its own zone (a reseller's own too), the admin's for any zone.
  ["directadmin", "user", true, { kind: "link", href: "/CMD_DNS_CONTROL?domain=bob.test" }],
  ["directadmin", "reseller", true, { kind: "link", href: "/CMD_DNS_CONTROL?domain=bob.test" }],
  ["directadmin", "admin", false, { kind: "link", href: "/CMD_DNS_ADMIN?domain=bob.test" }],
  // A reseller has no command for a customer's zone: only the customer's own session edits it.
  ["directadmin", "reseller", false, { kind: "owner-only", owner: "bob" }],
  // cPanel: Jupiter's Zone Editor beside the plugin; WHM's editor by its place in the menu (no address known).
  ["cpanel", "user", true, { kind: "link", href: "../zone_editor/index.html#/manage?domain=bob.test" }],
  ["cpanel", "admin", false, { kind: "menu", path: "WHM » DNS Functions » Edit DNS Zone (bob.test, account bob)" }],
  ["cpanel", "reseller", false, { kind: "menu", path: "WHM » DNS Functions » Edit DNS Zone (bob.test, account bob)" }],
];

describe("the panel's DNS editor for a domain", () => {
  it.each(CASES)("%s, %s level, own domain %s", (kind, level, ownDomain, expected) => {
    expect(dnsEditor(kind, { level, ownDomain }, "bob.test", "bob")).toEqual(expected);
  });

  it("puts the domain into the address encoded", () => {
    const editor = dnsEditor("directadmin", { level: "user", ownDomain: true }, "a&b=c.test", "alice");
    expect(editor).toEqual({ kind: "link", href: "/CMD_DNS_CONTROL?domain=a%26b%3Dc.test" });
  });
});
