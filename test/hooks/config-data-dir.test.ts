import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/load.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { tempDir } from "../support/temp-dir.js";

const HOOKS = join(PACKAGE_ROOT, "hooks");

function programPath(name: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (found === "") throw new Error(`${name} is not installed: the hook tests need it (apt-get install ${name})`);
  return found;
}
/** The shells a server may run the hooks with as /bin/sh: dash (Debian, Ubuntu) and bash in POSIX mode (EL). */
const SHELLS = [[programPath("dash")], [programPath("bash"), "--posix"]] as const;

/**
 * A layout of the configuration file and what the hooks must make of it: `agree` — the data directory the daemon
 * reads; `unclear` — the hook says it cannot tell (the daemon refuses the file, or takes a value no hook should guess
 * at). Nothing else is allowed: never a data directory the daemon does not use.
 */
interface Layout {
  layout: string;
  text: string;
  hook: "agree" | "unclear";
}
const agree = (layout: string, text: string): Layout => ({ layout, text, hook: "agree" });
const unclear = (layout: string, text: string): Layout => ({ layout, text, hook: "unclear" });

const LAYOUTS: readonly Layout[] = [
  agree("one line, no final newline", '{"dataDir":"/srv/wp"}'),
  agree("pretty-printed", JSON.stringify({ wapi: { login: "a@b.test" }, dataDir: "/srv/p" }, null, 2)),
  agree("CRLF and tabs", '{\r\n\t"wapi": {"login": "a@b.test"},\r\n\t"dataDir":\t"/srv/crlf"\r\n}\r\n'),
  agree('"dataDir" : with spaces', '{ "dataDir" : "/srv/spaced" }\n'),
  agree("several keys on one line", '{"store": {"driver": "auto"}, "dataDir": "/srv/many", "panel": "directadmin"}'),
  agree("dataDir on the line of a nested object", '{"directadmin": {"root": "/usr/da"}, "dataDir": "/srv/after"}'),
  agree("a nested dataDir does not count", '{"dataDir": "/srv/top", "directadmin": {"dataDir": "/srv/nested"}}'),
  agree("a nested dataDir after the top one", '{\n"dataDir": "/srv/first",\n"x": [{"dataDir": "/srv/in-array"}]\n}'),
  agree("only a nested dataDir (the default applies)", '{"directadmin": {"dataDir": "/srv/nested"}}'),
  agree("no dataDir (the default applies)", '{"panel": "directadmin"}\n'),
  agree("dataDir inside another value's text", '{"note": "\\"dataDir\\": \\"/srv/evil\\"", "dataDir": "/srv/real"}'),
  agree("escaped slashes, quote and backslash", '{"dataDir": "\\/srv\\/q\\"uote\\\\back"}'),
  agree("unicode escapes (2 bytes, 3, a surrogate pair)", '{"dataDir": "/srv/\\u010d\\u20ac\\ud83d\\ude00\\u002fx"}'),
  agree("the key written with an escape", '{"data\\u0044ir": "/srv/escaped-key"}'),
  agree("UTF-8 as it is", '{"dataDir": "/srv/žluťoučký"}'),
  agree("the key twice: the last wins", '{"dataDir": "/srv/one", "dataDir": "/srv/two"}'),
  agree("other value types around it", '{"a": [], "b": {}, "c": null, "d": -1.5e+3, "e": true, "dataDir": "/srv/t"}'),
  agree("a % in the path", '{"dataDir": "/srv/100%s\\u0025d"}'),
  unclear("not valid JSON: cut short", '{"dataDir": "/srv/cut"'),
  unclear("not valid JSON: a trailing comma", '{"dataDir": "/srv/comma",}'),
  unclear("not valid JSON: text after the object", '{"dataDir": "/srv/a"} {"dataDir": "/srv/b"}'),
  unclear("not valid JSON: a raw tab in a string", '{"dataDir": "/srv/a\tb"}'),
  unclear("not valid JSON: a byte-order mark", '\ufeff{"dataDir": "/srv/bom"}'),
  unclear("an empty file", ""),
  unclear("an array, not an object", '["dataDir", "/srv/x"]'),
  unclear("dataDir a number", '{"dataDir": 12}'),
  unclear("dataDir an object", '{"dataDir": {"path": "/srv/x"}}'),
  unclear("dataDir empty", '{"dataDir": ""}'),
  unclear("dataDir relative (to whose directory?)", '{"dataDir": "srv/relative"}'),
  unclear("dataDir with an escaped newline", '{"dataDir": "/srv/a\\nb"}'),
  unclear("dataDir with a lone surrogate", '{"dataDir": "/srv/\\ud800x"}'),
];

