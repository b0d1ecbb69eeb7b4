import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  accountWithForeignZone,
  csrfTokenIn,
  form,
  parseRaw,
  startProvisionedHarness,
  type WebHarness,
} from "./support.js";
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
        // As the page's forms send it: the action comes back to the drift page (src/web/origin.ts).
        query: `p=${path}&back=/drift`,
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

describe("truthful drift states, Check now, and Adopt with a preview", () => {
  const domainPage = async (domain: string, level: "admin" | "user" = "admin", user = "admin") =>
    (await h.visit({ level, session: h.da.login(user), query: `p=/domains/${domain}` })).stdout;

  it("never says 'no differences' before anything was compared", async () => {
    // Zones provisioned by a version that kept no comparisons (every sync records one now).
    h.services.db.exec("DELETE FROM zone_drift");
    const page = await driftPage();
    expect(page).toContain("The check has not run yet. No zone has been compared with WEDOS yet.");
    expect(page).toContain("Nothing to show yet: no zone has been compared with WEDOS.");
    expect(page).not.toContain("No differences found.");
    expect(await domainPage("alice.test")).toContain(
      "This zone has not been compared with WEDOS yet, so nothing is known about differences.",
    );
  });

  it("Check now queues one listing in the interactive lane, joins repeated clicks, and then tells what it found", async () => {
    h.services.db.exec("DELETE FROM zone_drift");
    const token = csrfTokenIn(await domainPage("alice.test"));
    const click = async () =>
      parseRaw(
        (
          await h.visit({
            level: "admin",
            file: "index.raw",
            session: h.da.login("admin"),
            method: "POST",
            query: "p=/drift/check",
            post: form({ domain: "alice.test", csrf: token }),
          })
        ).stdout,
      );
    const first = await click();
    expect(first.body).toContain("A comparison of alice.test with WEDOS is queued.");
    expect(first.body).toContain("<h1>Domain alice.test</h1>");
    expect(first.body).toContain("check queued");
    const job = h.services.queue.active("check-drift:alice.test");
    expect(job?.lane).toBe("interactive");
    const second = await click();
    expect(second.body).toContain("was already queued; it answers this click too");
    expect(
      h.services.queue.list({ states: ["queued"], limit: 10 }).filter((j) => j.task === "check-drift"),
    ).toHaveLength(1);

    const before = requestsAtWedos();
    await h.services.worker.runUntilIdle();
    expect(requestsAtWedos() - before).toBe(1);
    expect(await domainPage("alice.test")).toContain(
      "WEDOS held what the panel holds when last compared (10 Mar 2026, 09:00).",
    );
    expect(await driftPage()).toContain("No differences found.");

    await changeAtWedos("alice.test", ["www"]);
    await click();
    await h.services.worker.runUntilIdle();
    const differs = await domainPage("alice.test");
    expect(differs).toContain("WEDOS differed from the panel when last compared");
    expect(differs).toContain("See the differences (Conflicts and drift)");
    // Customers do not get the admin's comparison.
    expect(await domainPage("alice.test", "user", "alice")).not.toContain("Compared with WEDOS");
  });

  it("previews an adoption (which records, which way), asks for confirmation, and the lists then agree", async () => {
    await accountWithForeignZone(h, "judy");
    expect(h.inventory.domain("judy.test")?.dnsStatus).toBe("conflict");
    expect(await domainPage("judy.test")).toContain("was at WEDOS before the plugin");

    const preview = async () =>
      (
        await h.visit({
          level: "admin",
          session: h.da.login("admin"),
          query: "p=/drift/adopt&domain=judy.test&kind=zone",
        })
      ).stdout;
    // The preview was planned when the zone was found (for the owner's adoption request).
    expect(await preview()).toContain("Records go one way, panel → WEDOS:");
    // Adopting is the admin's override of the owner's approval: refused without a reason; nothing is decided.
    expect((await post("/drift/adopt", { domain: "judy.test", kind: "zone" })).status).toBe(400);
    expect(h.services.tasks.conflicts.get("judy.test", "zone")?.resolution).toBeNull();

    const before = requestsAtWedos();
    await post("/drift/check", { domain: "judy.test", adopt: "1" });
    await h.services.worker.runUntilIdle();
    expect(requestsAtWedos() - before).toBe(1);
    expect(published("judy.test", "old")).toBe("198.51.100.1");
    const planned = await preview();
    expect(planned).toContain("Records go one way, panel → WEDOS:");
    expect(planned).toMatch(/<code>- [^<]*old[^<]*<\/code><\/td><td>deleted at WEDOS \(not in the panel\)<\/td>/);
    expect(planned).toMatch(/<td>panel → WEDOS: added at WEDOS<\/td>/);
    expect(planned).toContain("Adopt: apply this");

    const resellerList = async () =>
      (await h.visit({ level: "reseller", session: h.da.login("res1"), query: "" })).stdout;
    expect(await resellerList()).toMatch(/judy\.test[\s\S]{0,400}wedos-status-conflict/);
    const reason = "moved from the old provider with the customer";
    const adopted = await post("/drift/adopt", { domain: "judy.test", kind: "zone", reason });
    expect(adopted.body).toContain("judy.test will be taken over and synced.");
    // At once, before the job ran: no list says "conflict" any more.
    expect(await resellerList()).not.toMatch(/judy\.test[\s\S]{0,400}wedos-status-conflict/);
    await h.services.worker.runUntilIdle();
    expect(h.inventory.domain("judy.test")?.dnsStatus).toBe("active");
    expect(published("judy.test", "old")).toBeUndefined();
    const adminList = (await h.visit({ level: "admin", session: h.da.login("admin"), query: "status=problems" }))
      .stdout;
    expect(adminList).not.toContain("judy.test");
    // The override is the adoption request's, with the admin's reason in its history.
    const request = h.services.adoptions.latest("judy.test");
    expect(request?.state).toBe("done");
    expect(h.services.adoptions.history(request?.id ?? 0).find((event) => event.to === "approved")).toMatchObject({
      actor: "admin admin",
      note: reason,
    });
  });

  it("offers Adopt anyway when the preview passes the safety threshold, and applies it only when forced", async () => {
    await accountWithForeignZone(h, "kim", 12);
    await post("/drift/check", { domain: "kim.test", adopt: "1" });
    await h.services.worker.runUntilIdle();
    const preview = (
      await h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/drift/adopt&domain=kim.test&kind=zone" })
    ).stdout;
    expect(preview).toContain("Applying is refused without force:");
    expect(preview).toContain('<input type="hidden" name="force" value="1">');
    expect(preview).toContain("Adopt anyway: apply this past the safety threshold");
    expect((await post("/drift/adopt", { domain: "kim.test", kind: "zone" })).status).toBe(409);
    expect(h.services.tasks.conflicts.get("kim.test", "zone")?.resolution).toBeNull();

    await post("/drift/adopt", { domain: "kim.test", kind: "zone", force: "1", reason: "the customer's wish" });
    expect(h.services.queue.active("take-over-adoption:kim.test")?.lane).toBe("interactive");
    await h.services.worker.runUntilIdle();
    expect(h.inventory.domain("kim.test")?.dnsStatus).toBe("active");
    expect(published("kim.test", "old5")).toBeUndefined();
    expect(published("kim.test", "www")).toBe("192.0.2.10");
  });

  it("adopts a protection found at WEDOS without a plan: nothing changes there", async () => {
    h.services.tasks.conflicts.flag("bob.test", "protection", "a protection for bob.test exists at WEDOS", 0);
    const preview = (
      await h.visit({
        level: "admin",
        session: h.da.login("admin"),
        query: "p=/drift/adopt&domain=bob.test&kind=protection",
      })
    ).stdout;
    expect(preview).toContain("nothing changes at WEDOS, and the plugin manages it");
    expect(preview).not.toContain("Prepare the preview");
    const adopted = await post("/drift/adopt", { domain: "bob.test", kind: "protection", reason: "bought by bob" });
    expect(adopted.status).toBe(200);
    expect(h.services.tasks.conflicts.get("bob.test", "protection")?.resolution).toBe("adopt");
    expect(h.inventory.domain("bob.test")?.dnsStatus).toBe("active");
  });
});
