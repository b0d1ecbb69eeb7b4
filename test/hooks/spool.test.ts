import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { pendingEventFiles, readSpooledEvent } from "../../src/provisioning/spool.js";
import { tempDir } from "../support/temp-dir.js";

const HOOK = join(PACKAGE_ROOT, "hooks", "domain_create_post.sh");
const REAL_DATE = execFileSync("sh", ["-c", "command -v date"], { encoding: "utf8" }).trim();

/**
 * A machine for hooks/spool.sh: a data directory, and a `date` first on PATH that logs each call before doing what
 * the real one does — or, with `noNanoseconds`, what a date without %N does (prints the format's rest as it is).
 */
function machine(options: { noNanoseconds?: boolean } = {}) {
  const dir = tempDir("wedos-panel-spool-");
  const data = join(dir, "data");
  const log = join(dir, "date.log");
  writeFileSync(log, "");
  const shim = join(dir, "date");
  const run = options.noNanoseconds ? `case "$1" in *N*) echo "$(${REAL_DATE} +%s)%6N" ;; *) exec ${REAL_DATE} "$@" ;; esac` : `exec ${REAL_DATE} "$@"`;
  writeFileSync(shim, `#!/bin/sh\necho "date $*" >> '${log}'\n${run}\n`, { mode: 0o755 });
  /** Runs the hook as DirectAdmin would, with `shell` (bash: as installed; sh: a shell without EPOCHREALTIME). */
  const hook = (shell: "bash" | "sh", domain: string, env: Record<string, string> = {}) => {
    const result = spawnSync(shell, [HOOK], { env: { PATH: `${dir}:/usr/bin:/bin`, WEDOS_PANEL_DATA_DIR: data, username: "alice", domain, ...env }, encoding: "utf8" });
    expect(result.stdout).toBe("WEDOS DNS: queued\n");
    expect(result.status).toBe(0);
  };
  const files = () => pendingEventFiles(data);
  return { hook, files, data, dateCalls: () => readFileSync(log, "utf8").trim().split("\n").filter(Boolean) };
}

const prefix = (file: string) => /^(\d+)-\d+-domain_create_post\.env$/.exec(file)?.[1];

describe("hooks/spool.sh: spool file names", () => {
  it("start with the time in microseconds, 16 digits, from bash 5's clock without running date", () => {
    const m = machine();
    m.hook("bash", "a.test");
    expect(m.files()).toEqual([expect.stringMatching(/^\d{16}-\d+-domain_create_post\.env$/)]);
    expect(Math.abs(Number(prefix(m.files()[0] as string)) / 1000 - Date.now())).toBeLessThan(60_000);
    expect(m.dateCalls()).toEqual([]);
  });

  it("without EPOCHREALTIME (bash 4.4, sh) come from date in the same form, so events of both kinds are read in the order they happened", () => {
    const m = machine();
    const domains = ["1.test", "2.test", "3.test", "4.test", "5.test", "6.test"];
    domains.forEach((domain, index) => m.hook(index % 2 === 0 ? "bash" : "sh", domain));
    const files = m.files();
    expect(files.every((file) => /^\d{16}-/.test(file))).toBe(true);
    const times = files.map((file) => Number(prefix(file)));
    expect(times.every((time, index) => index === 0 || time > (times[index - 1] as number))).toBe(true);
    // pendingEventFiles is the order ingest reads them in.
    expect(files.map((file) => (readSpooledEvent(m.data, file) as { env: Record<string, string> }).env.domain)).toEqual(domains);
    expect(m.dateCalls()).toEqual(["date +%s%6N", "date +%s%6N", "date +%s%6N"]);
  });

  it("read bash 5's decimal point in any locale, and never trust a value that is not the time", () => {
    const m = machine();
    m.hook("sh", "comma.test", { EPOCHREALTIME: "1700000000,123456" });
    m.hook("sh", "point.test", { EPOCHREALTIME: "1700000001.000002" });
    m.hook("sh", "bogus.test", { EPOCHREALTIME: "12.34" });
    const names = m.files();
    expect(names.slice(0, 2).map(prefix)).toEqual(["1700000000123456", "1700000001000002"]);
    expect(names[2]).toMatch(/^\d{16}-/);
    expect(m.dateCalls()).toEqual(["date +%s%6N"]);
  });

  it("with a date that has no %N, keep the 16-digit form with whole seconds", () => {
    const m = machine({ noNanoseconds: true });
    m.hook("sh", "a.test");
    expect(m.files()).toEqual([expect.stringMatching(/^\d{10}000000-\d+-domain_create_post\.env$/)]);
    expect(m.dateCalls()).toEqual(["date +%s%6N", "date +%s"]);
  });
});
