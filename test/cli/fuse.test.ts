import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

// The rejected-request fuse seen from the command line: every `wedos-panel` run opens the database anew, as a
// restarted daemon or another process would. WEDOS's side is counted at the simulator itself.
const LOGIN = "fuse@example.test";
const PASSWORD = "the-right-one-42";
const MINUTE = 60_000;

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setup(options: { passwordInFile?: boolean; windowHours?: number } = {}) {
  const clock = new ManualClock("2026-03-10T13:55:00Z"); // 14:55 Prague: the hour ends in five minutes
  const invalidBlock = { threshold: 10, blockSecondsPerExcess: 60, windowSeconds: (options.windowHours ?? 1) * 3600 };
  sim = await startSimulator({ login: LOGIN, password: PASSWORD, clock, invalidBlock });
  const dir = tempDir();
  const configFile = join(dir, "config.json");
  const passwordFile = join(dir, "wapi-password");
  writeFileSync(
    configFile,
    JSON.stringify(options.passwordInFile === true ? { wapi: { url: sim.url, login: LOGIN, passwordFile } } : {}),
  );
  const base = { WEDOS_PANEL_CONFIG: configFile, WEDOS_PANEL_DATA_DIR: join(dir, "data") };
  const running = sim;
  return {
    clock,
    /** Runs wedos-panel with the password in the environment, or after writing it to the password file. */
    run: (args: string[], password: string) => {
      if (options.passwordInFile === true) writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
      const env =
        options.passwordInFile === true
          ? base
          : { ...base, WEDOS_WAPI_URL: running.url, WEDOS_WAPI_LOGIN: LOGIN, WEDOS_WAPI_PASSWORD: password };
      return runCliCaptured(args, env, clock);
    },
    /** What WEDOS (the simulator) has seen: requests, invalid ones, and whether it blocked us. */
    seen: () => {
      const dump = running.simulator.dump();
      const access = dump.access["127.0.0.1"];
      return {
        requests: dump.requestLog.length,
        invalid: access?.invalidCount ?? 0,
        blocked: access?.blockedUntil ?? null,
      };
    },
  };
}

