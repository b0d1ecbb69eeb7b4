import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import {
  csrfTokenIn,
  form,
  parseRaw,
  seedTenants,
  sessionValues,
  startWebHarness,
  type WebHarness,
} from "./support.js";
import { syncZone as syncZoneTask } from "../../src/provisioning/tasks/zone-tasks.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

const syncJobs = (h: WebHarness) =>
  h.services.db.prepare("SELECT job_key AS key, lane FROM jobs WHERE task = ?").all(syncZoneTask.name) as Array<{
    key: string;
    lane: string;
  }>;

describe("the entry scripts, run as DirectAdmin runs them", () => {
  it("index.html prints an HTML fragment for the skin: the user's domains, no document, no headers", async () => {
    const session = h.da.login("alice");
    const { stdout } = await h.visit({ level: "user", session });
    expect(stdout).not.toMatch(/^HTTP\//);
    expect(stdout).not.toContain("<html");
    expect(stdout).toMatch(/<div class="wedos-panel" lang="en" data-csrf-token="[^"]+">/);
    expect(stdout).toContain("My domains");
    expect(stdout).toContain(">alice.test</a>");
    expect(stdout).toContain('href="/CMD_PLUGINS/wedos/images/wedos.css"');
  });

  it("index.raw prints a whole HTTP response whose Content-Length is the body's", async () => {
    const session = h.da.login("res1");
    const { status, headers, body } = parseRaw(
      (await h.visit({ level: "reseller", file: "index.raw", session })).stdout,
    );
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(Number(headers.get("content-length"))).toBe(Buffer.byteLength(body));
    expect(body).toMatch(/^<!doctype html>/);
    expect(body).toContain("Your customers&#39; domains");
    expect(body).toContain('href="/CMD_PLUGINS_RESELLER/wedos/index.raw?p=%2Fdomains%2Falice.test"');
  });

  it("shows the page for the Evolution wrapper's empty first POST, as for a GET (no CSRF token asked)", async () => {
    const session = h.da.login("alice");
    const { stdout } = await h.visit({ level: "user", session, method: "POST", post: "" });
    expect(stdout).toContain("My domains");
    expect(stdout).not.toContain("security token");
  });

  it("decodes the entity-encoded QUERY_STRING before parsing it", async () => {
    const session = h.da.login("alice");
    // DirectAdmin exports x=1&amp;p=… : read naively, the second parameter would be called "amp;p".
    const { stdout } = await h.visit({ level: "user", session, query: "x=1&p=%2Fdomains%2Falice.test" });
    expect(stdout).toContain("Domain alice.test");
    expect(stdout).toContain("<dd>alice.test</dd>");
  });

  it("forwards a body too large for the environment from stdin (POST=stdin=true)", async () => {
    const session = h.da.login("alice");
    const token = csrfTokenIn((await h.visit({ level: "user", session })).stdout);
    const post = form({ csrf: token, domain: "alice.test", padding: "x".repeat(200_000) });
    const { stdout } = await h.visit({ level: "user", session, method: "POST", query: "p=/sync", post });
    expect(stdout).toContain("A sync of alice.test has been queued");
    expect(syncJobs(h)).toEqual([{ key: "sync-zone:alice.test", lane: "interactive" }]);
  });

  it("works over host:port as well as a Unix socket", async () => {
    await h.close();
    h = await startWebHarness({ listen: "127.0.0.1:0" });
    await seedTenants(h);
    expect(h.web.address).toMatch(/^127\.0\.0\.1:\d+$/);
    const { stdout } = await h.visit({ level: "user", session: h.da.login("bob") });
    expect(stdout).toContain(">bob.test</a>");
  });

  it("prints a short friendly message when the daemon is down, in either mode, without session values", async () => {
    const session = h.da.login("alice");
    await h.stopWeb();
    const html = await h.visit({ level: "user", session });
    expect(html.stdout).toContain("WEDOS DNS is temporarily unavailable.");
    expect(html.stdout).not.toMatch(/Error|at \w+ \(|ECONNREFUSED|curl/);
    const raw = parseRaw((await h.visit({ level: "user", file: "index.raw", session })).stdout);
    expect(raw.status).toBe(503);
    expect(raw.body).toContain("WEDOS DNS je do&#269;asn&#283; nedostupn&#233;.");
    expect(Number(raw.headers.get("content-length"))).toBe(Buffer.byteLength(raw.body));
    for (const value of sessionValues(session)) expect(html.stdout + raw.body).not.toContain(value);
  });

  it("finds the daemon from a one-line configuration too, and says unavailable when it names no live socket", async () => {
    writeFileSync(
      h.configFile,
      JSON.stringify({ dataDir: h.dataDir, daemon: { listen: join(h.root, "nowhere.sock") } }),
    );
    const { stdout } = await h.visit({ level: "user", session: h.da.login("alice") });
    expect(stdout).toContain("WEDOS DNS is temporarily unavailable.");
  });

  it("never prints the session, whatever the page answers", async () => {
    const session = h.da.login("alice");
    const outputs = await Promise.all([
      h.visit({ level: "user", session }),
      h.visit({ level: "user", file: "index.raw", session, query: "p=/domains/bob.test" }),
      h.visit({ level: "admin", file: "index.raw", session }),
      h.visit({ level: "user", session, method: "POST", query: "p=/sync", post: form({ domain: "alice.test" }) }),
    ]);
    for (const { stdout } of outputs) for (const value of sessionValues(session)) expect(stdout).not.toContain(value);
  });

  it("ships six identical, executable entry files that DirectAdmin can run directly", () => {
    const reference = readFileSync(join(PACKAGE_ROOT, "user", "index.html"), "utf8");
    expect(reference.startsWith("#!/bin/sh\n")).toBe(true);
    for (const level of ["admin", "reseller", "user"]) {
      for (const file of ["index.html", "index.raw"]) {
        const path = join(PACKAGE_ROOT, level, file);
        expect(readFileSync(path, "utf8"), path).toBe(reference);
        expect(statSync(path).mode & 0o755, path).toBe(0o755);
      }
    }
  });
});
