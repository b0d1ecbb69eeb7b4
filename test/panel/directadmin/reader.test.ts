import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixtureTree, seedAccounts } from "../../../src/emulators/directadmin/index.js";
import {
  DIRECTADMIN_DEFAULTS,
  directAdminLayout,
  type DirectAdminLayout,
} from "../../../src/panel/directadmin/layout.js";
import { DirectAdminFileError, DirectAdminPanel } from "../../../src/panel/directadmin/reader.js";
import { tempDir } from "../../support/temp-dir.js";

function tree(): { layout: DirectAdminLayout; panel: DirectAdminPanel } {
  const layout = fixtureTree(tempDir("wedos-panel-da-"));
  return { layout, panel: new DirectAdminPanel(layout) };
}

/** Writes a file of an account directly, creating the account's directories. */
function put(layout: DirectAdminLayout, username: string, file: string, content: string): string {
  mkdirSync(layout.domainsDir(username), { recursive: true });
  const path = join(layout.userDir(username), file);
  writeFileSync(path, content);
  return path;
}

describe("DirectAdminPanel", () => {
  test("reads seeded accounts: package, IP, suspension, creator, domains followed by their pointers", async () => {
    const { layout, panel } = tree();
    const seeded = seedAccounts(layout, 3, { domainsPerAccount: 2, pointersPerDomain: 1, suspendEvery: 2 });
    const accounts = await panel.listAccounts();
    expect(accounts).toEqual(seeded);
    expect(accounts[1]).toEqual({
      username: "user00002",
      package: "gold",
      ips: ["192.0.2.4"],
      suspended: true,
      creator: "admin",
      domains: [
        { domain: "acct00002.test", kind: "domain" },
        { domain: "acct00002-p1.test", kind: "pointer", target: "acct00002.test" },
        { domain: "acct00002-2.test", kind: "domain" },
        { domain: "acct00002-2-p1.test", kind: "pointer", target: "acct00002-2.test" },
      ],
    });
    expect(await panel.account("user00003")).toEqual(seeded[2]);
    expect(await panel.account("nobody")).toBeUndefined();
  });

  test("ownerOf reads domainowners for domains and pointers, in any case, with or without the trailing dot", async () => {
    const { layout, panel } = tree();
    seedAccounts(layout, 2, { pointersPerDomain: 1 });
    expect(await panel.ownerOf("acct00002.test")).toBe("user00002");
    expect(await panel.ownerOf("ACCT00001-P1.test.")).toBe("user00001");
    expect(await panel.ownerOf("unknown.test")).toBeUndefined();
    expect(await panel.ownerOf("not a domain")).toBeUndefined();
    // Without domainowners the accounts themselves say who owns what.
    rmSync(layout.domainOwners);
    expect(await panel.ownerOf("acct00001-p1.test")).toBe("user00001");
    expect(await panel.ownerOf("unknown.test")).toBeUndefined();
  });

  test("zoneFile gives the zone file's bytes as they are, nothing for a missing one, and an error naming an unreadable one", async () => {
    const { layout, panel } = tree();
    const bytes = Buffer.from('$TTL 300\n@ IN TXT "caf\xe9"\n', "latin1"); // Latin-1, not UTF-8: passed on untouched
    writeFileSync(join(layout.zoneDir, "example.test.db"), bytes);
    const zone = await panel.zoneFile("Example.TEST.");
    expect([zone.path, Buffer.from(zone.content ?? []).equals(bytes)]).toEqual([
      join(layout.zoneDir, "example.test.db"),
      true,
    ]);
    expect(await panel.zoneFile("missing.test")).toEqual({
      path: join(layout.zoneDir, "missing.test.db"),
      content: undefined,
    });
    mkdirSync(join(layout.zoneDir, "odd.test.db"));
    await expect(panel.zoneFile("odd.test")).rejects.toMatchObject({
      code: "directadmin_file_unreadable",
      message: expect.stringContaining(`cannot read ${join(layout.zoneDir, "odd.test.db")}: EISDIR`),
    });
    await expect(panel.zoneFile("../etc/passwd")).rejects.toThrow(
      '"../etc/passwd" is not a domain name, so it has no zone file',
    );
  });

  test("zoneFilePath is <zoneDir>/<domain>.db for the canonical name; the real-server defaults", () => {
    const { layout, panel } = tree();
    expect(panel.zoneFilePath("Example.TEST.")).toBe(join(layout.zoneDir, "example.test.db"));
    expect(() => panel.zoneFilePath("../etc/passwd")).toThrow(
      '"../etc/passwd" is not a domain name, so it has no zone file',
    );
    const real = directAdminLayout();
    expect(DIRECTADMIN_DEFAULTS).toEqual({
      root: "/usr/local/directadmin",
      zoneDir: "/var/named",
      virtualDir: "/etc/virtual",
    });
    expect(real.userConf("bob")).toBe("/usr/local/directadmin/data/users/bob/user.conf");
    expect(real.domainPointers("bob", "bob.test")).toBe(
      "/usr/local/directadmin/data/users/bob/domains/bob.test.pointers",
    );
    expect(real.domainOwners).toBe("/etc/virtual/domainowners");
    expect(real.zoneFile("bob.test")).toBe("/var/named/bob.test.db");
    expect(() => real.userConf("../root")).toThrow('"../root" is not a valid DirectAdmin user name');
    expect(() => real.zoneFile("a/b.test")).toThrow('"a/b.test" is not a valid DirectAdmin domain');
  });

  test("tolerates what may be missing: no users directory, no domains.list, no pointers, stray directories", async () => {
    const empty = new DirectAdminPanel(
      directAdminLayout({ root: join(tempDir(), "absent"), zoneDir: "/nonexistent", virtualDir: "/nonexistent" }),
    );
    expect(await empty.listAccounts()).toEqual([]);
    expect(await empty.ownerOf("a.test")).toBeUndefined();

    const { layout, panel } = tree();
    put(layout, "bare", "user.conf", "username=bare\npackage=\nip=\n");
    mkdirSync(join(layout.usersDir, "noconf"));
    mkdirSync(join(layout.usersDir, ".trash"));
    writeFileSync(join(layout.usersDir, "notes.txt"), "not an account");
    expect(await panel.listAccounts()).toEqual([
      { username: "bare", package: undefined, ips: [], suspended: false, creator: undefined, domains: [] },
    ]);
    expect(await panel.account("noconf")).toBeUndefined();
  });

  test("ips: ip= and the addresses in ips=, once each; anything else there is not an address", async () => {
    const { layout, panel } = tree();
    put(layout, "multi", "user.conf", "# comment\r\nip=192.0.2.7\r\nips=192.0.2.7, 2001:db8::7 3\r\nsuspended=no\n\n");
    expect((await panel.account("multi"))?.ips).toEqual(["192.0.2.7", "2001:db8::7"]);
  });

  test.each([
    [
      "user.conf",
      "username=x\nthis line has no equals sign\n",
      2,
      'expected key=value, found "this line has no equals sign"',
    ],
    ["user.conf", "=value\n", 1, 'expected key=value, found "=value"'],
    ["domains.list", "good.test\nbad domain\n", 2, '"bad domain" is not a domain name'],
    [
      "domains/good.test.pointers",
      "ok.test=type=alias\n-bad-=type=alias\n",
      2,
      '"-bad-=type=alias" is not a domain name',
    ],
  ])("a malformed %s is an error naming the file and line", async (file, content, line, problem) => {
    const { layout, panel } = tree();
    put(layout, "x", "user.conf", "username=x\n");
    put(layout, "x", "domains.list", "good.test\n");
    const path = put(layout, "x", file, content);
    const error = await panel.listAccounts().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DirectAdminFileError);
    expect(error).toMatchObject({ file: path, line, code: "directadmin_file_invalid" });
    expect((error as Error).message).toBe(
      `${path}:${line}: ${problem}; fix or restore the file (DirectAdmin's own tools rewrite it)`,
    );
  });

  test("accountAccess: the level and language of user.conf; no user.conf or an impossible name is no account", async () => {
    const { layout, panel } = tree();
    put(layout, "admin", "user.conf", "usertype=admin\nlanguage=cs\n");
    put(layout, "res1", "user.conf", "usertype=reseller\n");
    put(layout, "bob", "user.conf", "username=bob\nlanguage=\n");
    expect(await panel.accountAccess("admin")).toEqual({ level: "admin", language: "cs" });
    expect(await panel.accountAccess("res1")).toEqual({ level: "reseller", language: undefined });
    // Without a usertype the account is read at the lowest level.
    expect(await panel.accountAccess("bob")).toEqual({ level: "user", language: undefined });
    for (const name of ["root", "mysql", "../admin", ""]) expect(await panel.accountAccess(name), name).toBeUndefined();
    const path = put(layout, "odd", "user.conf", "username=odd\nusertype=superuser\n");
    await expect(panel.accountAccess("odd")).rejects.toThrow(
      `${path}:2: usertype="superuser" is not admin, reseller or user`,
    );
  });

  test("a malformed domainowners is an error naming the file and line", async () => {
    const { layout, panel } = tree();
    writeFileSync(layout.domainOwners, "a.test: alice\nb.test alice\n");
    await expect(panel.ownerOf("a.test")).rejects.toThrow(
      `${layout.domainOwners}:2: expected "domain: user", found "b.test alice"`,
    );
  });

  // Speed is measured by npm run bench; this checks the reader gets every one of 10,000 domains right.
  test("10,000 domains are all read back as seeded", { timeout: 60_000 }, async () => {
    const { layout, panel } = tree();
    const seeded = seedAccounts(layout, 5_000, { domainsPerAccount: 2 });
    const accounts = await panel.listAccounts();
    expect(await panel.ownerOf("acct04999-2.test")).toBe("user04999");
    expect(accounts.flatMap((account) => account.domains)).toHaveLength(10_000);
    expect(accounts).toEqual(seeded);
  });
});
