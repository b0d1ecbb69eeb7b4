import { readdirSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startCpanelWebHarness, type CpanelWebHarness } from "../support/cpanel-harness.js";
import { payload } from "../panel/cpanel/support.js";
import { csrfTokenIn, form } from "./support.js";
import { syncZone as syncZoneTask } from "../../src/provisioning/tasks/zone-tasks.js";

/**
 * The cPanel and WHM pages end to end: the package's real entries (index.live.pl, index.cgi) run as cpsrvd runs
 * them, the daemon's real listener proving the unix account from the entry's proof file, the same routes and views
 * as on DirectAdmin, and accounts made by cPanel's hook payloads and synced with the WEDOS simulator.
 */
let h: CpanelWebHarness;
beforeEach(async () => {
  h = await startCpanelWebHarness();
  await h.cpanel.perform(payload("whostmgr-accounts-create"));
  await h.cpanel.perform(payload("whostmgr-accounts-create", { user: "bob", domain: "bob.test" }));
  await h.settle();
});
afterEach(async () => {
  await h.close();
});

const FORM = "application/x-www-form-urlencoded";
const queuedSyncs = () =>
  h.services.queue
    .list({ states: ["queued"], limit: 50 })
    .filter((job) => job.task === syncZoneTask.name)
    .map((job) => job.jobKey);

/** Sends an envelope straight to a listener's socket, as any local process could; returns the CGI output. */
function post(
  socket: string,
  path: string,
  records: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const body = Object.entries(records)
    .map(([name, value]) => `${name}=${value}\0`)
    .join("");
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, method: "POST", path }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: res.statusCode === 200 ? Number(/^Status: (\d{3})/.exec(text)?.[1] ?? 0) : (res.statusCode ?? 0),
          body: text,
        });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("a cPanel account's pages (Jupiter, index.live.pl)", () => {
  it("list the account's own domains in a whole document with the security headers, links and style sheet beside the entry", async () => {
    const page = await h.cpanelPage();
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'/);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.body).toMatch(/^<!doctype html>/);
    expect(page.body).toContain('<link rel="stylesheet" href="wedos.css">');
    expect(page.body).toContain("Signed in as alice (user)");
    expect(page.body).toContain('href="index.live.pl?p=%2Fdomains%2Falice.test"');
    expect(page.body).not.toContain("bob.test");
    expect(page.body).not.toContain("CMD_PLUGINS");
    expect(readdirSync(h.services.config.pages.proofDir)).toEqual([]);
  });

  it("show a domain's page with its records, naming cPanel's Zone Editor, in the browser's language", async () => {
    const page = await h.cpanelPage({ query: "p=%2Fdomains%2Falice.test" });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Domain alice.test");
    expect(page.body).toContain("in sync");
    expect(page.body).toContain("which you edit in cPanel&#39;s Zone Editor (in WHM: Edit DNS Zone)");
    expect(page.body).not.toContain("DirectAdmin");
    expect(page.body).toContain('href="index.live.pl"');
    // Jupiter's Zone Editor beside the plugin, in the same session; the copy script beside the entry.
    expect(page.body).toContain(
      '<a href="../zone_editor/index.html#/manage?domain=alice.test" target="_top">Edit the records of alice.test in cPanel&#39;s Zone Editor</a>',
    );
    expect(page.body).toMatch(/<script nonce="[^"]+" src="copy\.js" defer><\/script>/);

    const czech = await h.cpanelPage({ query: "p=%2Fdomains%2Falice.test", acceptLanguage: "de-DE,cs;q=0.8,en;q=0.5" });
    expect(czech.body).toContain('lang="cs"');
    expect(czech.body).toContain("v Editoru zón v cPanelu");
    expect(czech.body).toContain("Upravit záznamy domény alice.test v Editoru zón v cPanelu</a>");
  });

  it("answer Sync now on a domain's page with that page, its progress followed by the script beside the entry", async () => {
    const page = await h.cpanelPage({ query: "p=%2Fdomains%2Falice.test" });
    const action = /<form method="post" action="(index\.live\.pl\?p=%2Fsync[^"]*)"/.exec(page.body)?.[1] ?? "";
    expect(action).toBe("index.live.pl?p=%2Fsync&amp;back=%2Fdomains%2Falice.test");
    const sync = await h.cpanelPage({
      query: action.replaceAll("&amp;", "&").slice(action.indexOf("?") + 1),
      body: { contentType: FORM, text: form({ csrf: csrfTokenIn(page.body), domain: "alice.test" }) },
    });
    expect(sync.body).toContain("Domain alice.test");
    expect(sync.body).toContain("A sync of alice.test has been queued");
    expect(sync.body).toMatch(/data-job-status="index\.live\.pl\?p=%2Fjobs%2F\d+"/);
    expect(sync.body).toMatch(/<script nonce="[A-Za-z0-9+/=]{24}" src="progress\.js"><\/script>/);
  });

  it("answer another account's domain exactly like one that does not exist, by URL and by form", async () => {
    const theirs = await h.cpanelPage({ query: "p=%2Fdomains%2Fbob.test" });
    const nobodys = await h.cpanelPage({ query: "p=%2Fdomains%2Fnobody.test" });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toContain("There is no such domain among the domains you may manage.");
    expect(theirs.body.replace(/bob\.test/g, "X")).toBe(nobodys.body.replace(/nobody\.test/g, "X"));
    const csrf = csrfTokenIn((await h.cpanelPage()).body);
    const sync = await h.cpanelPage({
      query: "p=/sync",
      body: { contentType: FORM, text: form({ csrf, domain: "bob.test" }) },
    });
    expect(sync.status).toBe(404);
    expect(queuedSyncs()).toEqual([]);
  });

  it("refuse a form without the account's CSRF token, and act on one with it", async () => {
    const without = await h.cpanelPage({
      query: "p=/sync",
      body: { contentType: FORM, text: form({ domain: "alice.test" }) },
    });
    expect(without.status).toBe(403);
    expect(without.body).toContain("This form is missing its security token.");
    const whmToken = csrfTokenIn((await h.whmPage()).body);
    const foreign = await h.cpanelPage({
      query: "p=/sync",
      body: { contentType: FORM, text: form({ csrf: whmToken, domain: "alice.test" }) },
    });
    expect(foreign.status).toBe(403);
    expect(queuedSyncs()).toEqual([]);

    const csrf = csrfTokenIn((await h.cpanelPage()).body);
    const sync = await h.cpanelPage({
      query: "p=/sync",
      body: { contentType: FORM, text: form({ csrf, domain: "alice.test" }) },
    });
    expect(sync.status).toBe(200);
    expect(sync.body).toContain("A sync of alice.test has been queued");
    expect(queuedSyncs()).toEqual(["sync-zone:alice.test"]);
  });
});

