import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ManualClock } from "../../../src/clock.js";
import type { PanelEvent } from "../../../src/panel/events.js";
import { eventFromHookEnv } from "../../../src/panel/directadmin/hook-events.js";
import { DIRECTADMIN_HOOK_VARIABLES } from "../../../src/panel/directadmin/hook-variables.js";
import {
  EmulatedDirectAdmin,
  fixtureTree,
  type EmulatorOptions,
  type HookRun,
  type NewUser,
} from "../../../src/emulators/directadmin/index.js";
import type { DirectAdminLayout } from "../../../src/panel/directadmin/layout.js";
import { tempDir } from "../../support/temp-dir.js";

export interface EmulatorHarness {
  da: EmulatedDirectAdmin;
  layout: DirectAdminLayout;
  dataDir: string;
  clock: ManualClock;
}

/** A fresh tree and data directory, and an emulator running this repository's hooks into that data directory. */
export function startEmulator(options: Partial<EmulatorOptions> = {}): EmulatorHarness {
  const dir = tempDir("wedos-panel-da-");
  const layout = fixtureTree(dir);
  const dataDir = join(dir, "wedos-data");
  const clock = new ManualClock("2026-03-10T13:20:00Z");
  const da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: dataDir }, clock, ...options });
  return { da, layout, dataDir, clock };
}

export interface Spooled {
  hook: string;
  env: Record<string, string>;
}

/** The events the real hooks spooled (oldest first), removed so the next call sees only newer ones. */
export function drainSpool(dataDir: string): Spooled[] {
  const dir = join(dataDir, "spool", "new");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".env"))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const env: Record<string, string> = {};
      for (const entry of readFileSync(file, "utf8").split("\0")) {
        const equals = entry.indexOf("=");
        if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
      }
      rmSync(file);
      return { hook: env.WEDOS_PANEL_HOOK ?? "", env };
    });
}

/** The spooled events as the daemon will read them. */
export function eventsOf(spooled: readonly Spooled[]): PanelEvent[] {
  return spooled.map(({ hook, env }) => eventFromHookEnv(hook, env));
}

/** A spooled environment without the hook's name the hook script adds, to compare with what DirectAdmin passed. */
export function spooledVariables(spooled: Spooled): Record<string, string> {
  const { WEDOS_PANEL_HOOK: hook, ...env } = spooled.env;
  expectEqual(hook, spooled.hook);
  return env;
}

/** What the hooks record of what DirectAdmin passed: the variables the plugin reads, and no other. */
export function recordedOf(passed: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(passed).filter(([name]) => DIRECTADMIN_HOOK_VARIABLES.includes(name)));
}

function expectEqual(actual: unknown, expected: unknown): void {
  if (actual !== expected) throw new Error(`expected ${String(expected)}, got ${String(actual)}`);
}

/** Each hook that ran, and whether it queued its event. */
export function summary(runs: readonly HookRun[]): Array<[string, number | null, string]> {
  return runs.map((run) => [run.hook, run.exitCode, run.output]);
}

export const ALICE: NewUser = {
  username: "alice",
  domain: "alice.test",
  package: "gold",
  ip: "192.0.2.10",
  email: "alice@example.test",
  creator: "admin",
  password: "s3cret&pass=word",
};
