import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { claimDemo, releaseDemo, resetDemo } from "../../src/demo/lock.js";
import { demoPaths } from "../../src/demo/paths.js";
import { startDemoStack } from "../../src/demo/stack.js";
import { welcomeText } from "../../src/demo/welcome.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { JobStore } from "../../src/store/job-store.js";
import { WapiBudgetStore } from "../../src/store/wapi-budget-store.js";
import { createCustomer, PanelClient } from "../panel/directadmin/front/support.js";
import { runCliCaptured } from "../support/run-cli.js";
import { SkippableClock } from "../support/skippable-clock.js";
import { tempDir } from "../support/temp-dir.js";

const start = (root: string, clock: ManualClock) =>
  startDemoStack({
    paths: demoPaths(root),
    clock,
    ports: { front: 0, wapi: 0, dns: 0 },
    runDaemon: false,
    log: () => undefined,
  });

describe("the demo's stack", () => {
  it("seeds an admin and a reseller on the first start, configures the daemon with private files, and keeps everything across a restart", async () => {
    const root = tempDir("wedos-demo-");
    const clock = new ManualClock("2026-03-10T09:00:00Z");
    const first = await start(root, clock);
    const paths = first.paths;
    let logins;
    try {
      logins = first.logins;
      expect(logins.map((login) => `${login.username}:${login.usertype}`)).toEqual([
        "admin:admin",
        "reseller:reseller",
      ]);
      expect(logins.every((login) => login.password.length >= 12)).toBe(true);
      for (const file of [paths.config, paths.wapiPassword, paths.logins, paths.passwordHashes])
        expect(statSync(file).mode & 0o777, file).toBe(0o600);
      const config = JSON.parse(readFileSync(paths.config, "utf8")) as {
        wapi: { url: string; passwordFile: string };
        directadmin: { apiUrl: string };
        daemon: { listen: string };
        dns: { nameServers: string[]; delegationResolver: string };
      };
      expect(config.wapi.url).toBe(first.sim.url);
      expect(config.directadmin.apiUrl).toBe(first.front.url);
      expect(config.daemon.listen).toBe(paths.socket);
      expect(config.dns.nameServers).toEqual([`127.0.0.1:${first.dns.port}`]);
      // The demo's domains exist only at the simulator: the delegation check asks its DNS, not the system's.
      expect(config.dns.delegationResolver).toBe(`127.0.0.1:${first.dns.port}`);
      expect(readFileSync(paths.config, "utf8")).not.toContain("demo-pass-123");
      expect(first.services.tasks.policies.forPackage("business")).toMatchObject({
        package: "business",
        protection: "start",
        protectionMode: "cname",
      });
      const welcome = welcomeText(first, "http://localhost:2222", root);
      for (const login of logins)
        expect(welcome).toMatch(
          new RegExp(`${login.username} +password ${login.password.replace(/[-_]/g, "\\$&")} +\\(${login.usertype}\\)`),
        );
      expect(welcome).toContain("1. Open http://localhost:2222 and log in as admin.");
      expect(welcome).toContain("4. Plugins → WEDOS DNS: the zone turns active in a few seconds");
      expect(welcome).toContain("configuration   ./config.json");
      const admin = new PanelClient(first.front.url);
      expect((await admin.login("admin", logins[0]?.password ?? "")).status).toBe(303);
      expect((await admin.get("/CMD_ACCOUNT_USER")).text).toContain(
        '<option value="business">business</option><option value="default">default</option>',
      );
      await createCustomer(admin, { username: "bob", domain: "bob.test", password: "Bob-pass-123" });
      first.services.ingest();
      await first.services.worker.runUntilIdle(100);
    } finally {
      await first.close();
    }

    const second = await start(root, clock);
    try {
      expect(second.logins).toEqual(logins);
      expect((await new PanelClient(second.front.url).login("bob", "Bob-pass-123")).status).toBe(303);
      expect([...second.sim.simulator.publishedZones()].map((zone) => zone.name)).toEqual(["bob.test"]);
      expect(second.services.tasks.inventory.domain("bob.test")?.dnsStatus).toBe("active");
      // The first start's top-up, once: the credit pages have a movement to show, and a restart adds none.
      expect(second.sim.simulator.dump().credit).toMatchObject({
        amount: "25000.00",
        movements: [{ amount: "20000.00", description: "Bank transfer (demo)", order_num: "" }],
      });
    } finally {
      await second.close();
    }
  });
});

