import type { Clock } from "../../src/clock.js";
import { runCli } from "../../src/cli/main.js";

/** Runs `wedos-panel ...args` in-process and captures what it prints. */
export async function runCliCaptured(
  args: string[],
  env: Record<string, string | undefined>,
  clock: Clock,
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    clock,
  });
  return { status, stdout, stderr };
}
