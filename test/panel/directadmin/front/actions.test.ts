import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCustomer, csrfOf, startFrontHarness, type FrontHarness, type PanelClient } from "./support.js";

let h: FrontHarness;
let admin: PanelClient;
beforeEach(async () => {
  h = await startFrontHarness();
  admin = await h.loggedIn("admin");
});
afterEach(async () => {
  await h.close();
});

const published = (domain: string) =>
  [...h.stack.sim.simulator.publishedZones()]
    .find((zone) => zone.name === domain)
    ?.rows.map((row) => `${row.name} ${row.type} ${row.rdata}`);
const hooksIn = (html: string) =>
  [...html.matchAll(/<span class="hook-(ok|failed)">(\w+) (✓|✗[^<]*)<\/span>/g)].map(
    (match) => `${match[2] ?? ""} ${match[3] ?? ""}`,
  );

describe("the emulated DirectAdmin front: panel actions run the real hooks", () => {
  it("admin creates a user with a domain: the hooks run, and the zone reaches WEDOS through the daemon", async () => {
    const shown = await createCustomer(admin, { username: "bob", domain: "bob.test", package: "business" });
    expect(shown.text).toContain("created user bob with bob.test");
    expect(hooksIn(shown.text)).toEqual([
      "dns_write_post ✓",
      "dns_create_post ✓",
      "domain_create_post ✓",
      "user_create_post ✓",
    ]);
    expect(shown.text).toContain("<samp>WEDOS DNS: queued</samp>");
    expect(shown.text).toMatch(
      /<tr data-user="bob">[\s\S]*<td data-label="Package">business<\/td>[\s\S]*<div>bob\.test<\/div>/,
    );
    expect(published("bob.test")).toBeUndefined();
    await h.settle();
    expect(published("bob.test")).toContain("www A 192.0.2.1");
    expect(h.stack.services.tasks.inventory.domain("bob.test")?.dnsStatus).toBe("active");
    expect(h.stack.services.tasks.protections.get("bob.test")?.state).toBe("pending");
  });

  it("refuses a form without the panel's token, and bad values with the reason", async () => {
    const forged = await admin.request("POST", "/CMD_ACCOUNT_USER", {
      username: "eve",
      email: "eve@example.test",
      password: "Eve-pass-123",
      domain: "eve.test",
      package: "default",
    });
    expect(forged.status).toBe(403);
    const bad = await createCustomer(admin, { username: "Bad Name", domain: "bad.test" });
    expect(bad.text).toContain("&quot;Bad Name&quot; cannot be a user name");
    const taken = await createCustomer(admin, { username: "carol", domain: "not a domain" });
    expect(taken.text).toContain("is not a valid domain name");
    expect(readFileSync(h.stack.da.layout.domainOwners, "utf8")).toBe("");
  });

  it("suspends, unsuspends and deletes a user, each with its hook, and sets the account's language", async () => {
    await createCustomer(admin, { username: "bob", domain: "bob.test" });
    const act = async (action: string) =>
      admin.submit("/CMD_SELECT_USERS", {
        csrf: csrfOf((await admin.get("/CMD_USER_LIST")).text),
        username: "bob",
        action,
      });
    const suspended = await act("suspend");
    expect(hooksIn(suspended.text)).toEqual(["user_suspend_post ✓"]);
    expect(suspended.text).toContain('<span class="badge badge-suspended">suspended</span>');
    expect(hooksIn((await act("unsuspend")).text)).toEqual(["user_activate_post ✓"]);
    const language = await admin.submit("/CMD_MODIFY_USER", {
      csrf: csrfOf((await admin.get("/CMD_USER_LIST")).text),
      username: "bob",
      language: "cs",
    });
    expect(language.text).toContain("set the language of bob to cs");
    expect(readFileSync(h.stack.da.layout.userConf("bob"), "utf8")).toContain("language=cs\n");
    const deleted = await act("delete");
    expect(hooksIn(deleted.text)).toEqual(["dns_delete_post ✓", "user_destroy_post ✓"]);
    expect((await h.browser().login("bob", "Customer-pass-1")).status).toBe(401);
  });

  it("lets a reseller create and manage only their own customers", async () => {
    await createCustomer(admin, { username: "alice", domain: "alice.test" });
    const reseller = await h.loggedIn("reseller");
    await createCustomer(reseller, { username: "bob", domain: "bob.test" });
    expect(readFileSync(h.stack.da.layout.userConf("bob"), "utf8")).toContain("creator=reseller\n");
    const list = await reseller.get("/CMD_USER_LIST");
    expect(list.text).toContain('<tr data-user="bob">');
    expect(list.text).not.toContain("alice");
    const foreign = await reseller.submit("/CMD_SELECT_USERS", {
      csrf: csrfOf(list.text),
      username: "alice",
      action: "delete",
    });
    expect(foreign.text).toContain("there is no user alice among your accounts");
    const impersonate = await reseller.submit("/CMD_LOGIN_AS", { csrf: csrfOf(list.text), username: "alice" });
    expect(impersonate.text).toContain("reseller may not log in as alice");
  });

  it("the customer adds and deletes domains and pointers, each running its hooks", async () => {
    await createCustomer(admin, { username: "bob", domain: "bob.test", password: "Bob-pass-123" });
    const bob = await h.loggedIn("bob", "Bob-pass-123");
    const token = csrfOf((await bob.get("/CMD_ADDITIONAL_DOMAINS")).text);
    const added = await bob.submit("/CMD_DOMAIN", { csrf: token, action: "create", domain: "shop.test" });
    expect(hooksIn(added.text)).toEqual(["dns_write_post ✓", "dns_create_post ✓", "domain_create_post ✓"]);
    const pointer = await bob.submit("/CMD_DOMAIN_POINTER", {
      csrf: token,
      action: "add",
      domain: "shop.test",
      pointer: "shop-alias.test",
    });
    expect(hooksIn(pointer.text)).toEqual(["dns_write_post ✓", "dns_create_post ✓", "domain_pointer_create_post ✓"]);
    expect(pointer.text).toContain("<td>shop-alias.test</td>");
    const noPointer = await bob.submit("/CMD_DOMAIN_POINTER", {
      csrf: token,
      action: "delete",
      domain: "shop.test",
      pointer: "shop-alias.test",
    });
    expect(hooksIn(noPointer.text)).toEqual(["dns_delete_post ✓", "domain_pointer_destroy_post ✓"]);
    const removed = await bob.submit("/CMD_DOMAIN", { csrf: token, action: "delete", domain: "shop.test" });
    expect(hooksIn(removed.text)).toEqual(["dns_delete_post ✓", "domain_destroy_post ✓"]);
    const foreign = await bob.submit("/CMD_DOMAIN", { csrf: token, action: "delete", domain: "alice.test" });
    expect(foreign.text).toContain("alice.test is not a domain of bob");
  });

  it("the DNS editor adds and deletes records through dns_write_post, and WEDOS follows", async () => {
    await createCustomer(admin, { username: "bob", domain: "bob.test", password: "Bob-pass-123" });
    await h.settle();
    const bob = await h.loggedIn("bob", "Bob-pass-123");
    const editor = await bob.get("/CMD_DNS_CONTROL?domain=bob.test");
    expect(editor.text).toContain("DNS management: bob.test");
    const added = await bob.submit("/CMD_DNS_CONTROL", {
      csrf: csrfOf(editor.text),
      action: "add",
      domain: "bob.test",
      name: "blog",
      type: "TXT",
      ttl: "600",
      value: 'hello "world"',
    });
    expect(hooksIn(added.text)).toEqual(["dns_write_post ✓"]);
    expect(added.text).toContain("<code>&quot;hello \\&quot;world\\&quot;&quot;</code>");
    await h.settle();
    expect(published("bob.test")).toContain('blog TXT hello "world"');
    const line =
      /name="record" value="(blog\.bob\.test\.[^"]*)"/
        .exec(added.text)?.[1]
        ?.replaceAll("&quot;", '"')
        .replaceAll("&#39;", "'") ?? "";
    const deleted = await bob.submit("/CMD_DNS_CONTROL", {
      csrf: csrfOf(added.text),
      action: "delete",
      domain: "bob.test",
      record: line,
    });
    expect(hooksIn(deleted.text)).toEqual(["dns_write_post ✓"]);
    await h.settle();
    expect(published("bob.test")?.some((row) => row.startsWith("blog "))).toBe(false);
    const refused = await bob.submit("/CMD_DNS_CONTROL", {
      csrf: csrfOf(deleted.text),
      action: "add",
      domain: "bob.test",
      name: "x",
      type: "A",
      ttl: "",
      value: "not-an-address",
    });
    expect(refused.text).toContain("the record cannot be read");
    expect((await bob.get("/CMD_DNS_CONTROL?domain=other.test")).status).toBe(404);
    // The admin's DNS Administration (CMD_DNS_ADMIN, where the plugin's admin pages link) opens any zone; an
    // account's session cannot use it.
    const viaAdmin = await admin.get("/CMD_DNS_ADMIN?domain=bob.test");
    expect(viaAdmin.location).toBe("/CMD_DNS_CONTROL?domain=bob.test");
    expect((await admin.get(viaAdmin.location ?? "")).text).toContain("DNS management: bob.test");
    expect((await bob.get("/CMD_DNS_ADMIN?domain=bob.test")).status).toBe(403);
  });
});
