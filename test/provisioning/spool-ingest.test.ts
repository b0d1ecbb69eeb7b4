import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { ingestSpool, TORN_AFTER_MS } from "../../src/provisioning/ingest.js";
import { hookSpool, pendingEventFiles, spoolFileNames } from "../../src/provisioning/spool.js";
import { HookWarningStore } from "../../src/store/hook-warning-store.js";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

// The daemon's side of the spool (docs/decisions/0020): it reads only complete files, in name order, each exactly
// once, keeps a torn one aside with a warning, removes nothing, and forgets what the hooks removed.
let h: ProvisioningHarness;
beforeEach(async () => {
  h = await startProvisioningHarness();
});
afterEach(async () => {
  await h.close();
});

const END = "\0WEDOS_PANEL_END\0";
const events = () => h.services.hookSpool.events;

/** Runs a real DirectAdmin post hook into the harness's spool, as DirectAdmin would. */
function hook(name: string, env: Record<string, string>): string {
  const before = new Set(spoolFileNames(h.services.hookSpool));
  const run = spawnSync(join(PACKAGE_ROOT, "hooks", `${name}.sh`), [], {
    env: { PATH: "/usr/bin:/bin", WEDOS_PANEL_DATA_DIR: h.dataDir, ...env },
    encoding: "utf8",
  });
  expect(run.stdout).toBe("WEDOS DNS: queued\n");
  const [file] = spoolFileNames(h.services.hookSpool).filter((name) => !before.has(name));
  return file as string;
}

/** A spool file as a hook killed while writing leaves it: the records, but not the end marker; dated `ageMs` ago. */
function cutOff(file: string, ageMs: number): void {
  const path = join(events(), file);
  writeFileSync(path, readFileSync(path, "utf8").replace(END, ""));
  const at = new Date(h.clock.now() - ageMs);
  utimesSync(path, at, at);
}

const state = (domain: string) => h.services.tasks.inventory.domain(domain)?.state;
const jobs = () => h.services.queue.countsByState().queued;

describe("the daemon reading the spool", () => {
  it("applies events in the order they happened (name order), whatever order the files appeared in", () => {
    const created = hook("domain_create_post", { username: "alice", domain: "order.test" });
    const destroyed = hook("domain_destroy_post", { username: "alice", domain: "order.test" });
    expect([created, destroyed].sort()).toEqual([created, destroyed]);
    expect(h.services.ingest()).toEqual({ ingested: 2, rejected: [] });
    expect(state("order.test")).toBe("deleted");
  });

  it("reads no file before its end marker, and holds the events after it back until it is complete", () => {
    const first = hook("domain_create_post", { username: "alice", domain: "first.test" });
    hook("domain_create_post", { username: "alice", domain: "second.test" });
    cutOff(first, 1_000);

    expect(h.services.ingest()).toEqual({ ingested: 0, rejected: [] });
    expect([state("first.test"), state("second.test")]).toEqual([undefined, undefined]);

    appendFileSync(join(events(), first), END); // the hook finishes writing
    expect(h.services.ingest()).toEqual({ ingested: 2, rejected: [] });
    expect([state("first.test"), state("second.test")]).toEqual([expect.any(String), expect.any(String)]);
  });

  it("keeps a file a killed hook left without its end marker aside after the grace period, warns the admin, and goes on", () => {
    const torn = hook("domain_create_post", { username: "alice", domain: "torn.test" });
    hook("domain_create_post", { username: "alice", domain: "after.test" });
    cutOff(torn, TORN_AFTER_MS - 1);
    expect(h.services.ingest().ingested).toBe(0);

    cutOff(torn, TORN_AFTER_MS);
    const result = h.services.ingest();

    expect(result.ingested).toBe(1);
    expect(result.rejected).toEqual([
      { file: torn, reason: expect.stringContaining(`spool: ${torn} was cut off (no end marker after 60 s`) },
    ]);
    expect([state("torn.test"), state("after.test")]).toEqual([undefined, expect.any(String)]);
    // Nothing lost silently: the bytes are kept for the admin, with the reason, and the warning is on record.
    expect(readFileSync(join(h.services.hookSpool.rejected, torn), "utf8")).toContain("domain=torn.test");
    expect(readFileSync(join(h.services.hookSpool.rejected, `${torn}.reason`), "utf8")).toContain(
      "the hook was stopped while writing it",
    );
    expect(new HookWarningStore(h.services.db).read()).toMatchObject({
      total: 1,
      latest: [{ hook: "domain_create_post", message: expect.stringContaining(torn) }],
    });
    // …and it is not taken up again: the next hook's event is all there is to read.
    hook("domain_create_post", { username: "alice", domain: "next.test" });
    expect(h.services.ingest()).toEqual({ ingested: 1, rejected: [] });
  });

  it("applies each event exactly once: the file stays in the spool, noted as consumed, and a crash before the note changes nothing", () => {
    const file = hook("domain_create_post", { username: "alice", domain: "once.test" });
    expect(h.services.ingest().ingested).toBe(1);
    const queued = jobs();
    expect(queued).toBeGreaterThan(0);
    expect(spoolFileNames(h.services.hookSpool)).toEqual([file]); // the daemon removes nothing
    expect(pendingEventFiles(h.services.hookSpool)).toEqual([]);

    expect(h.services.ingest().ingested).toBe(0);
    // The daemon died after its transaction, before it wrote the note: the database remembers, the note comes back.
    unlinkSync(join(h.services.hookSpool.consumed, file));
    expect(h.services.ingest().ingested).toBe(0);
    expect(existsSync(join(h.services.hookSpool.consumed, file))).toBe(true);
    expect(jobs()).toBe(queued);
  });

  it("forgets the note and the bookkeeping of a file once the hooks have removed it", () => {
    const file = hook("domain_create_post", { username: "alice", domain: "gone.test" });
    h.services.ingest();
    expect(h.services.spool.files()).toEqual([file]);
    rmSync(join(events(), file)); // what a hook's pruning does

    h.services.ingest();

    expect(h.services.spool.files()).toEqual([]);
    expect(readdirSync(h.services.hookSpool.consumed)).toEqual([]);
  });

  it("on an installed server, applies once and removes the events an earlier version's hooks left in <dataDir>/spool/new", () => {
    const events = join(h.dataDir, "root-spool");
    mkdirSync(events);
    const spool = hookSpool(h.dataDir, { spoolDir: events });
    const old = "1700000000000001-5-domain_create_post.env"; // renamed in whole: no end marker
    writeFileSync(
      join(h.dataDir, "spool", "new", old),
      "WEDOS_PANEL_HOOK=domain_create_post\0username=alice\0domain=legacy.test\0",
    );
    const ingest = () =>
      ingestSpool(spool, h.services.spool, h.services.lifecycle, new HookWarningStore(h.services.db));

    expect(ingest()).toEqual({ ingested: 1, rejected: [] });
    expect(state("legacy.test")).toEqual(expect.any(String));
    expect(existsSync(join(h.dataDir, "spool", "new", old))).toBe(false);
    expect(ingest()).toEqual({ ingested: 0, rejected: [] });
  });
});
