import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { TORN_AFTER_MS } from "../../src/provisioning/ingest.js";
import { DIRECTADMIN_HOOKS } from "../../src/panel/directadmin/hook-events.js";
import { CPANEL_HOOKS, hookName } from "../../src/panel/cpanel/hooks.js";
import { HookWarningStore } from "../../src/store/hook-warning-store.js";
import { MESSAGE_MAX } from "../../src/util/one-line.js";
import { hostileValues, isBoundedLine, type HostileValues } from "../support/hostile-values.js";
import { startWebHarness, type WebHarness } from "../web/support.js";

// Whatever a hook hands over, every value the plugin stores, logs or shows from it is one printable
// line of bounded length; the original bytes stay only in the spool (rejected/ keeps a copy of what was refused).
let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  h.da.createStaffAccount("admin", "admin");
});
afterEach(async () => {
  await h.close();
});

const END = Buffer.from("\0WEDOS_PANEL_END\0");
const DA_VARIABLES = [
  "username",
  "USERNAME",
  "domain",
  "DOMAIN",
  "newdomain",
  "from",
  "package",
  "ip",
  "ips",
  "creator",
];
const GOOD: Readonly<Record<string, string>> = {
  username: "alice",
  domain: "alice.test",
  newdomain: "bob.test",
  from: "alias.test",
  package: "gold",
  ip: "192.0.2.1",
  creator: "admin",
};

/** A DirectAdmin hook's variables as NAME=value entries ended by NUL: some good, some hostile (bytes as they come). */
function directAdminBody(values: HostileValues, hook: string, extra: Record<string, Buffer> = {}): Buffer {
  const entries: Buffer[] = [Buffer.from(`WEDOS_PANEL_HOOK=${hook}\0`)];
  for (const name of DA_VARIABLES) {
    if (values.chance(0.3)) continue;
    const value = values.chance(0.5) ? Buffer.from(GOOD[name] ?? "x") : values.bytes();
    entries.push(Buffer.from(`${name}=`), value, Buffer.from("\0"));
  }
  for (const [name, value] of Object.entries(extra)) entries.push(Buffer.from(`${name}=`), value, Buffer.from("\0"));
  return Buffer.concat(entries);
}

/** A cPanel Standardized Hooks payload with hostile strings where cPanel puts names (lone surrogates included). */
function cpanelBody(values: HostileValues): Buffer {
  const hook = values.pick(CPANEL_HOOKS);
  const text = () => (values.chance(0.5) ? values.pick(["alice", "alice.test", "gold"]) : values.text());
  const context = values.chance(0.8)
    ? { ...hook, stage: values.chance(0.8) ? "post" : text() }
    : { category: text(), event: text(), stage: "post" };
  const data = {
    user: text(),
    username: text(),
    domain: text(),
    plan: text(),
    owner: text(),
    new_pkg: text(),
    args: { newdomain: text(), domain: text(), rootdomain: text(), zone: text(), topdomain: text() },
  };
  const json = JSON.stringify(
    values.chance(0.1) ? { context: { [text()]: 1 }, data } : { context, data, hook: { hook: hookName(hook) } },
  );
  return values.chance(0.1)
    ? Buffer.concat([Buffer.from(json.slice(0, json.length / 2)), values.bytes()])
    : Buffer.from(json);
}

interface Written {
  file: string;
  /** What the hook recorded (without the end marker). */
  body: Buffer;
}

