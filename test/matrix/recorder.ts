import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A stand-in plugin directory for the emulated DirectAdmin: each hook and the user page only record the
 * environment DirectAdmin gave them (NUL-separated, in order). The matrix then runs the real scripts in the Debian
 * root with exactly that environment.
 */
export interface Recorder {
  pluginDir: string;
  /** Every run recorded so far: the script's path in the plugin (hooks/x.sh, user/index.html) and its environment. */
  runs(): Array<{ script: string; env: string[] }>;
}

export function recorder(dir: string, hooks: readonly string[]): Recorder {
  const runs = join(dir, "runs");
  mkdirSync(runs, { recursive: true });
  const script = (path: string, answer: string) => {
    mkdirSync(join(dir, "plugin", path, ".."), { recursive: true });
    const file = join(dir, "plugin", path);
    writeFileSync(
      file,
      `#!/bin/sh\nn=$(ls '${runs}' | wc -l)\n/usr/bin/env -0 > '${runs}'/$(printf %04d "$n")-$(printf %s '${path}' | tr / +)\nprintf '%s\\n' '${answer}'\n`,
    );
    chmodSync(file, 0o755);
  };
  for (const hook of hooks) script(`hooks/${hook}`, "WEDOS DNS: queued");
  script("user/index.html", "");
  return {
    pluginDir: join(dir, "plugin"),
    runs: () =>
      readdirSync(runs)
        .sort()
        .map((name) => ({
          script: name.slice(5).replace(/\+/g, "/"),
          env: readFileSync(join(runs, name), "utf8")
            .split("\0")
            .filter((entry) => entry !== ""),
        })),
  };
}
