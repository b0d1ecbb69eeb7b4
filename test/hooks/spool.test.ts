import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { hookSpool, noteConsumed, pendingEventFiles, readSpooledEvent, spoolFileNames } from "../../src/provisioning/spool.js";
import { tempDir } from "../support/temp-dir.js";

const HOOK = join(PACKAGE_ROOT, "hooks", "domain_create_post.sh");
const END = "\0WEDOS_PANEL_END\0";

/** A program's path on this machine (the hooks run with no program on PATH). */
function programPath(name: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (found === "") throw new Error(`${name} is not installed: the hook tests run the hooks with it as a server's /bin/sh would (apt-get install ${name})`);
  return found;
}
const DASH = programPath("dash");
/** The shells a server may run the hooks with as /bin/sh: dash (Debian, Ubuntu) and bash in POSIX mode (EL). */
const SHELLS = [[DASH], [programPath("bash"), "--posix"]] as const;

/** A development data directory whose spool exists, and a PATH holding no program at all. */
function machine() {
  const dir = tempDir("wedos-panel-spool-");
  const data = join(dir, "data");
  const spool = hookSpool(data);
  mkdirSync(spool.events, { recursive: true });
  mkdirSync(spool.consumed, { recursive: true });
  const noPrograms = join(dir, "no-programs");
  mkdirSync(noPrograms);
  const env = (domain: string) => ({ PATH: noPrograms, WEDOS_PANEL_DATA_DIR: data, username: "alice", domain });
  /** Runs the hook as DirectAdmin would, with `shell`; with no program on PATH, it can only use builtins. */
  const hook = (shell: readonly string[], domain: string) => {
    const result = spawnSync(shell[0] as string, [...shell.slice(1), HOOK], { env: env(domain), encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("WEDOS DNS: queued\n");
    expect(result.status).toBe(0);
  };
  const domains = () => spoolFileNames(spool).map((file) => (readSpooledEvent(spool, file) as { recorded: Record<string, string> }).recorded.domain);
  return { data, spool, hook, env, domains };
}

describe("hooks/spool.sh: the spool file", () => {
  it("is named <16-digit sequence>-<pid>-<hook>.env, one more than the highest, and written with builtins only, in dash and in bash as sh", () => {
    const m = machine();
    const order = ["1.test", "2.test", "3.test", "4.test", "5.test", "6.test"];
    order.forEach((domain, index) => m.hook(SHELLS[index % 2] as readonly string[], domain));
    const files = spoolFileNames(m.spool);
    expect(files.map((file) => file.replace(/-\d+-/, "-<pid>-"))).toEqual(order.map((_, index) => `${String(index + 1).padStart(16, "0")}-<pid>-domain_create_post.env`));
    // Name order is the order the events happened, which is the order the daemon reads them in.
    expect(m.domains()).toEqual(order);
  });

  it("holds only the recorded variables, then ends with the end marker the daemon looks for", () => {
    const m = machine();
    m.hook([DASH], "alice.test");
    const [file = ""] = spoolFileNames(m.spool);
    expect(readFileSync(join(m.spool.events, file), "utf8")).toBe(`WEDOS_PANEL_HOOK=domain_create_post\0username=alice\0domain=alice.test\0${END}`);
    expect(readSpooledEvent(m.spool, file)).toMatchObject({ source: "directadmin", file, hook: "domain_create_post", recorded: { WEDOS_PANEL_HOOK: "domain_create_post", username: "alice", domain: "alice.test" } });
  });

  it("records each value byte for byte, whatever it holds, set but empty included, in dash and in bash as sh", () => {
    // In the order the hooks record them (hooks/common.sh).
    const values = {
      username: "al ice",
      domain: "",
      A: "x\ny\tz *  ? [a] $(id) `id` ~ 'q' \"d\" \\ \\n =a=b",
      MX_FULL: "*",
      NS: "$HOME",
      TXT: "  lead and trail  ",
      CAA: "${A}",
      DS: "-n",
      DS_TIME: "-e \\t",
      SVCB_TIME: "č ř 😀",
    };
    for (const shell of SHELLS) {
      const m = machine();
      // IFS from the environment and an unset variable in the list change nothing either.
      const env = { ...m.env("unused"), ...values, IFS: "a= " };
      const result = spawnSync(shell[0], [...shell.slice(1), join(PACKAGE_ROOT, "hooks", "dns_write_post.sh")], { env, encoding: "utf8" });
      expect(result.stdout, shell[0]).toBe("WEDOS DNS: queued\n");
      const [file = ""] = spoolFileNames(m.spool);
      const entries = Object.entries(values).map(([name, value]) => `${name}=${value}\0`);
      expect(readFileSync(join(m.spool.events, file), "utf8"), shell[0]).toBe(`WEDOS_PANEL_HOOK=dns_write_post\0${entries.join("")}${END}`);
    }
  });

  it("continues after the highest name in the spool, also one an earlier version named by its time in microseconds", () => {
    const m = machine();
    writeFileSync(join(m.spool.events, "1700000000123456-77-user_create_post.env"), `WEDOS_PANEL_HOOK=user_create_post${END}`);
    m.hook(SHELLS[1], "later.test");
    expect(spoolFileNames(m.spool)[1]).toMatch(/^1700000000123457-\d+-domain_create_post\.env$/);
  });

  it("loses nothing when hooks run at the same time: every event gets its own complete file", async () => {
    const m = machine();
    const runs = Array.from({ length: 12 }, (_, index) => new Promise<number | null>((resolve) => spawn(DASH, [HOOK], { env: m.env(`d${index}.test`), stdio: "ignore" }).on("exit", resolve)));
    expect(await Promise.all(runs)).toEqual(Array.from({ length: 12 }, () => 0));
    expect(m.domains().sort()).toEqual(Array.from({ length: 12 }, (_, index) => `d${index}.test`).sort());
  });

  it("removes, once the spool is full, the files the daemon noted as consumed and nothing else, keeping the newest", () => {
    const m = machine();
    // 255 events, of which the daemon consumed all but the last five.
    for (let sequence = 1; sequence <= 255; sequence++) {
      const file = `${String(sequence).padStart(16, "0")}-1-dns_write_post.env`;
      writeFileSync(join(m.spool.events, file), `WEDOS_PANEL_HOOK=dns_write_post${END}`);
      if (sequence <= 250) noteConsumed(m.spool, file);
    }
    m.hook([DASH], "a.test"); // the 256th file: not yet full when the hook looked
    expect(spoolFileNames(m.spool)).toHaveLength(256);
    m.hook([DASH], "b.test");
    const left = spoolFileNames(m.spool);
    expect(left.map((file) => Number(file.slice(0, 16)))).toEqual([251, 252, 253, 254, 255, 256, 257]);
    expect(pendingEventFiles(m.spool)).toEqual(left);
    // Consumed files go, so the next hook looks through a short spool; the sequence goes on.
    m.hook(SHELLS[1], "c.test");
    expect(Number(spoolFileNames(m.spool).at(-1)?.slice(0, 16))).toBe(258);
  });

  it("says so and still exits 0 when the spool cannot be written, in dash and in bash as sh (a post hook never fails the panel)", () => {
    const dir = tempDir("wedos-panel-spool-");
    const blocked = join(dir, "a-file");
    writeFileSync(blocked, "");
    for (const shell of SHELLS) {
      const run = spawnSync(shell[0] as string, [...shell.slice(1), HOOK], { env: { PATH: "/usr/bin:/bin", WEDOS_PANEL_DATA_DIR: blocked, username: "alice", domain: "a.test" }, encoding: "utf8" });
      expect([run.status, run.stdout]).toEqual([0, `WEDOS DNS: not queued (spool ${blocked}/spool/new not writable); an admin should run: wedos-panel doctor\n`]);
    }
  });

  it("in a spool that does not exist yet (development), makes it 0700 on the first event", () => {
    const dir = tempDir("wedos-panel-spool-");
    const run = spawnSync(DASH, [HOOK], { env: { PATH: "/usr/bin:/bin", WEDOS_PANEL_DATA_DIR: join(dir, "data"), username: "alice", domain: "a.test" }, encoding: "utf8" });
    expect(run.stdout).toBe("WEDOS DNS: queued\n");
    expect(readdirSync(join(dir, "data", "spool", "new"))).toHaveLength(1);
    expect(statSync(join(dir, "data", "spool", "new")).mode & 0o777).toBe(0o700);
  });
});
