import { readFileSync } from "node:fs";
import type { Config } from "../config/load.js";
import { serverPanel } from "../panel/adapters.js";
import { SessionEndpoint } from "../panel/directadmin/api-endpoint.js";
import { httpGet } from "../util/http-get.js";
import { CAGEFS_PATHS, cagefsVerdict, pageDirectories, type CagefsPaths } from "./cagefs.js";
import type { CheckResult } from "./checks.js";

/** The files the page checks read; tests point them elsewhere. */
export interface PageCheckPaths extends CagefsPaths {
  /** The kernel's switch that keeps anyone from hard-linking a file they cannot write. */
  protectedHardlinks: string;
}

export const PAGE_CHECK_PATHS: PageCheckPaths = {
  ...CAGEFS_PATHS,
  protectedHardlinks: "/proc/sys/fs/protected_hardlinks",
};

/**
 * What the plugin's pages need to tell who is asking (docs/decisions/0012-who-is-asking.md): how visitors are proven
 * (and, with DirectAdmin's session check on, whether DirectAdmin answers with a certificate that verifies), that the
 * kernel refuses hard links to others' files, and that CageFS lets account pages reach the daemon's socket and proof
 * directory. Sends no request to WEDOS.
 */
export async function checkPages(config: Config, paths: PageCheckPaths = PAGE_CHECK_PATHS): Promise<CheckResult[]> {
  const cagefs = cagefsVerdict(pageDirectories(config.daemon.listen, config.pages.proofDir), paths);
  return [await identityCheck(config), hardlinkCheck(paths.protectedHardlinks), { check: "CageFS", ...cagefs }];
}

async function identityCheck(config: Config): Promise<CheckResult> {
  const check = "page identity";
  const adapter = serverPanel(config.panel);
  const identity = adapter.pages.proof(config);
  if (identity === "uid") return { check, status: "ok", message: adapter.doctor.uidProof };
  if (identity === "session") {
    return {
      check,
      status: "warn",
      message:
        'every page depends on replaying the visitor\'s session to DirectAdmin, which fails for everyone when DirectAdmin checks session IPs; set directadmin.identity to "uid" (or "uid+session")',
    };
  }
  const endpoint = new SessionEndpoint(config.directadmin, 5_000);
  try {
    const { url, agent, description } = endpoint.current();
    await httpGet(`${url}/CMD_API_SHOW_USER_CONFIG`, { agent, signal: AbortSignal.timeout(5_000) });
    return {
      check,
      status: "ok",
      message: `the unix account, and DirectAdmin's word on the session, which answers at ${description}`,
    };
  } catch (error) {
    return {
      check,
      status: "fail",
      message: `the session check cannot reach DirectAdmin (${(error as Error).message}), so every page is refused; fix directadmin.sessionCheck (address, trust, certificateFile or caFile), or set directadmin.identity to "uid"`,
    };
  } finally {
    await endpoint.close();
  }
}

function hardlinkCheck(file: string): CheckResult {
  const check = "hard links";
  let value: string;
  try {
    value = readFileSync(file, "utf8").trim();
  } catch {
    return { check, status: "skipped", message: `${file} cannot be read` };
  }
  if (value !== "0")
    return { check, status: "ok", message: "nobody may hard-link a file they cannot write (fs.protected_hardlinks)" };
  return {
    check,
    status: "warn",
    message:
      "fs.protected_hardlinks is 0, so accounts may hard-link each other's files (page proofs refuse them, but nothing else on the server does); run sysctl -w fs.protected_hardlinks=1 and set it in /etc/sysctl.d/",
  };
}
