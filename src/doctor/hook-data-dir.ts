import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import type { Config } from "../config/load.js";
import { INSTALL_RECORD_FILE } from "../config/install-record.js";
import { PACKAGE_ROOT } from "../package-info.js";
import type { CheckResult } from "./checks.js";

const CHECK = "hooks' data dir";

/**
 * Without an installation record (a development checkout, the demo) the hooks find the data directory themselves,
 * from WEDOS_PANEL_DATA_DIR or config.json (docs/decisions/0031). This runs their own reader (hooks/spool-file.sh)
 * with this environment and compares: a hook that spools where the daemon never reads loses every event.
 */
export function checkHookDataDir(
  config: Pick<Config, "dataDir">,
  env: Readonly<Record<string, string | undefined>>,
): CheckResult {
  const reader = join(PACKAGE_ROOT, "hooks", "spool-file.sh");
  const run = spawnSync(
    "/bin/sh",
    [
      "-c",
      '_wp_lib=$1 && . "$1" && _wp_find_spool "$2" && printf "%s\\0%s" "$_wp_data_dir" "$_wp_untrusted"',
      "sh",
      reader,
      INSTALL_RECORD_FILE,
    ],
    {
      env: {
        PATH: "/usr/bin:/bin",
        WEDOS_PANEL_CONFIG: env.WEDOS_PANEL_CONFIG,
        WEDOS_PANEL_DATA_DIR: env.WEDOS_PANEL_DATA_DIR,
      },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      timeout: 5000,
    },
  );
  if (run.status !== 0 || run.stderr !== "")
    return {
      check: CHECK,
      status: "warn",
      message: `the hooks' reader (${reader}) did not run (${run.error?.message ?? (run.stderr.trim() || `status ${run.status}`)}); check that /bin/sh works and the plugin's files are whole`,
    };
  const [hookDataDir = "", untrusted = ""] = run.stdout.split("\0");
  if (untrusted !== "")
    return {
      check: CHECK,
      status: "fail",
      message: `the hooks queue nothing: ${untrusted}; make the file valid JSON with "dataDir" an absolute path (or set WEDOS_PANEL_DATA_DIR for the hooks too)`,
    };
  if (resolve(hookDataDir) !== config.dataDir)
    return {
      check: CHECK,
      status: "fail",
      message: `the hooks queue events in ${hookDataDir}/spool/new, but the daemon reads ${config.dataDir}: give the hooks the same WEDOS_PANEL_DATA_DIR or WEDOS_PANEL_CONFIG as the daemon`,
    };
  return {
    check: CHECK,
    status: "ok",
    message: `the hooks queue events in ${hookDataDir}/spool/new, where the daemon reads them`,
  };
}