/** What the daemon's reader makes of the file: its data directory, or that it refuses the file. */
function daemonDataDir(file: string): string | "refused" {
  try {
    return loadConfig({ WEDOS_PANEL_CONFIG: file, WEDOS_PANEL_INSTALL_CONF: join(file, "..", "no-install.conf") })
      .dataDir;
  } catch (error) {
    if (error instanceof ConfigError) return "refused";
    throw error;
  }
}

interface Probe {
  /** A script that finds the spool as a hook does and prints the data directory and why nothing may be written. */
  script: string;
  /** A PATH holding no program: the reader may use builtins only. */
  noPrograms: string;
}

function probeIn(dir: string): Probe {
  const noPrograms = join(dir, "no-programs");
  mkdirSync(noPrograms);
  const script = join(dir, "probe.sh");
  writeFileSync(
    script,
    `_wp_lib="${HOOKS}/spool-file.sh"\n. "$_wp_lib"\n_wp_find_spool /nonexistent/install.conf\nprintf '%s\\0%s' "$_wp_data_dir" "$_wp_untrusted"\n`,
  );
  return { script, noPrograms };
}

/** Runs the hooks' reader in `shell` with no program on PATH: its data directory, or why it cannot tell. */
function hookDataDir(shell: readonly string[], file: string, probe: Probe): { dataDir: string; untrusted: string } {
  const run = spawnSync(shell[0] as string, [...shell.slice(1), probe.script], {
    env: { PATH: probe.noPrograms, WEDOS_PANEL_CONFIG: file },
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  const [dataDir = "", untrusted = ""] = run.stdout.split("\0");
  return { dataDir, untrusted };
}

describe("hooks/spool-file.sh: the data directory from the configuration file", () => {
  it("is the daemon's for every valid layout, or the hook says it cannot tell, in dash and in bash as sh", () => {
    const dir = tempDir("wedos-panel-hook-config-");
    const probe = probeIn(dir);
    const seen: string[] = [];
    LAYOUTS.forEach(({ layout, text, hook }, index) => {
      const file = join(dir, `config-${index}.json`);
      writeFileSync(file, text, { mode: 0o600 });
      const daemon = daemonDataDir(file);
      for (const shell of SHELLS) {
        const found = hookDataDir(shell, file, probe);
        const row = `${layout} (${shell[0]})`;
        if (hook === "agree") {
          expect(daemon, row).not.toBe("refused");
          expect(found, row).toEqual({ dataDir: daemon, untrusted: "" });
        } else {
          expect(found.untrusted, row).toMatch(/^cannot tell the data directory from .*config-\d+\.json: \S/);
          expect(found.dataDir, row).toBe("/var/lib/wedos-panel");
        }
      }
      seen.push(layout);
    });
    expect(seen).toHaveLength(LAYOUTS.length);
  });

  it("queues into the daemon's data directory with a last line that has no newline (the hook, end to end)", () => {
    const dir = tempDir("wedos-panel-hook-config-");
    const data = join(dir, "wp");
    mkdirSync(join(data, "spool", "new"), { recursive: true });
    const config = join(dir, "c.json");
    writeFileSync(config, `{"panel": "directadmin",\n "dataDir": ${JSON.stringify(data)}}`);
    for (const shell of SHELLS) {
      const run = spawnSync(shell[0] as string, [...shell.slice(1), join(HOOKS, "domain_create_post.sh")], {
        env: { PATH: "/nonexistent", WEDOS_PANEL_CONFIG: config, username: "alice", domain: "a.test" },
        encoding: "utf8",
      });
      expect([run.status, run.stdout, run.stderr]).toEqual([0, "WEDOS DNS: queued\n", ""]);
    }
    expect(readdirSync(join(data, "spool", "new"))).toHaveLength(2);
    expect(daemonDataDir(config)).toBe(data);
  });

  it("queues nothing when it cannot tell, says why and what to do, and still exits 0", () => {
    const dir = tempDir("wedos-panel-hook-config-");
    const config = join(dir, "c.json");
    writeFileSync(config, '{"dataDir": "/srv/cut"');
    for (const shell of SHELLS) {
      const run = spawnSync(shell[0] as string, [...shell.slice(1), join(HOOKS, "domain_create_post.sh")], {
        env: { PATH: "/nonexistent", WEDOS_PANEL_CONFIG: config, username: "alice", domain: "a.test" },
        encoding: "utf8",
      });
      expect([run.status, run.stdout, run.stderr]).toEqual([
        0,
        `WEDOS DNS: not queued (cannot tell the data directory from ${config}: not valid JSON (it ends too early)); an admin should run: wedos-panel doctor\n`,
        "",
      ]);
    }
  });
});
