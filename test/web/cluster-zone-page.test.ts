import { afterEach, beforeEach, expect, it } from "vitest";
import { seedTenants, startWebHarness, visitMainPage, type WebHarness } from "./support.js";

// A zone another DirectAdmin cluster server pushed here and this server provisions (directadmin.provisionClusterZones)
// has no local owner: the admin sees where it belongs; no account's own list shows it (docs/decisions/0013).
let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  h.inventory.upsertClusterZone("remote.test", h.clock.now());
});
afterEach(async () => {
  await h.close();
});

const rowOf = (html: string, domain: string) =>
  new RegExp(`<tr[^>]*>(?:(?!</tr>)[\\s\\S])*${domain.replace(".", "\\.")}(?:(?!</tr>)[\\s\\S])*</tr>`).exec(html)?.[0];

it("the admin's domain list names the cluster as the owner of a pushed zone, in the admin's language", async () => {
  expect(rowOf(await visitMainPage(h, "admin", "html", "/"), "remote.test")).toContain("another server of the cluster");
  expect(rowOf(await visitMainPage(h, "admin", "html", "/", "cs"), "remote.test")).toContain("jiný server clusteru");
});

it("no account's own list shows a pushed zone", async () => {
  expect(await visitMainPage(h, "user", "html", "/")).not.toContain("remote.test");
  expect(await visitMainPage(h, "reseller", "html", "/")).not.toContain("remote.test");
});
