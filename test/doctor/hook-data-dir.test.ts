import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { checkHookDataDir } from "../../src/doctor/hook-data-dir.js";
import { tempDir } from "../support/temp-dir.js";

/** The environment of a development checkout whose configuration file says `text`. */
function withConfig(text: string): Record<string, string> {
  const file = join(tempDir("wedos-panel-doctor-hooks-"), "config.json");
  writeFileSync(file, text);
  return { WEDOS_PANEL_CONFIG: file, WEDOS_PANEL_INSTALL_CONF: join(file, "..", "no-install.conf") };
}

describe("doctor: the hooks' data directory (no installation record)", () => {
  it("is ok when the hooks' own reader finds the daemon's data directory, whatever the layout", () => {
    const env = withConfig('{"directadmin": {"dataDir": "/srv/nested"},\r\n\t"data\\u0044ir" : "/srv/wp"}');
    expect(checkHookDataDir(loadConfig(env), env)).toEqual({
      check: "hooks' data dir",
      status: "ok",
      message: "the hooks queue events in /srv/wp/spool/new, where the daemon reads them",
    });
  });

  it("fails, naming why and the fix, when the hooks cannot tell where the daemon reads", () => {
    const env = withConfig('{"dataDir": "/srv/a\\nb"}');
    expect(checkHookDataDir(loadConfig(env), env)).toEqual({
      check: "hooks' data dir",
      status: "fail",
      message: `the hooks queue nothing: cannot tell the data directory from ${env.WEDOS_PANEL_CONFIG}: a control character (\\n); make the file valid JSON with "dataDir" an absolute path (or set WEDOS_PANEL_DATA_DIR for the hooks too)`,
    });
  });

  it("fails when the hooks would queue where the daemon does not read", () => {
    const env = withConfig('{"dataDir": "/srv/from-file"}');
    const config = { ...loadConfig(env), dataDir: "/srv/elsewhere" };
    expect(checkHookDataDir(config, env)).toMatchObject({
      status: "fail",
      message: expect.stringContaining(
        "the hooks queue events in /srv/from-file/spool/new, but the daemon reads /srv/elsewhere",
      ),
    });
  });
});
