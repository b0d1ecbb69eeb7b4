import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { PANEL_KINDS } from "../../src/model/panel-kind.js";
import { panelAdapter, panelAdapters } from "../../src/panel/adapters.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";

// The registry's completeness is the compiler's (Record<PanelKind, PanelAdapter>); these are the facts it cannot see.
describe("the panel adapters", () => {
  test("each answers for its own kind, and the spool tells their hook files apart", () => {
    expect(panelAdapters().map((adapter) => adapter.kind)).toEqual([...PANEL_KINDS]);
    for (const kind of PANEL_KINDS) expect(panelAdapter(kind).kind).toBe(kind);
    const suffixes = panelAdapters().map((adapter) => adapter.hooks.spoolSuffix);
    for (const suffix of suffixes) {
      expect(
        suffixes.filter((other) => other.endsWith(suffix) || suffix.endsWith(other)),
        suffix,
      ).toEqual([suffix]);
    }
  });

  test("each names a package builder that build/package.mjs runs and an installer that exist in the repository", () => {
    const build = readFileSync(join(PACKAGE_ROOT, "build", "package.mjs"), "utf8");
    for (const adapter of panelAdapters()) {
      expect(existsSync(join(PACKAGE_ROOT, adapter.packaging.builder)), adapter.packaging.builder).toBe(true);
      expect(existsSync(join(PACKAGE_ROOT, adapter.packaging.installer)), adapter.packaging.installer).toBe(true);
      expect(build, adapter.kind).toContain(`from "./${adapter.packaging.builder.replace(/^build\//, "")}"`);
    }
  });

  test("reads its own hook files and says which hook a file came from", () => {
    const directadmin = panelAdapter("directadmin").hooks;
    const spooled = directadmin.read(Buffer.from("WEDOS_PANEL_HOOK=user_suspend_post\0username=alice\0"));
    expect(spooled.hook).toBe("user_suspend_post");
    expect(spooled.events()).toEqual([{ kind: "user-suspended", username: "alice" }]);
    expect(directadmin.hookOfFileName("0000000000000001-42-user_suspend_post.env")).toBe("user_suspend_post");
    const cpanel = panelAdapter("cpanel").hooks;
    expect(() => cpanel.read(Buffer.from("{not json"))).toThrow(/cPanel hook: the payload is not JSON/);
    const context = { category: "Whostmgr", event: "Accounts::suspendacct", stage: "post" };
    const payload = { context, data: { user: "alice" } };
    const read = cpanel.read(Buffer.from(JSON.stringify(payload)));
    expect(read.hook).toBe("Whostmgr::Accounts::suspendacct");
    expect(read.events()).toEqual([{ kind: "user-suspended", username: "alice" }]);
  });
});
