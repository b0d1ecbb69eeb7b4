import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCreatorLevels } from "../../src/doctor/creator-level-check.js";
import { CreatorLevelStore } from "../../src/store/creator-level-store.js";
import { openDatabase } from "../../src/store/database.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { tempDir } from "../support/temp-dir.js";

describe("wedos-panel doctor: creator levels", () => {
  it("warns while a live account's creator has no level from the panel, naming it, and is ok once it has", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    const inventory = new InventoryStore(db);
    inventory.upsertAccount({ username: "ann", creator: "admin" }, 0);
    inventory.upsertAccount({ username: "bob", creator: "res1" }, 0);
    inventory.upsertAccount({ username: "gone", creator: "old" }, 0);
    inventory.markAccountDeleted("gone", 1);
    new CreatorLevelStore(db).remember("res1", "reseller", 1);
    const warning = checkCreatorLevels(db);
    expect(warning).toMatchObject({ check: "creator levels", status: "warn" });
    expect(warning.message).toContain("of 1 account creator(s) is not known yet (admin)");
    new CreatorLevelStore(db).remember("admin", "admin", 2);
    expect(checkCreatorLevels(db).status).toBe("ok");
  });
});
