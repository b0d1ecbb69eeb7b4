import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { checkPanelMessages } from "../../src/doctor/panel-messages.js";
import { fixtureTree } from "../../src/emulators/directadmin/index.js";
import { tempDir } from "../support/temp-dir.js";

function config(settings: Record<string, unknown>) {
  const dir = tempDir();
  const file = join(dir, "config.json");
  writeFileSync(file, JSON.stringify({ dataDir: join(dir, "data"), ...settings }));
  return loadConfig({ WEDOS_PANEL_CONFIG: file });
}

describe("doctor: whether notices also reach the panel's own messages", () => {
  it("is fine where DirectAdmin's task queue may be written", () => {
    const layout = fixtureTree(join(tempDir(), "da"));
    const result = checkPanelMessages(config({ panel: "directadmin", directadmin: { root: layout.root } }));
    expect(result).toEqual({
      check: "panel messages",
      status: "ok",
      message: `notices are also delivered to DirectAdmin's Message System through ${layout.taskQueue}`,
    });
  });

  it("warns, naming the path and the choice, where it may not", () => {
    const root = join(tempDir(), "no-such-directadmin");
    const result = checkPanelMessages(config({ panel: "directadmin", directadmin: { root } }));
    expect(result.status).toBe("warn");
    expect(result.message).toContain("notices reach people only on the plugin's Notices page");
    expect(result.message).toContain(`${root}/data is not writable by this account (ENOENT`);
    expect(result.message).toContain(`let the service account append to ${root}/data/task.queue`);
  });

  it("says cPanel has no message system and nothing is to be done", () => {
    const result = checkPanelMessages(config({ panel: "cpanel" }));
    expect(result.status).toBe("warn");
    expect(result.message).toContain("not cPanel's own messages (cPanel & WHM have no message inbox");
    expect(result.message).toContain("nothing to do: the Notices page is the only channel here");
  });
});
