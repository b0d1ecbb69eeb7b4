import { readFileSync, statSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseZoneFile } from "../../../src/dns/index.js";
import { fixtureTree, seedAccounts } from "../../../src/emulators/directadmin/index.js";
import { tempDir } from "../../support/temp-dir.js";
import { ALICE, startEmulator } from "./support.js";

const mode = (path: string) => statSync(path).mode & 0o777;

describe("the DirectAdmin fixture tree", () => {
  test("fixtureTree lays out the directories with DirectAdmin's modes and an empty domainowners", () => {
    const dir = tempDir();
    const layout = fixtureTree(dir);
    expect(layout.root).toBe(`${dir}/usr/local/directadmin`);
    expect([mode(layout.usersDir), mode(layout.virtualDir), mode(layout.zoneDir), mode(layout.domainOwners)]).toEqual([
      0o711, 0o755, 0o750, 0o640,
    ]);
    expect(readFileSync(layout.domainOwners, "utf8")).toBe("");
  });

  test("account files are private (0600), account directories traversable (0711), zones 0640", async () => {
    const { da, layout } = startEmulator();
    await da.createUser(ALICE);
    await da.createPointer("alice", "alice.test", "alias.test");
    expect([mode(layout.userDir("alice")), mode(layout.domainsDir("alice"))]).toEqual([0o711, 0o711]);
    for (const file of [
      layout.userConf("alice"),
      layout.domainsList("alice"),
      layout.domainConf("alice", "alice.test"),
      layout.domainIpList("alice", "alice.test"),
      layout.domainPointers("alice", "alice.test"),
    ]) {
      expect([file, mode(file)]).toEqual([file, 0o600]);
    }
    expect(readFileSync(layout.domainIpList("alice", "alice.test"), "utf8")).toBe("192.0.2.10\n");
    expect(mode(layout.zoneFile("alias.test"))).toBe(0o640);
  });

  test("seedAccounts writes zone files the zone reader accepts, and can leave them out", () => {
    const layout = fixtureTree(tempDir());
    seedAccounts(layout, 2, { pointersPerDomain: 1, now: Date.parse("2026-03-10T00:00:00Z") });
    const zone = parseZoneFile(readFileSync(layout.zoneFile("acct00001-p1.test")), { origin: "acct00001-p1.test" });
    const soa = zone.records.find((record) => record.type === "SOA");
    expect(soa?.type === "SOA" && soa.data.serial).toBe(2026031001);
    expect(zone.records.filter((record) => record.type === "MX").map((record) => record.data)).toEqual([
      { preference: 10, exchange: "mail.acct00001-p1.test" },
    ]);
    expect(readFileSync(layout.domainOwners, "utf8")).toBe(
      "acct00001.test: user00001\nacct00001-p1.test: user00001\nacct00002.test: user00002\nacct00002-p1.test: user00002\n",
    );

    const bare = fixtureTree(tempDir());
    seedAccounts(bare, 1, { zones: false });
    expect(() => statSync(bare.zoneFile("acct00001.test"))).toThrow(/ENOENT/);
  });
});
