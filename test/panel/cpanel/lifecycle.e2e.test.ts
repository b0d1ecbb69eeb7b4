import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { policySchema } from "../../../src/model/policy.js";
import { pendingEventFiles } from "../../../src/provisioning/spool.js";
import { PolicyStore } from "../../../src/store/policy-store.js";
import { startCpanelHarness, type CpanelHarness } from "../../support/cpanel-harness.js";
import { payload } from "./support.js";

const DAY = 86_400_000;
let h: CpanelHarness;
beforeEach(async () => {
  // As on an installed server: the daemon asks the panel reader, which alone reads cPanel's files.
  h = await startCpanelHarness({ panelReader: true });
});
afterEach(async () => {
  await h.close();
});

const status = (domain: string) => h.services.tasks.inventory.domain(domain)?.dnsStatus;
const policy = (pkg: string, settings: Record<string, unknown>) =>
  new PolicyStore(h.services.db).save(pkg, policySchema.parse(settings), h.clock.now());
const spool = (folder: string) => readdirSync(join(h.dataDir, "spool", folder)).sort();

// cPanel payload → real hook script → spool → ingest → worker (asking the panel reader) → simulator, for every event.
describe("cPanel lifecycle mirrored at WEDOS", () => {
  it("Accounts::Create: the account's main domain gets its zone with the panel's records, committed", async () => {
    const run = await h.cpanel.perform(payload("whostmgr-accounts-create"));
    expect(run).toMatchObject({ stdout: "1 WEDOS DNS: queued\n", exitCode: 0 });
    expect(h.published("alice.test")).toBeUndefined();
    await h.settle();
    const rows = h.published("alice.test") ?? [];
    expect(rows.some((row) => row.name === "www" && row.type === "A" && row.rdata === "192.0.2.10")).toBe(true);
    expect(rows.some((row) => row.type === "MX")).toBe(true);
    expect(status("alice.test")).toBe("active");
    expect(h.services.tasks.inventory.account("alice")).toMatchObject({ package: "default", creator: "root" });
    expect(pendingEventFiles(h.services.hookSpool)).toEqual([]);
  });

  it("addon and parked domains get zones of their own; removing them removes the zones after the grace period", async () => {
    await h.cpanel.perform(payload("whostmgr-accounts-create"));
    await h.cpanel.perform(payload("cpanel-api2-addondomain-addaddondomain"));
    await h.cpanel.perform(payload("cpanel-api2-park-park"));
    await h.settle();
    expect(h.published("alice-shop.test")?.some((row) => row.name === "www")).toBe(true);
    expect(h.published("alice-alias.test")?.some((row) => row.name === "www")).toBe(true);
    expect(h.services.tasks.inventory.domain("alice-alias.test")).toMatchObject({
      kind: "pointer",
      username: "alice",
      dnsStatus: "active",
    });

    await h.cpanel.perform(payload("cpanel-api2-addondomain-deladdondomain"));
    await h.cpanel.perform(payload("cpanel-api2-park-unpark"));
    await h.settle();
    expect(h.published("alice-shop.test")).toBeDefined();
    h.clock.advance(7 * DAY + 1);
    await h.settleAll(DAY);
    expect(h.published("alice-shop.test")).toBeUndefined();
    expect(h.published("alice-alias.test")).toBeUndefined();
    expect([status("alice-shop.test"), status("alice-alias.test")]).toEqual(["removed", "removed"]);
    expect(h.published("alice.test")).toBeDefined();
  });

  it("a subdomain lives in its parent's zone: adding or deleting one syncs only the changed rows of that zone", async () => {
    await h.cpanel.perform(payload("whostmgr-accounts-create"));
    await h.settle();
    const zonesBefore = h.commands().filter((c) => c.command === "dns-domain-add").length;
    const before = h.commands().length;
    await h.cpanel.perform(payload("cpanel-api2-subdomain-addsubdomain"));
    await h.settle();
    // Two rows added (and read back for their IDs), one commit: the rest of the zone is left alone.
    const writes = h
      .commands()
      .slice(before)
      .map((c) => c.command)
      .filter((command) => command !== "dns-rows-list");
    expect(writes).toEqual(["dns-row-add", "dns-row-add", "dns-domain-commit"]);
    expect(
      h
        .published("alice.test")
        ?.filter((row) => row.name.endsWith("blog"))
        .map((row) => row.name)
        .sort(),
    ).toEqual(["blog", "www.blog"]);

    await h.cpanel.perform(payload("cpanel-uapi-subdomain-addsubdomain"));
    await h.cpanel.perform(payload("cpanel-api2-subdomain-delsubdomain"));
    await h.settle();
    const names = h.published("alice.test")?.map((row) => row.name) ?? [];
    expect(names).toContain("shop");
    expect(names.some((name) => name.endsWith("blog"))).toBe(false);
    expect(h.commands().filter((c) => c.command === "dns-domain-add").length).toBe(zonesBefore);
    expect(h.published("blog.alice.test")).toBeUndefined();
  });

  it("Zone Editor changes (UAPI mass_edit_zone, API 2 ZoneEdit) reach WEDOS as the changed rows", async () => {
    await h.cpanel.perform(payload("whostmgr-accounts-create"));
    await h.settle();
    const shop = () =>
      h
        .published("alice.test")
        ?.filter((row) => row.name === "shop")
        .map((row) => row.rdata);
    await h.cpanel.perform(payload("cpanel-uapi-dns-mass-edit-zone"));
    await h.settle();
    expect(shop()).toEqual(["192.0.2.77"]);
    const before = h.commands().length;
    await h.cpanel.perform(payload("cpanel-api2-zoneedit-edit-zone-record"));
    await h.settle();
    expect(shop()).toEqual(["192.0.2.78"]);
    expect(
      h
        .commands()
        .slice(before)
        .map((c) => c.command),
    ).toEqual(["dns-rows-list", "dns-row-update", "dns-domain-commit"]);
    const line = (h.cpanel.zone("alice.test") ?? []).findIndex((record) => record.name === "shop.alice.test") + 2;
    await h.cpanel.perform(payload("cpanel-api2-zoneedit-remove-zone-record", { args: { line: String(line) } }));
    await h.settle();
    expect(shop()).toEqual([]);
  });

  it("suspension follows the package policy: withdraw removes the zone, unsuspend brings it back; keep leaves it", async () => {
    policy("withdrawing", { onSuspend: "withdraw" });
    await h.cpanel.perform(payload("whostmgr-accounts-create", { plan: "withdrawing" }));
    await h.cpanel.perform(payload("whostmgr-accounts-create", { user: "bob", domain: "bob.test" }));
    await h.settle();
    await h.cpanel.perform(payload("whostmgr-accounts-suspendacct"));
    await h.cpanel.perform(payload("whostmgr-accounts-suspendacct", { user: "bob" }));
    await h.settle();
    expect(h.published("alice.test")).toBeUndefined();
    expect(status("alice.test")).toBe("withdrawn");
    expect(h.published("bob.test")).toBeDefined();
    expect(h.services.tasks.inventory.domain("bob.test")?.state).toBe("suspended");
    await h.cpanel.perform(payload("whostmgr-accounts-unsuspendacct"));
    await h.settle();
    expect(h.published("alice.test")?.length).toBeGreaterThan(3);
    expect(status("alice.test")).toBe("active");
  });

  it("Accounts::Remove removes every zone of the account after the grace period, not before", async () => {
    await h.cpanel.perform(payload("whostmgr-accounts-create"));
    await h.cpanel.perform(payload("cpanel-api2-addondomain-addaddondomain"));
    await h.cpanel.perform(payload("cpanel-api2-park-park"));
    await h.settle();
    await h.cpanel.perform(payload("whostmgr-accounts-remove"));
    await h.settle();
    h.clock.advance(6 * DAY);
    await h.settleAll(DAY / 2);
    expect(h.published("alice.test")).toBeDefined();
    h.clock.advance(2 * DAY);
    await h.settleAll(DAY);
    for (const domain of ["alice.test", "alice-shop.test", "alice-alias.test"])
      expect(h.published(domain)).toBeUndefined();
    expect(h.services.tasks.inventory.account("alice")?.deletedAt).not.toBeNull();
  });

  it("Accounts::change_package applies the new package's policy: protection is ordered, a suspended account is withdrawn", async () => {
    policy("reseller1_Gold Plan", { protection: "advanced", protectionMode: "cname", onSuspend: "withdraw" });
    await h.cpanel.perform(payload("whostmgr-accounts-create"));
    await h.cpanel.perform(payload("cpanel-api2-park-park"));
    await h.cpanel.perform(payload("whostmgr-accounts-create", { user: "bob", domain: "bob.test" }));
    await h.settle();
    await h.cpanel.perform(payload("whostmgr-accounts-suspendacct", { user: "bob" }));
    await h.settle();
    expect(h.commands().filter((c) => c.command === "wgp-domain-create")).toHaveLength(0);
    expect(h.published("bob.test")).toBeDefined();

    await h.cpanel.perform(payload("whostmgr-accounts-change-package"));
    await h.cpanel.perform(payload("whostmgr-accounts-change-package", { user: "bob" }));
    await h.settle();
    expect(h.services.tasks.inventory.account("alice")?.package).toBe("reseller1_Gold Plan");
    expect(h.services.tasks.protections.get("alice.test")).toMatchObject({ variant: "advanced", mode: "cname" });
    expect(h.services.tasks.protections.get("alice-alias.test")).toMatchObject({ variant: "advanced" });
    expect(h.published("bob.test")).toBeUndefined();
    expect(status("bob.test")).toBe("withdrawn");
    expect(h.services.tasks.protections.get("bob.test")).toBeUndefined();
  });

  it("an API call cPanel reports as failed is consumed and changes nothing", async () => {
    await h.cpanel.perform(payload("whostmgr-accounts-create"));
    await h.settle();
    await h.cpanel.runHook(
      JSON.stringify(
        payload("cpanel-api2-park-park", {
          args: { domain: "taken.test" },
          output: [{ result: 0, reason: "taken.test is already parked" }],
        }),
      ),
    );
    await h.settle();
    expect(h.services.tasks.inventory.domain("taken.test")).toBeUndefined();
    expect(pendingEventFiles(h.services.hookSpool)).toEqual([]);
    expect(spool("rejected")).toEqual([]);
  });

  it("keeps a malformed payload aside with the reason, and the events around it still arrive", async () => {
    await h.cpanel.perform(payload("whostmgr-accounts-create"));
    await h.cpanel.runHook(
      JSON.stringify(payload("cpanel-api2-addondomain-addaddondomain", { args: { newdomain: "not a domain" } })),
    );
    await h.cpanel.runHook('{"context": {"category": "Whostmgr", "event": "Accounts::Create"');
    await h.cpanel.perform(payload("cpanel-api2-park-park"));
    const [, badDomain, notJson] = spool("new");
    await h.settle();
    expect(h.published("alice.test")).toBeDefined();
    expect(h.published("alice-alias.test")).toBeDefined();
    expect(pendingEventFiles(h.services.hookSpool)).toEqual([]);
    expect(spool("rejected")).toEqual([badDomain, `${badDomain}.reason`, notJson, `${notJson}.reason`].sort());
    const reason = (file: string | undefined) =>
      readFileSync(join(h.dataDir, "spool", "rejected", `${file}.reason`), "utf8");
    expect(reason(badDomain)).toBe(
      "Cpanel::Api2::AddonDomain::addaddondomain: data.args.newdomain: \"not a domain\" is not a valid domain name; the event was kept in the spool's rejected/ folder — check the cPanel version's hook payload\n",
    );
    expect(reason(notJson)).toMatch(
      /^cPanel hook: the payload is not JSON \(.+\); the event was kept in the spool's rejected\/ folder\n$/,
    );
    // Kept as cPanel sent it (minus the password), so an admin can replay it once the cause is fixed.
    expect(
      JSON.parse(readFileSync(join(h.dataDir, "spool", "rejected", badDomain as string), "utf8")).data.args.newdomain,
    ).toBe("not a domain");
  });

  it("the same payload spooled twice (a replayed hook) creates nothing twice", async () => {
    await h.cpanel.perform(payload("whostmgr-accounts-create"));
    await h.settle();
    const rows = h.published("alice.test");
    await h.cpanel.runHook(JSON.stringify(payload("whostmgr-accounts-create")));
    writeFileSync(
      join(h.dataDir, "spool", "new", "1-1.cpanel.json"),
      `${JSON.stringify(payload("whostmgr-accounts-create"))}\0WEDOS_PANEL_END\0`,
    );
    await h.settle();
    expect(h.commands().filter((c) => c.command === "dns-domain-add")).toHaveLength(1);
    expect(h.published("alice.test")).toEqual(rows);
  });
});
