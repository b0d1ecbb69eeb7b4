import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-07-01T10:00:00Z");
const envFor = () => ({ WEDOS_PANEL_DATA_DIR: tempDir() });

describe("wedos-panel policy", () => {
  it("starts from the default and changes only what is given", async () => {
    const env = { WEDOS_PANEL_DATA_DIR: tempDir() };
    expect((await runCliCaptured(["policy", "show", "gold"], env, clock)).stdout).toBe(
      '*: DNS primary, no protection, on suspend keep, delete at WEDOS 7 day(s) after deletion (package "gold" has no policy of its own)\n',
    );
    const set = await runCliCaptured(
      ["policy", "set", "gold", "--protection", "advanced", "--protection-period", "yearly", "--grace-days", "30"],
      env,
      clock,
    );
    expect(set.stdout).toBe(
      "gold: DNS primary, protection advanced (yearly, ns mode), on suspend keep, delete at WEDOS 30 day(s) after deletion\n",
    );
    const listed = JSON.parse((await runCliCaptured(["policy", "list", "--json"], env, clock)).stdout) as Array<{
      package: string;
    }>;
    expect(listed.map((policy) => policy.package)).toEqual(["*", "gold"]);
    const choice = await runCliCaptured(["policy", "set", "gold", "--protection-choice", "opt-in"], env, clock);
    expect(choice.stdout).toBe(
      "gold: DNS primary, protection advanced (yearly, ns mode, opt-in by the customer), on suspend keep, delete at WEDOS 30 day(s) after deletion\n",
    );
    expect((await runCliCaptured(["policy", "remove", "gold"], env, clock)).stdout).toBe(
      'Removed the policy of "gold"; it now uses the default.\n',
    );
  });

  it("refuses a bad value naming the flag and the allowed values", async () => {
    const result = await runCliCaptured(
      ["policy", "set", "gold", "--protection", "platinum"],
      { WEDOS_PANEL_DATA_DIR: tempDir() },
      clock,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'wedos-panel policy: --protection: Invalid option: expected one of "off"|"start"|"advanced"|"expert"; see "wedos-panel policy --help"\n',
    );
  });

  it("explains every setting in --help", async () => {
    const help = (await runCliCaptured(["policy", "--help"], envFor(), clock)).stdout;
    for (const flag of [
      "--dns-mode",
      "--protection",
      "--protection-period",
      "--protection-mode",
      "--protection-choice",
      "--on-suspend",
      "--termination",
      "--grace-days",
    ])
      expect(help).toContain(flag);
  });
});
