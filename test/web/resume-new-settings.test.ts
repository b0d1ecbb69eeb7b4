import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { systemClock, type Clock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load.js";
import { createServices } from "../../src/main.js";
import { startDaemon } from "../../src/provisioning/daemon.js";
import { syncZone } from "../../src/provisioning/tasks/zone-tasks.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import {
  adminPost,
  csrfTokenIn,
  HARNESS_WAPI,
  seedTenants,
  startProvisionedHarness,
  startWebHarness,
  type WebHarness,
} from "./support.js";

/**
 * A pause for wrong credentials puts the jobs that met it off until the pause's planned end (an hour, more after
 * repeated failures). New WAPI settings end that pause — saved on the settings page, or in the password file that the
 * daemon reads when it starts — and the jobs it put off are then due at once, as after the admin's Resume; the
 * rejected-request fuse still lets nothing through by itself (docs/decisions/0014).
 */
const RIGHT_PASSWORD = "Right-Secret-77";
const DOMAINS = ["alice.test", "bob.test", "carol.test"];
let h: WebHarness;
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await h.close();
  await sim?.close();
  sim = undefined;
});

async function visitSettings(): Promise<string> {
  return (await h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/settings" })).stdout;
}

async function postSettings(path: string, fields: Record<string, string>): Promise<string> {
  const csrf = csrfTokenIn(await visitSettings());
  return (await adminPost(h, path, { ...fields, csrf })).body;
}

async function save(password: string | undefined): Promise<string> {
  return postSettings("/settings/save", {
    url: sim?.url ?? "",
    login: HARNESS_WAPI.login,
    ...(password === undefined ? {} : { password }),
  });
}

/** The tenants' new zones meet WEDOS's refusal of the harness's password: sending pauses, the jobs are put off. */
async function pausedWithJobsPutOff() {
  h = await startWebHarness({ wapiIn: "file" });
  sim = await startSimulator({ login: HARNESS_WAPI.login, password: RIGHT_PASSWORD, clock: h.clock });
  await seedTenants(h); // their new zones are queued
  await save(undefined); // the simulator's address; the password in the file stays the wrong one
  expect(await h.services.worker.runUntilIdle()).toBe("paused");
  const pause = h.services.wapi.circuit.status();
  expect(pause?.reason).toBe("credentials");
  // The jobs that met the refusal wait for the pause's planned end; the rest stay due and untaken.
  const putOff = h.services.queue
    .list({ states: ["queued"], limit: 100 })
    .filter((job) => job.runAt === pause?.retryAt);
  expect(putOff.length).toBeGreaterThan(0);
  return { jobs: putOff.map((job) => job.id) };
}

const zonesAtWedos = () => (sim?.simulator.dump().zones ?? []).map((zone) => zone.name).sort();
const requestsSeen = () => sim?.simulator.dump().requestLog.length ?? 0;

describe("new WAPI settings end a pause for wrong credentials and release what it put off", () => {
  it("makes the put-off jobs due at once when the right password is saved on the settings page", async () => {
    const { jobs } = await pausedWithJobsPutOff();
    expect(await save(RIGHT_PASSWORD)).toContain("The WAPI settings are saved.");
    for (const id of jobs) expect(h.services.queue.get(id)?.runAt).toBe(h.clock.now());
    expect(h.logs.at(-1)).toMatch(/changed the WAPI password in .*; the pause they fix ended$/);

    expect(await h.services.worker.runUntilIdle()).toBe("idle");
    for (const id of jobs) expect(h.services.queue.get(id)?.state).toBe("done");
    expect(zonesAtWedos()).toEqual(DOMAINS);
  });

  it("makes them due at once when the daemon starts with a password file changed meanwhile", async () => {
    const { jobs } = await pausedWithJobsPutOff();
    const panel = h.services.panel;
    await h.close(); // the daemon stops; the admin writes the right password into the file and starts it again
    writeFileSync(join(h.root, "wapi-password"), `${RIGHT_PASSWORD}\n`, { mode: 0o600 });
    // The daemon's loop sleeps on real timers while the harness's time stands still: a manual clock's sleeps would
    // end at once and move time on by hours while the requests are under way.
    const standingClock: Clock = { now: () => h.clock.now(), sleep: systemClock.sleep };
    const services = createServices(
      loadConfig({ WEDOS_PANEL_CONFIG: h.configFile, WEDOS_PANEL_DATA_DIR: h.dataDir }),
      standingClock,
      panel,
    );
    const logs: string[] = [];
    const daemon = startDaemon(services, (line) => logs.push(line));
    try {
      // The daemon's own loop runs them.
      await vi.waitFor(
        () => {
          for (const id of jobs) expect(services.queue.get(id)?.state).toBe("done");
          expect(zonesAtWedos()).toEqual(DOMAINS);
        },
        { timeout: 15_000 },
      );
      expect(logs).toContain(
        "wapi: the WAPI settings changed since sending paused; sending resumes and the jobs it put off are due now",
      );
    } finally {
      await daemon.stop();
      await services.close();
    }
  });

  it("still sends nothing by itself while the rejected-request fuse holds, then the put-off jobs go when it frees", async () => {
    const { jobs } = await pausedWithJobsPutOff();
    for (let n = 2; n <= 5; n++) {
      await save(`wrong-${n}`); // each new password ends the pause for wrong credentials
      await expect(h.services.wapi.account.ping()).rejects.toThrow("WEDOS rejected the credentials");
      h.clock.advance(60_000);
    }
    const fuse = h.services.wapi.fuse.status();
    expect(fuse.tripped).toBe(true);
    const invalid = sim?.simulator.dump().access["127.0.0.1"]?.invalidCount;
    expect(invalid).toBe(5);
    const requests = requestsSeen();

    await save(RIGHT_PASSWORD);
    expect(await h.services.worker.runUntilIdle()).toBe("paused");
    expect(h.services.wapi.circuit.status()?.reason).toBe("rejected-fuse");
    expect(requestsSeen()).toBe(requests); // no request went to WEDOS by itself
    for (const id of jobs) expect(h.services.queue.get(id)).toMatchObject({ state: "queued", attempts: 0 });

    h.clock.set(fuse.resumesAt ?? 0);
    expect(await h.services.worker.runUntilIdle()).toBe("idle");
    for (const id of jobs) expect(h.services.queue.get(id)?.state).toBe("done");
    expect(zonesAtWedos()).toEqual(DOMAINS);
    expect(sim?.simulator.dump().access["127.0.0.1"]?.blockedUntil).toBeNull();
  });
});

describe("an accepted Test connection", () => {
  it("ends the pause it shows fixed, as Resume does: the jobs it put off are due at once", async () => {
    h = await startProvisionedHarness();
    h.sim?.simulator.addFault({ command: "dns-rows-list", kind: "wapi-code", code: 2050 });
    const id = h.services.queue.enqueue(syncZone, { domain: "alice.test" });
    expect(await h.services.worker.runUntilIdle()).toBe("paused");
    expect(h.services.queue.get(id)?.runAt).toBe(h.services.wapi.circuit.status()?.retryAt);

    h.sim?.simulator.clearFaults(); // fixed at WEDOS; the settings here stay as they were
    await postSettings("/settings/test", {});
    expect(await visitSettings()).toContain("WEDOS accepted the login");
    expect(h.services.queue.get(id)?.runAt).toBe(h.clock.now());
    expect(await h.services.worker.runUntilIdle()).toBe("idle");
    expect(h.services.queue.get(id)?.state).toBe("done");
  });
});
