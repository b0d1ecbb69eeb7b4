import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csrfTokenIn, form, parseRaw, startProvisionedHarness, type WebHarness } from "./support.js";
import { reconcile as reconcileTask } from "../../src/provisioning/tasks/reconcile.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startProvisionedHarness();
});
afterEach(async () => {
  await h.close();
});

const requestsAtWedos = () => h.sim?.simulator.dump().requestLog.length ?? 0;
const published = (domain: string, name: string) =>
  [...(h.sim?.simulator.publishedZones() ?? [])]
    .find((zone) => zone.name === domain)
    ?.rows.find((row) => row.name === name && row.type === "A")?.rdata;
const driftPage = async () =>
  (await h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/drift" })).stdout;
const post = async (path: string, fields: Record<string, string>) => {
  const token = csrfTokenIn(await driftPage());
  return parseRaw(
    (
      await h.visit({
        level: "admin",
        file: "index.raw",
        session: h.da.login("admin"),
        method: "POST",
        query: `p=${path}`,
        post: form({ ...fields, csrf: token }),
      })
    ).stdout,
  );
};
/** Someone changes A rows at WEDOS behind the plugin's back (its own rows, which it manages). */
const changeAtWedos = async (domain: string, names: readonly string[]) => {
  const rows = await h.services.wapi.dns.rowsList(domain);
  for (const name of names) {
    const row = rows.find((candidate) => candidate.name === name && candidate.type === "A");
    await h.services.wapi.dns.rowUpdate({ domain, rowId: row?.id ?? "", ttl: row?.ttl ?? 3600, rdata: "203.0.113.9" });
  }
  await h.services.wapi.dns.domainCommit(domain);
};
const reconcile = async () => {
  h.services.queue.enqueue(reconcileTask, {}, { lane: "background" });
  await h.services.worker.runUntilIdle();
};

describe("the admin's conflicts and drift page", () => {
  it("previews the drift the reconciler found, without a request to WEDOS, and Apply fixes it", async () => {
    await changeAtWedos("alice.test", ["www"]);
    await reconcile();
    expect(published("alice.test", "www")).toBe("203.0.113.9");

    const before = requestsAtWedos();
    const page = await driftPage();
    expect(page).toContain("The check last ran 10 Mar 2026, 09:00.");
    expect(page).toMatch(
      /<h3 id="wedos-drift-0">alice\.test<\/h3>\s*<p>Found 10 Mar 2026, 09:00: 0 to add, 1 to update, 0 to delete, 0 to take over<\/p>/,
    );
    expect(page).toContain("<li><code>~ update www A 203.0.113.9 (TTL 3600) → 192.0.2.10</code></li>");
    expect(page).not.toContain("bob.test</h3>");
    expect(page).not.toContain("Apply anyway");

    const queued = await post("/drift/apply", { domain: "alice.test" });
    expect(queued.status).toBe(200);
    expect(queued.body).toContain("alice.test will be planned again and applied within a minute.");
    expect(queued.body).toContain("An apply is queued.");
    expect(h.services.queue.active("apply-drift:alice.test")?.lane).toBe("interactive");
    expect(requestsAtWedos()).toBe(before);

    await h.services.worker.runUntilIdle();
    expect(published("alice.test", "www")).toBe("192.0.2.10");
    expect(await driftPage()).toContain("No differences found.");
  });

  it("shows why an apply that changes too much is refused, and applies it when the admin forces it", async () => {
    await changeAtWedos("bob.test", ["www", "mail", "ftp", "pop"]);
    await reconcile();
    const preview = await driftPage();
    expect(preview).toContain("Applying is refused without force: the plan updates 4 of 10 existing rows (40 %)");
    expect(preview).toContain('<button type="submit" name="force" value="1">Apply anyway</button>');

    await post("/drift/apply", { domain: "bob.test" });
    await h.services.worker.runUntilIdle();
    expect(published("bob.test", "www")).toBe("203.0.113.9");
    expect(await driftPage()).toContain("The last apply was refused: the plan updates 4 of 10 existing rows (40 %)");

    await post("/drift/apply", { domain: "bob.test", force: "1" });
    await h.services.worker.runUntilIdle();
    expect(["www", "mail", "ftp", "pop"].map((name) => published("bob.test", name))).toEqual([
      "192.0.2.10",
      "192.0.2.10",
      "192.0.2.10",
      "192.0.2.10",
    ]);
    expect(await driftPage()).toContain("No differences found.");
  });

  it("lists the conflicts with adopt and ignore, and answers with the same page", async () => {
    h.services.tasks.conflicts.flag(
      "carol.test",
      "zone",
      "a zone for carol.test already exists at WEDOS",
      h.clock.now(),
    );
    const page = await driftPage();
    expect(page).toMatch(
      /<th scope="row">carol\.test<\/th><td>DNS zone<\/td><td class="wedos-reason">a zone for carol\.test already exists at WEDOS<\/td>/,
    );
    const ignored = await post("/conflicts/resolve", {
      from: "drift",
      domain: "carol.test",
      kind: "zone",
      resolution: "ignore",
    });
    expect(ignored.body).toContain("carol.test will be left alone at WEDOS.");
    expect(ignored.body).toContain("Differences between the panel and WEDOS");
    expect(h.services.tasks.conflicts.get("carol.test", "zone")?.resolution).toBe("ignore");
  });

  it("is for the admin only and needs a CSRF token to apply", async () => {
    await changeAtWedos("alice.test", ["www"]);
    await reconcile();
    const reseller = await h.visit({ level: "reseller", session: h.da.login("res1"), query: "p=/drift" });
    expect(reseller.stdout).toContain("This page does not exist.");
    const noToken = parseRaw(
      (
        await h.visit({
          level: "admin",
          file: "index.raw",
          session: h.da.login("admin"),
          method: "POST",
          query: "p=/drift/apply",
          post: form({ domain: "alice.test" }),
        })
      ).stdout,
    );
    expect(noToken.status).toBe(403);
    expect((await post("/drift/apply", { domain: "nowhere.test" })).status).toBe(404);
    expect(h.services.queue.active("apply-drift:alice.test")).toBeUndefined();
  });

  it("is shown in Czech", async () => {
    h.da.setLanguage("admin", "cs");
    expect(await driftPage()).toContain("Rozdíly mezi panelem a WEDOS");
  });
});
