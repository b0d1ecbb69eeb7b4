import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reason } from "../../src/model/reason.js";
import { parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(2)>',
  "' onmouseover='alert(3)",
  "</td><iframe src=//evil.example>",
];

const OWN_SCRIPT =
  /<script nonce="[A-Za-z0-9+/=]+" src="\/CMD_PLUGINS[A-Z_]*\/wedos\/images\/[a-z-]+\.js"( defer)?><\/script>/g;

describe("what pages print is escaped", () => {
  it("escapes hostile domain names and status reasons on every level's list and on the detail page", async () => {
    const now = h.clock.now();
    for (const [i, payload] of PAYLOADS.entries()) {
      // A name the panel would never accept, written straight into the store: the page must not trust the store.
      h.inventory.upsertDomain({ domain: `x${i}${payload}.test`, username: "alice", kind: "domain" }, now);
      h.inventory.setDnsStatus(`x${i}${payload}.test`, "error", reason("internal", `WEDOS: ${payload}`), now);
    }
    h.inventory.setDnsStatus("alice.test", "error", reason("internal", PAYLOADS.join(" ")), now);
    const pages = await Promise.all([
      h.visit({ level: "user", session: h.da.login("alice") }),
      h.visit({ level: "reseller", file: "index.raw", session: h.da.login("res1") }),
      h.visit({ level: "admin", file: "index.raw", session: h.da.login("admin") }),
      // Only an admin reads a reason's stored details: the hostile text reaches the admin's pages.
      h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/domains/alice.test" }),
    ]);
    for (const { stdout } of pages) {
      for (const payload of PAYLOADS) expect(stdout).not.toContain(payload);
      // The plugin's own scripts (files in images/, with the response's nonce) are the only ones a page carries.
      expect(stdout.replace(OWN_SCRIPT, "")).not.toMatch(/<script|<img|<iframe/i);
      expect(stdout).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    expect(pages[0]?.stdout).toContain("&#34;&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(pages[0]?.stdout).toContain("&#39; onmouseover=&#39;alert(3)");
  });

  it("escapes what the visitor typed: a hostile page path is not echoed", async () => {
    const { stdout } = await h.visit({
      level: "user",
      session: h.da.login("alice"),
      query: `p=${encodeURIComponent("/<script>alert(1)</script>")}`,
    });
    expect(stdout).toContain("This page does not exist.");
    expect(stdout).not.toContain("<script>");
  });
});

describe("security headers of raw pages", () => {
  it("send a nonce CSP, frame-ancestors 'self', nosniff, a referrer policy and no-store on pages and errors", async () => {
    const session = h.da.login("alice");
    for (const query of ["", "p=/domains/bob.test", "p=/no/such/page"]) {
      const { status, headers, body } = parseRaw(
        (await h.visit({ level: "user", file: "index.raw", session, query })).stdout,
      );
      const csp = headers.get("content-security-policy") ?? "";
      expect(csp, `${status}`).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{24}'/);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("referrer-policy")).toBe("same-origin");
      expect(headers.get("cache-control")).toBe("no-store");
      expect(body).not.toMatch(/<script|style=/);
    }
  });

  it("use a fresh nonce for every response", async () => {
    const session = h.da.login("alice");
    const nonce = async () =>
      parseRaw((await h.visit({ level: "user", file: "index.raw", session })).stdout)
        .headers.get("content-security-policy")
        ?.match(/nonce-([^']+)/)?.[1];
    expect(await nonce()).not.toBe(await nonce());
  });
});
