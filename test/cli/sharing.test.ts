import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { invite, markStep, requestLink } from "../../src/provisioning/sharing.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { InventoryStore, type DomainRow } from "../../src/store/inventory-store.js";
import { NotificationStore } from "../../src/store/notification-store.js";
import { ServiceRequestStore } from "../../src/store/service-request-store.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-12-05T10:00:00Z");

/** A server whose bob.test has a zone sharing request with its first step done, and a linked protection one. */
function server(): Record<string, string> {
  const dataDir = tempDir();
  const db = openDatabase(databaseFileIn(dataDir));
  const inventory = new InventoryStore(db);
  inventory.upsertAccount({ username: "bob", creator: "res" }, 0);
  inventory.upsertDomain({ domain: "bob.test", username: "bob", kind: "domain" }, 0);
  const deps = { db, requests: new ServiceRequestStore(db), notices: new NotificationStore(db), inventory, clock };
  const row = inventory.domain("bob.test") as DomainRow;
  const account = { customerId: "123456", email: "bob@example.cz" };
  const customer = { name: "user bob", role: "customer" } as const;
  const admin = { name: "admin admin", role: "operator" } as const;
  const protection = requestLink(deps, row, { service: "protection", account }, customer);
  markStep(deps, protection, "protection-member-added", admin);
  const zone = requestLink(deps, row, { service: "zone", account }, customer);
  markStep(deps, zone, "zone-user-added", admin);
  inventory.upsertAccount({ username: "ann", creator: "res" }, 0);
  inventory.upsertDomain({ domain: "ann.test", username: "ann", kind: "domain" }, 0);
  invite(deps, inventory.domain("ann.test") as DomainRow, "zone", admin);
  db.close();
  return { WEDOS_PANEL_DATA_DIR: dataDir };
}

describe("wedos-panel sharing", () => {
  it("lists the requests waiting, every one with --all, and shows one with its steps and history", async () => {
    const env = server();
    const run = (...args: string[]) => runCliCaptured(["sharing", ...args], env, clock);
    // ann.test's invitation (made now) waits; it expires after seven days.
    expect((await run("list")).stdout).toContain("3  link  ann.test  zone  invited  no WEDOS account yet  steps 0/2");
    clock.advance(7 * 86_400_000);
    const opened = "opened 2026-12-05 10:00 by user bob";
    expect(await run("list")).toEqual({
      status: 0,
      stdout: `2  link  bob.test  zone  in-progress  WEDOS 123456 <bob@example.cz>  steps 1/2  ${opened}\n`,
      stderr: "",
    });
    const columns = (await run("list", "--all")).stdout.split("\n").map((each) => each.split("  ").slice(0, 5));
    expect(columns).toEqual([
      ["3", "link", "ann.test", "zone", "expired"],
      ["2", "link", "bob.test", "zone", "in-progress"],
      ["1", "link", "bob.test", "protection", "linked"],
      [""],
    ]);
    expect((await run("show", "2")).stdout).toBe(
      `2  link  bob.test  zone  in-progress  WEDOS 123456 <bob@example.cz>  steps 1/2  ${opened}\n` +
        "  [x] zone-user-added\n" +
        "  [ ] zone-domains-assigned\n" +
        "  2026-12-05 10:00  user bob: - → requested\n" +
        "  2026-12-05 10:00  admin admin: requested → in-progress (zone-user-added)\n",
    );
    const json = JSON.parse((await run("show", "1", "--json")).stdout) as { request: { state: string } };
    expect(json.request.state).toBe("linked");
    expect(await run("show", "9")).toMatchObject({ status: 2 });
    expect((await run("show", "9")).stderr).toContain('there is no sharing request 9; "wedos-panel sharing list"');
  });
});
