import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../../errors.js";

/**
 * Running the plugin's real hook scripts the way DirectAdmin does (docs/reference/directadmin.md#where-hooks-live,
 * #how-hooks-run): each `<plugin>/hooks/<name>.sh` that exists is executed as its own process, as root would run it,
 * with the event in the environment and nothing else — no PATH, HOME or the test runner's variables, since
 * DirectAdmin documents none (bash then uses its built-in default PATH). Output is stdout and stderr interleaved,
 * because DirectAdmin pipes stderr into stdout. A missing script is skipped, as DirectAdmin skips plugins without
 * that hook.
 */

/**
 * The DirectAdmin hooks the emulator runs, by DirectAdmin's names (docs/reference/directadmin.md#hook-catalogue):
 * the panel's vocabulary, kept here rather than taken from the plugin's parser, so the emulator names its hooks as
 * DirectAdmin does whatever the plugin believes.
 */
export const EMULATED_HOOKS = [
  "user_create_post",
  "user_destroy_post",
  "user_suspend_post",
  "user_activate_post",
  "domain_create_post",
  "domain_change_post",
  "domain_destroy_post",
  "domain_pointer_create_post",
  "domain_pointer_destroy_post",
  "dns_create_post",
  "dns_delete_post",
  "dns_write_post",
  "dns_raw_save_post",
] as const;
export type DirectAdminHook = (typeof EMULATED_HOOKS)[number];

/** One hook DirectAdmin is about to run: its name and the variables it passes. */
export interface HookCall {
  hook: DirectAdminHook;
  env: Record<string, string>;
}

/** What one hook did. `env` is what DirectAdmin passed (it includes `passwd` for user_create_post). */
export interface HookRun extends HookCall {
  /** stdout and stderr in the order they were written. */
  output: string;
  /** The exit code; null if a signal ended the process. */
  exitCode: number | null;
}

/** Where and with what the hooks run. */
export interface HookRunner {
  pluginDir: string;
  /** Added to every hook's environment (WEDOS_PANEL_DATA_DIR in tests); DirectAdmin's variables win. */
  extraEnv: Readonly<Record<string, string>>;
  /** The working directory; DirectAdmin runs from its own directory. */
  cwd: string;
}

/** Runs the calls one after another, in order, as DirectAdmin runs hooks inline in the request. */
export async function runHooks(runner: HookRunner, calls: readonly HookCall[]): Promise<HookRun[]> {
  const runs: HookRun[] = [];
  for (const call of calls) {
    const run = await runHook(runner, call);
    if (run !== undefined) runs.push(run);
  }
  return runs;
}

/** Runs one hook script; undefined when the plugin does not ship it. */
export function runHook(runner: HookRunner, call: HookCall): Promise<HookRun | undefined> {
  const script = join(runner.pluginDir, "hooks", `${call.hook}.sh`);
  if (!existsSync(script)) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const child = spawn(script, [], {
      cwd: runner.cwd,
      env: { ...runner.extraEnv, ...call.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", (error) => {
      const hint =
        "the hook must be executable with a shebang, and the working directory (the DirectAdmin root) must exist";
      reject(
        new AppError("directadmin_hook_failed", `cannot run ${script} in ${runner.cwd}: ${error.message} (${hint})`, {
          cause: error,
        }),
      );
    });
    child.on("close", (exitCode) => {
      resolve({ ...call, output: Buffer.concat(chunks).toString("utf8"), exitCode });
    });
  });
}