describe("the rejected-request fuse from the command line", () => {
  it("lets five of twelve wrong passwords reach WEDOS, whatever wapi-resume says in between, and never gets the IP blocked", async () => {
    const { clock, run, seen } = await setup();
    const outcomes = [];
    for (let n = 1; n <= 12; n++) {
      outcomes.push(await run(["wapi", "ping"], `wrong-${n}`));
      if (n % 3 === 0) expect((await run(["wapi-resume"], `wrong-${n}`)).status).toBe(0);
      clock.advance(MINUTE);
    }
    expect(outcomes.map((o) => o.status)).toEqual(Array(12).fill(1));
    for (const rejected of outcomes.slice(0, 5))
      expect(rejected.stderr).toContain('WEDOS rejected the credentials (code 2050 "Authentication failure")');
    for (const refused of outcomes.slice(5)) {
      expect(refused.stderr).toContain(
        "WAPI ping not sent: requests to WEDOS are paused — 5 requests were rejected by WEDOS (or went unanswered) in the last hour, and wapi.rejectedFuse allows 5",
      );
      expect(refused.stderr).toContain(
        "sending resumes at 15:55 Prague time; Test connection has 3 tries left this hour",
      );
    }
    expect(seen()).toEqual({ requests: 5, invalid: 5, blocked: null });

    // The next clock hour has begun, but the rejected requests are not an hour old: still nothing by itself.
    expect((await run(["wapi", "ping"], PASSWORD)).status).toBe(1);
    const status = await run(["wapi-resume", "--status"], PASSWORD);
    expect(status.stdout).toContain("The rejected-request fuse holds: 5 requests were rejected by WEDOS");
    expect(status.stdout).toContain("Test connection has 3 tries left this hour.");

    const test = await run(["wapi-resume", "--test-connection"], PASSWORD);
    expect(test.status).toBe(0);
    expect(test.stdout).toContain(
      "Test connection: WEDOS accepted the login, the WAPI password and this server's IP address; the plugin resumes sending by itself at 15:55 Prague time",
    );
    expect(seen()).toEqual({ requests: 6, invalid: 5, blocked: null });

    clock.set("2026-03-10T14:55:00.001Z");
    expect((await run(["wapi", "ping"], PASSWORD)).status).toBe(0);
    expect(seen()).toEqual({ requests: 7, invalid: 4, blocked: null }); // the oldest is an hour old at WEDOS too
  });

  it("holds when the password file changes between runs, and caps explicit tests below WEDOS's block", async () => {
    const { clock, run, seen } = await setup({ passwordInFile: true });
    for (let n = 1; n <= 7; n++) {
      await run(["wapi", "ping"], `file-wrong-${n}`);
      clock.advance(MINUTE);
    }
    expect(seen()).toEqual({ requests: 5, invalid: 5, blocked: null });

    const tries = [];
    for (let n = 1; n <= 4; n++) tries.push(await run(["wapi-resume", "--test-connection"], `test-wrong-${n}`));
    expect(tries.map((t) => t.status)).toEqual([1, 1, 1, 1]);
    expect(tries[0]?.stdout).toContain("Test connection failed: WAPI ping: WEDOS rejected the credentials");
    expect(tries[0]?.stdout).toContain("Test connection has 2 tries left this hour");
    expect(tries[2]?.stdout).toContain("Test connection has no tries left until 15:55 Prague time");
    expect(tries[3]?.stdout).toContain(
      "WAPI ping not sent: requests to WEDOS are paused — 8 requests were rejected by WEDOS (or went unanswered) in the last hour, and one more could get this server's IP address blocked by WEDOS (it blocks after 10)",
    );
    expect(seen()).toEqual({ requests: 8, invalid: 8, blocked: null });

    // One try frees when the oldest rejection is an hour old; the right password then works.
    clock.set("2026-03-10T14:55:00.001Z");
    const right = await run(["wapi-resume", "--test-connection"], PASSWORD);
    expect(right.stdout).toContain("Test connection: WEDOS accepted the login");
    expect(seen()).toEqual({ requests: 9, invalid: 7, blocked: null }); // WEDOS forgot the oldest one too
  });

  it("doctor says so when WEDOS counts invalid requests over more than an hour, and what to do", async () => {
    const { clock, run, seen } = await setup({ windowHours: 3 });
    let n = 0;
    for (const batch of [5, 5, 2]) {
      if (n > 0) clock.advance(61 * MINUTE); // each hour the plugin's fuse starts afresh
      for (let i = 0; i < batch; i++) await run(["wapi", "ping"], `wrong-${++n}`);
    }
    expect(seen()).toMatchObject({ requests: 12, invalid: 12 });
    expect(seen().blocked).not.toBeNull(); // the 11th within WEDOS's three hours blocked the address; the 12th got 2052
    const doctor = await run(["doctor"], PASSWORD);
    expect(doctor.stdout).toContain(
      "WEDOS blocked this server's IP address although the plugin sent only 2 rejected request(s) in the last hour, so WEDOS counts over a longer window",
    );
    expect(doctor.stdout).toContain("set wapi.rejectedFuse lower (for example 2)");
  });

  it("doctor and status say how many tries remain", async () => {
    const { run } = await setup();
    await run(["wapi", "ping"], "wrong-1");
    await run(["wapi", "ping"], "wrong-2");
    expect((await run(["status"], PASSWORD)).stdout).toContain(
      "2 of the 5 rejected requests the fuse allows were used in the last hour; Test connection has 6 tries left this hour.",
    );
    const doctor = await run(["doctor"], PASSWORD);
    expect(doctor.stdout).toMatch(
      /rejected requests +WEDOS rejected 2 request\(s\) in the last hour; the plugin stops sending by itself at 5/,
    );
  });
});