/** Writes `count` seeded hostile spool files: DirectAdmin events, pre hooks' warnings, cPanel payloads, torn files. */
function writeHostileSpool(seed: number, count: number): Written[] {
  const values = hostileValues(seed);
  const written: Written[] = [];
  for (let index = 0; index < count; index += 1) {
    const sequence = String(seed * 1_000_000 + index).padStart(16, "0");
    const shape = values.pick(["directadmin", "directadmin", "warning", "cpanel", "torn"] as const);
    const hook = values.chance(0.85) ? values.pick(DIRECTADMIN_HOOKS) : values.text().replaceAll("\0", "");
    const named = values.pick(DIRECTADMIN_HOOKS);
    const { file, body } =
      shape === "cpanel"
        ? { file: `${sequence}-${index}.cpanel.json`, body: cpanelBody(values) }
        : shape === "warning"
          ? {
              file: `${sequence}-${index}-domain_create_pre.warning`,
              body: directAdminBody(values, hook, { WEDOS_PANEL_WARNING: values.bytes() }),
            }
          : { file: `${sequence}-${index}-${named}.env`, body: directAdminBody(values, hook) };
    const path = join(h.services.hookSpool.events, file);
    writeFileSync(path, shape === "torn" ? body : Buffer.concat([body, END]), { mode: 0o600 });
    if (shape === "torn") {
      const old = new Date(h.clock.now() - TORN_AFTER_MS - 1_000);
      utimesSync(path, old, old);
    }
    written.push({ file, body });
  }
  return written;
}