describe("the daemon's cPanel endpoint", () => {
  it("is made ready at start: the proof directory is sticky 1733, and DirectAdmin's endpoint does not exist", async () => {
    expect(statSync(h.services.config.pages.proofDir).mode & 0o7777).toBe(0o1733);
    expect((await post(h.cpanelWeb.address, "/v1/page/user/raw", {})).status).toBe(404);
  });

  it("refuses a request without a proof, with a forged one, and an account's proof on the WHM level", async () => {
    const absent = await post(h.cpanelWeb.address, "/v1/cpanel/user", {
      REQUEST_METHOD: "GET",
      QUERY_STRING: "p=/domains/alice.test",
    });
    expect(absent.status).toBe(401);
    expect(absent.body).toContain("Your cPanel login could not be confirmed. Please log in to cPanel again.");
    expect(absent.body).not.toContain("<dd>alice.test</dd>");

    // A forger does not know the name of anyone's proof file (random, in a directory only the daemon can list).
    const proofDir = h.services.config.pages.proofDir;
    const proof = (name: string, nonce: string) => writeFileSync(join(proofDir, name), nonce, { mode: 0o444 });
    proof("f".repeat(32), "a".repeat(64));
    const forged = await post(h.cpanelWeb.address, "/v1/cpanel/user", {
      REQUEST_METHOD: "GET",
      PROOF: `${"0".repeat(32)}:${"a".repeat(64)}`,
    });
    expect(forged.status).toBe(401);

    // A genuine proof of the account (the test's uid), sent to the WHM level: an account is never the admin.
    proof("e".repeat(32), "c".repeat(64));
    const admin = await post(h.cpanelWeb.address, "/v1/cpanel/admin", {
      REQUEST_METHOD: "GET",
      REMOTE_USER: "root",
      PROOF: `${"e".repeat(32)}:${"c".repeat(64)}`,
    });
    expect(admin.status).toBe(403);
    expect(admin.body).toContain("This page is for another access level than your account has.");
  });
});

describe("the WHM page (index.cgi, run as root)", () => {
  it("shows the admin every domain, with links and forms that stay in index.cgi", async () => {
    const page = await h.whmPage();
    expect(page.status).toBe(200);
    expect(page.body).toContain("Signed in as root (admin)");
    expect(page.body).toContain("alice.test");
    expect(page.body).toContain("bob.test");
    expect(page.body).toContain('href="index.cgi?p=%2Foperations"');
    expect(page.body).toContain('action="index.cgi?p=%2Fsync&amp;back=%2F"');
    const operations = await h.whmPage({ query: "p=%2Foperations" });
    expect(operations.status).toBe(200);
    expect(operations.body).toContain("WEDOS requests this hour");
    const policies = await h.whmPage({ query: "p=%2Fpolicies" });
    expect(policies.body).toContain("each hosting package (WHM: Packages)");
    // No address of WHM's zone editor is known: the admin's domain page names its place in WHM instead of a link.
    const domain = await h.whmPage({ query: "p=%2Fdomains%2Fbob.test" });
    expect(domain.body).toContain(
      '<p class="wedos-dns-editor">Edit the records in WHM » DNS Functions » Edit DNS Zone (bob.test, account bob).</p>',
    );
  });
});
