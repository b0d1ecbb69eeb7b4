import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csrfTokenIn, form, startProvisionedHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startProvisionedHarness();
});
afterEach(async () => {
  await h.close();
});

const syncNow = async () => {
  const token = csrfTokenIn((await h.visit({ level: "user", session: h.da.login("alice") })).stdout);
  return (
    await h.visit({
      level: "user",
      session: h.da.login("alice"),
      method: "POST",
      query: "p=/sync",
      post: form({ domain: "alice.test", csrf: token }),
    })
  ).stdout;
};
const listings = () =>
  (h.sim?.simulator.dump().requestLog ?? []).filter((entry) => entry.command === "dns-rows-list").length;

describe("what the page answers a customer who clicks Sync now again", () => {
  it("says in words that the sync is already waiting, then when the next one runs and why", async () => {
    h.clock.set("2026-03-10T09:30:00Z");
    expect(await syncNow()).toContain("A sync of alice.test has been queued; it runs within a minute.");
    expect(await syncNow()).toContain(
      "A sync of alice.test is already waiting in the queue; it runs within a minute. Clicking again adds nothing.",
    );
    const before = listings();
    await h.services.worker.runUntilIdle();
    expect(listings()).toBe(before + 1);
    h.clock.advance(60_000);
    const answer = await syncNow();
    expect(answer).toContain(
      "alice.test was synced at 10 Mar 2026, 09:30. A domain is synced on request at most once every 5 minutes (WEDOS allows this server only so many requests an hour, shared by all customers), so the next sync is queued for 10 Mar 2026, 09:35; clicking again will not make it sooner.",
    );
    expect(answer).not.toMatch(/code \d|WAPI|2006|\/var\//);
    await h.services.worker.runUntilIdle();
    expect(listings()).toBe(before + 1);
  });
});