/** Every text the database holds, JSON columns read down to their strings, with where it is. */
function storedTexts(): Array<{ where: string; text: string }> {
  const db = h.services.db;
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all();
  const texts: Array<{ where: string; text: string }> = [];
  const walk = (where: string, value: unknown): void => {
    if (typeof value === "string") texts.push({ where, text: value });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(`${where}[${index}]`, item));
    else if (typeof value === "object" && value !== null)
      for (const [key, item] of Object.entries(value)) walk(`${where}.${key}`, item);
  };
  for (const { name } of tables) {
    for (const row of db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${name}"`).all()) {
      for (const [column, cell] of Object.entries(row)) {
        if (typeof cell !== "string") continue;
        let parsed: unknown = cell;
        if (/^[[{]/.test(cell)) {
          try {
            parsed = JSON.parse(cell);
          } catch {
            parsed = cell;
          }
        }
        walk(`${name}.${column}`, parsed);
      }
    }
  }
  return texts;
}

const decodeHtml = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");

/** Every text in the database and every cell of the admin's operations page is one bounded printable line. */
async function expectStoredAndShownBounded(events: number): Promise<string[]> {
  const stored = storedTexts();
  expect(stored.length).toBeGreaterThan(events);
  const unbounded = stored.filter(({ text }) => !isBoundedLine(text, MESSAGE_MAX));
  expect(unbounded.map(({ where, text }) => `${where}: ${JSON.stringify(text.slice(0, 80))} (${text.length})`)).toEqual(
    [],
  );
  const page = (await h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/operations" })).stdout;
  const cells = [...page.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((match) => decodeHtml(match[1] ?? ""));
  expect(cells.filter((cell) => !isBoundedLine(cell, MESSAGE_MAX))).toEqual([]);
  return cells;
}

describe("what hooks hand over, as the plugin keeps, logs and shows it", () => {
  it("is one printable bounded line everywhere for seeded hostile hook runs, and the original stays in rejected/", async () => {
    const written = [1, 2, 3].flatMap((seed) => writeHostileSpool(seed, 150));
    const result = h.services.ingest();

    // Nothing lost: each file was taken in or kept aside.
    expect(result.ingested + result.rejected.length).toBe(written.length);
    expect(result.ingested).toBeGreaterThan(50);
    expect(result.rejected.length).toBeGreaterThan(50);

    // The daemon logs `spool: kept aside <file>: <reason>` with these reasons; the .reason files hold the same line.
    const rejectedDir = h.services.hookSpool.rejected;
    for (const { file, reason } of result.rejected) {
      expect(isBoundedLine(reason, MESSAGE_MAX), `${file}: ${JSON.stringify(reason.slice(0, 120))}`).toBe(true);
      expect(readFileSync(join(rejectedDir, `${file}.reason`), "utf8")).toBe(`${reason}\n`);
      expect(
        readFileSync(join(rejectedDir, file)).equals(written.find((one) => one.file === file)?.body ?? Buffer.alloc(1)),
      ).toBe(true);
    }
    expect(readdirSync(rejectedDir)).toHaveLength(result.rejected.length * 2);

    expect(new HookWarningStore(h.services.db).read().total).toBeGreaterThan(10);
    const cells = await expectStoredAndShownBounded(written.length);
    expect(cells.length).toBeGreaterThan(20); // the warnings' rows are on the page
  }, 120_000);

  it("stays bounded when the real DirectAdmin hooks run with seeded hostile variables", async () => {
    const values = hostileValues(4);
    const runs = 40;
    for (let run = 0; run < runs; run += 1) {
      const hook = values.pick([
        "user_create_post",
        "domain_create_post",
        "domain_pointer_create_post",
        "user_suspend_post",
      ]);
      const env: Record<string, string> = {};
      for (const name of DA_VARIABLES)
        env[name] = values.chance(0.5) ? (GOOD[name] ?? "x") : values.text().replaceAll("\0", "").slice(0, 20_000);
      const ran = spawnSync(join(PACKAGE_ROOT, "hooks", `${hook}.sh`), [], {
        env: { PATH: "/usr/bin:/bin", WEDOS_PANEL_DATA_DIR: h.dataDir, ...env },
        encoding: "utf8",
      });
      expect([ran.status, ran.stdout]).toEqual([0, "WEDOS DNS: queued\n"]);
    }
    const result = h.services.ingest();
    expect(result.ingested + result.rejected.length).toBe(runs);
    expect(result.rejected.length).toBeGreaterThan(10);
    for (const { reason } of result.rejected)
      expect(isBoundedLine(reason, MESSAGE_MAX), JSON.stringify(reason.slice(0, 120))).toBe(true);
    await expectStoredAndShownBounded(runs);
  }, 120_000);

  it("refuses a DirectAdmin account name it would have to cut or escape, naming it escaped, and keeps good ones", () => {
    const write = (file: string, env: string) =>
      writeFileSync(join(h.services.hookSpool.events, file), Buffer.concat([Buffer.from(env), END]));
    write(
      "0000000000000001-1-user_create_post.env",
      "WEDOS_PANEL_HOOK=user_create_post\0username=eve\nroot\0domain=eve.test\0",
    );
    write(
      "0000000000000002-1-user_create_post.env",
      `WEDOS_PANEL_HOOK=user_create_post\0username=carol\0domain=carol.test\0package=${"p".repeat(300)}\0`,
    );
    write(
      "0000000000000003-1-domain_create_post.env",
      `WEDOS_PANEL_HOOK=domain_create_post\0username=dave\0domain=${"d".repeat(100_000)}.test\0`,
    );
    write(
      "0000000000000004-1-user_create_post.env",
      "WEDOS_PANEL_HOOK=user_create_post\0username=bob\0domain=bob.test\0package=Gold plan\0ip=192.0.2.9\0ips=not-an-address\0",
    );

    const result = h.services.ingest();

    expect(result.ingested).toBe(1);
    const starts = (text: string) =>
      expect.stringMatching(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(result.rejected.map(({ reason }) => reason)).toEqual([
      starts(
        'user_create_post: the variable username "eve\\nroot" is not one printable line of at most 64 characters; ',
      ),
      starts(
        `user_create_post: the variable package "${"p".repeat(182)}… (300 characters)" is not one printable line of at most 255 characters; `,
      ),
      starts(
        `domain_create_post: "${"d".repeat(179)}… (100005 characters)" is not a valid domain name; the event was kept`,
      ),
    ]);
    expect(h.inventory.account("bob")).toMatchObject({ username: "bob", package: "Gold plan", ips: ["192.0.2.9"] });
    expect(h.inventory.account("eve\nroot")).toBeUndefined();
  });
});