describe("the demo's logins", () => {
  it("are said to be kept in the logins file, on the console and on the panel's login page", async () => {
    const root = tempDir("wedos-demo-");
    const stack = await start(root, new ManualClock("2026-03-10T09:00:00Z"));
    try {
      expect(welcomeText(stack, "http://localhost:2222", root)).toContain(
        "(generated on the first start; kept in ./demo-logins.json)",
      );
      const loginPage = await (await fetch(`${stack.front.url}/`)).text();
      expect(loginPage).toContain(
        `<p class="muted login-note">The demo&#39;s logins were generated on its first start: npm start prints them each time, and they are kept in ${stack.paths.logins} (readable only by you).</p>`,
      );
      expect(JSON.parse(readFileSync(stack.paths.logins, "utf8"))).toEqual(stack.logins);
    } finally {
      await stack.close();
    }
  });
});

describe("the demo stopping", () => {
  it(
    "stops within 5 s while a job waits for the next hour's budget, and puts the job's work back in the queue",
    { timeout: 60_000 },
    async () => {
      // The daemon loop on real time (a skippable clock: nothing here skips), as `npm start` runs it.
      const clock = new SkippableClock();
      const stack = await startDemoStack({
        paths: demoPaths(tempDir("wedos-demo-")),
        clock,
        ports: { front: 0, wapi: 0, dns: 0 },
        runDaemon: true,
        reconcileCron: "0 0 1 1 *",
        log: () => undefined,
      });
      let closed = false;
      try {
        const budget = new WapiBudgetStore(stack.services.db);
        const hour = Math.floor(clock.now() / 3_600_000) * 3_600_000;
        for (const start of [hour, hour + 3_600_000]) while (budget.tryTake(start, 1000) !== undefined);
        const admin = new PanelClient(stack.front.url);
        await admin.login("admin", stack.logins[0]?.password ?? "");
        await createCustomer(admin, { username: "bob", domain: "bob.test" });
        const jobs = stack.services.queue;
        await vi.waitFor(() => expect(jobs.list({ states: ["running"], limit: 5 })).toHaveLength(1), {
          timeout: 20_000,
        });
        const held = jobs.list({ states: ["running"], limit: 5 })[0];
        const stopping = performance.now();
        await stack.close();
        closed = true;
        expect(performance.now() - stopping).toBeLessThan(5_000);
        const db = openDatabase(databaseFileIn(stack.paths.dataDir));
        // The job's work is queued again (merged into the same work a later hook queued, if any), its attempt given back.
        const after = new JobStore(db);
        expect(after.list({ states: ["running"], limit: 5 })).toEqual([]);
        expect(after.active(held?.jobKey ?? "")).toMatchObject({ state: "queued", attempts: 0 });
        db.close();
      } finally {
        if (!closed) await stack.close();
      }
    },
  );
});

describe("the demo's directory", () => {
  it("is claimed by one running demo; a reset is refused while it runs, and deletes it afterwards", async () => {
    const paths = demoPaths(join(tempDir("wedos-demo-"), "data"));
    mkdirSync(paths.root);
    writeFileSync(paths.marker, "demo\n");
    // Another live process (this test's parent) holds the directory.
    writeFileSync(paths.pid, `${process.ppid}\n`);
    expect(() => claimDemo(paths)).toThrow(`the demo is running (pid ${process.ppid})`);
    expect(() => resetDemo(paths)).toThrow("so it cannot be reset: stop it first");
    expect(existsSync(paths.marker)).toBe(true);
    writeFileSync(paths.pid, "999999999\n");
    claimDemo(paths);
    expect(readFileSync(paths.pid, "utf8")).toBe(`${process.pid}\n`);
    releaseDemo(paths);
    expect(existsSync(paths.pid)).toBe(false);
    const reset = await runCliCaptured(["demo", "--reset", "--data", paths.root], {}, new ManualClock(0));
    expect(reset).toMatchObject({ status: 0, stdout: `Deleted ${paths.root}; the next npm start begins afresh.\n` });
    expect(existsSync(paths.root)).toBe(false);
  });

  it("is never wiped when it is not the demo's", async () => {
    const paths = demoPaths(tempDir("wedos-not-demo-"));
    writeFileSync(join(paths.root, "precious.txt"), "keep me\n");
    const reset = await runCliCaptured(["demo", "--reset", "--data", paths.root], {}, new ManualClock(0));
    expect(reset.status).toBe(1);
    expect(reset.stderr).toContain("is not the demo's directory (it has no DEMO file), so it is left alone");
    expect(readFileSync(join(paths.root, "precious.txt"), "utf8")).toBe("keep me\n");
  });
});
