import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EmulatedCpanel, cpanelFixtureTree } from "../../../src/emulators/cpanel/index.js";
import { CPANEL_DEFAULTS, cpanelLayout } from "../../../src/panel/cpanel/layout.js";
import { CpanelFileError, CpanelPanel } from "../../../src/panel/cpanel/reader.js";
import { tempDir } from "../../support/temp-dir.js";
import { payload } from "./support.js";

async function tree() {
  const root = tempDir("wedos-panel-cpanel-");
  const layout = cpanelFixtureTree(join(root, "tree"));
  const cpanel = new EmulatedCpanel({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: join(root, "data") } });
  return { layout, cpanel, panel: new CpanelPanel(layout) };
}

describe("CpanelPanel", () => {
  test("reads what cPanel wrote for each event: main domain first, addon and parked domains, package, IP, owner, suspension", async () => {
    const { cpanel, panel } = await tree();
    await cpanel.perform(payload("whostmgr-accounts-create", { ip: "192.0.2.44" }));
    await cpanel.perform(payload("cpanel-api2-addondomain-addaddondomain"));
    await cpanel.perform(payload("cpanel-api2-park-park"));
    await cpanel.perform(payload("cpanel-api2-subdomain-addsubdomain"));
    await cpanel.perform(
      payload("whostmgr-accounts-create", { user: "bob", domain: "bob.test", owner: "reseller1", plan: "gold" }),
    );
    await cpanel.perform(payload("whostmgr-accounts-suspendacct", { user: "bob" }));
    await cpanel.perform(payload("whostmgr-accounts-change-package"));

    expect(await panel.listAccounts()).toEqual([
      {
        username: "alice",
        package: "reseller1_Gold Plan",
        ips: ["192.0.2.44"],
        suspended: false,
        creator: "root",
        // The subdomains (blog.alice.test, alice-shop.alice.test) live in alice.test's zone: not domains of their own.
        domains: [
          { domain: "alice.test", kind: "domain" },
          { domain: "alice-shop.test", kind: "domain" },
          { domain: "alice-alias.test", kind: "domain" },
        ],
      },
      {
        username: "bob",
        package: "gold",
        ips: ["192.0.2.10"],
        suspended: true,
        creator: "reseller1",
        domains: [{ domain: "bob.test", kind: "domain" }],
      },
    ]);
    expect(await panel.account("nobody")).toBeUndefined();
    expect(await panel.account("../etc")).toBeUndefined();
  });

  test("ownerOf reads userdomains (subdomains included, the catch-all skipped); without it, the users files", async () => {
    const { layout, cpanel, panel } = await tree();
    await cpanel.perform(payload("whostmgr-accounts-create"));
    await cpanel.perform(payload("cpanel-api2-subdomain-addsubdomain"));
    expect(await panel.ownerOf("ALICE.test.")).toBe("alice");
    expect(await panel.ownerOf("blog.alice.test")).toBe("alice");
    expect(await panel.ownerOf("unknown.test")).toBeUndefined();
    expect(await panel.ownerOf("*")).toBeUndefined();
    rmSync(layout.userDomains);
    expect(await panel.ownerOf("alice.test")).toBe("alice");
    expect(await panel.ownerOf("blog.alice.test")).toBeUndefined();
  });

  test("a suspended account is one with a suspended/ file or SUSPENDED=1; unsuspending clears it", async () => {
    const { layout, cpanel, panel } = await tree();
    await cpanel.perform(payload("whostmgr-accounts-create"));
    await cpanel.perform(payload("whostmgr-accounts-suspendacct"));
    expect((await panel.account("alice"))?.suspended).toBe(true);
    await cpanel.perform(payload("whostmgr-accounts-unsuspendacct"));
    expect((await panel.account("alice"))?.suspended).toBe(false);
    writeFileSync(layout.userFile("alice"), "DNS=alice.test\nSUSPENDED=1\n");
    expect((await panel.account("alice"))?.suspended).toBe(true);
  });

  test("a users file that is not KEY=value, or names a bad domain, is an error naming the file and line", async () => {
    const { layout, panel } = await tree();
    writeFileSync(layout.userFile("carol"), "# cPanel\nDNS=carol.test\nthis line is wrong\n");
    await expect(panel.listAccounts()).rejects.toThrow(
      new CpanelFileError(layout.userFile("carol"), 3, 'expected key=value, found "this line is wrong"'),
    );
    writeFileSync(layout.userFile("carol"), "DNS=carol.test\nDNS1=not a domain\nPLAN=x\n");
    const error = await panel.account("carol").catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: "cpanel_file_invalid", file: layout.userFile("carol"), line: 2 });
    expect((error as Error).message).toBe(
      `${layout.userFile("carol")}:2: DNS1="not a domain" is not a domain name; fix or restore the file (cPanel's /usr/local/cpanel/scripts/updateuserdomains rebuilds userdomains)`,
    );
  });

  test("zoneFile gives the zone file's bytes, nothing for a missing one, and an error naming an unreadable one", async () => {
    const { layout, panel } = await tree();
    writeFileSync(join(layout.zoneDir, "alice.test.db"), "$TTL 300\n@ IN A 192.0.2.1\n");
    const zone = await panel.zoneFile("ALICE.test");
    expect([zone.path, Buffer.from(zone.content ?? []).toString()]).toEqual([
      join(layout.zoneDir, "alice.test.db"),
      "$TTL 300\n@ IN A 192.0.2.1\n",
    ]);
    expect(await panel.zoneFile("bob.test")).toEqual({ path: join(layout.zoneDir, "bob.test.db"), content: undefined });
    mkdirSync(join(layout.zoneDir, "odd.test.db"));
    await expect(panel.zoneFile("odd.test")).rejects.toMatchObject({
      code: "cpanel_file_unreadable",
      message: expect.stringContaining("EISDIR"),
    });
    await expect(panel.zoneFile("not a domain")).rejects.toThrow(
      '"not a domain" is not a domain name, so it has no zone file',
    );
  });

  test("accountAccess: root and WHM users with the all ACL are admins, other resellers resellers, accounts users", async () => {
    const { layout, cpanel, panel } = await tree();
    for (const user of ["alice", "resall", "ressome"])
      await cpanel.perform(payload("whostmgr-accounts-create", { user, domain: `${user}.test` }));
    cpanel.files.setResellerAcls("resall", ["list-accts", "all"]);
    cpanel.files.setResellerAcls("ressome", ["list-accts", "create-acct"]);
    cpanel.files.setResellerAcls("whmonly", []);
    expect(readFileSync(layout.resellers, "utf8")).toBe(
      "resall:list-accts,all\nressome:list-accts,create-acct\nwhmonly:\n",
    );
    const levels = Object.fromEntries(
      await Promise.all(
        ["root", "resall", "ressome", "whmonly", "alice", "nobody", "../etc"].map(
          async (user) => [user, (await panel.accountAccess(user))?.level] as const,
        ),
      ),
    );
    expect(levels).toEqual({
      root: "admin",
      resall: "admin",
      ressome: "reseller",
      whmonly: "reseller",
      alice: "user",
      nobody: undefined,
      "../etc": undefined,
    });
    writeFileSync(layout.resellers, "resall:all\nnot a line\n");
    await expect(panel.accountAccess("alice")).rejects.toThrow(
      new CpanelFileError(layout.resellers, 2, 'expected "user:acl,acl,…", found "not a line"'),
    );
    rmSync(layout.resellers);
    expect((await panel.accountAccess("resall"))?.level).toBe("user");
  });

  test("zoneFilePath is <zoneDir>/<domain>.db for the canonical name; the real-server defaults", async () => {
    const { layout, panel } = await tree();
    expect(panel.zoneFilePath("Alice.TEST.")).toBe(join(layout.zoneDir, "alice.test.db"));
    expect(() => panel.zoneFilePath("not a domain")).toThrow(
      '"not a domain" is not a domain name, so it has no zone file',
    );
    expect(CPANEL_DEFAULTS).toEqual({ varDir: "/var/cpanel", etcDir: "/etc", zoneDir: "/var/named" });
    const real = cpanelLayout();
    expect([
      real.userFile("alice"),
      real.suspendedFile("alice"),
      real.userDomains,
      real.resellers,
      real.zoneFile("alice.test"),
    ]).toEqual([
      "/var/cpanel/users/alice",
      "/var/cpanel/suspended/alice",
      "/etc/userdomains",
      "/var/cpanel/resellers",
      "/var/named/alice.test.db",
    ]);
    expect(() => real.userFile("../../etc/shadow")).toThrow('"../../etc/shadow" is not a valid cPanel user name');
  });
});
