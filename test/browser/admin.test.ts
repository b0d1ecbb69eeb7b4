import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_WAPI } from "../../src/demo/stack.js";
import { reconcile as reconcileTask } from "../../src/provisioning/tasks/reconcile.js";
import {
  addCustomer,
  clearFaults,
  createUserInPanel,
  dnsSettled,
  domainRow,
  injectFaults,
  jobsSettled,
  listStatus,
  logIn,
  mainPageScreenshot,
  openAdminPage,
  openPlugin,
  pluginText,
  screenshot,
  showPluginPage,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  untilPageShows,
  type BrowserStack,
} from "./support.js";

/**
 * The admin's pages in the browser: all domains, operations (budget gauge, requests per hour, the audit log),
 * package policies (a change takes effect for the next account), WAPI settings with Test connection answered at
 * once, a failed job retried, and a zone found at WEDOS adopted.
 */
let b: BrowserStack;
let page: Page;

beforeAll(async () => {
  b = await startBrowserStack();
  await addCustomer(b, { username: "erin", domain: "erin.test" });
  await dnsSettled(b, "erin.test", "active");
  page = b.page;
  await logIn(page, b.url, "admin", b.password("admin"));
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

/** The cells of the table in a section of the operations page, row by row. */
async function tableRows(frame: FrameLocator, section: string): Promise<string[][]> {
  const rows = await frame.locator(`section.${section} tbody tr`).all();
  return Promise.all(
    rows.map(async (row) => (await row.locator("th, td").allTextContents()).map((cell) => cell.trim())),
  );
}

describe("an admin in the browser", { timeout: 90_000 }, () => {
  it("sees every domain, and on the operations page the budget gauge, requests per hour and the audit log", async () => {
    const frame = await openPlugin(page);
    expect(await frame.locator("h1").textContent()).toBe("All domains");
    expect(await listStatus(frame, "erin.test").textContent()).toBe("active");
    expect(await domainRow(frame, "erin.test").locator("td").first().textContent()).toBe("erin");
    await mainPageScreenshot(page, "en", "admin-home");

    await openAdminPage(frame, "operations");
    const budget = frame.locator("section.wedos-budget");
    const used = Number(/(\d+) of 1000/.exec((await budget.textContent()) ?? "")?.[1]);
    expect(used).toBeGreaterThan(0);
    expect(await budget.locator(".wedos-gauge").getAttribute("class")).toBe("wedos-gauge wedos-gauge-ok");
    expect(await budget.textContent()).toContain(
      `${used} of 1000 (200 kept for people's actions and new accounts), 0 rejected`,
    );
    const hours = await tableRows(frame, "wedos-budget-history");
    expect(hours).toHaveLength(24);
    expect(hours.at(-1)?.[1]).toMatch(new RegExp(`\\b${used}$`));
    const calls = await tableRows(frame, "wedos-audit-log");
    expect(
      calls.some(
        ([, command, domain, lane, outcome, code]) =>
          command === "dns-domain-add" &&
          domain === "erin.test" &&
          lane === "lifecycle" &&
          outcome === "success" &&
          code === "1000",
      ),
    ).toBe(true);
    expect(calls.some(([, command, domain]) => command === "dns-domain-commit" && domain === "erin.test")).toBe(true);
    await mainPageScreenshot(page, "en", "admin-operations");
  });

  it("saves a package policy that takes effect for the next account: a package without WEDOS DNS", async () => {
    // The admin made the package in the panel; the policies page offers the panel's packages.
    b.stack.da.createPackage("admin", "nodns");
    let frame = await showPluginPage(page, "admin", "/");
    await openAdminPage(frame, "policies");
    const editor = frame.locator("form.wedos-policy", { has: frame.locator("#policy-new-package") });
    await editor.getByLabel("Package of the panel", { exact: true }).selectOption("nodns");
    await editor.getByLabel("DNS", { exact: true }).selectOption({ label: "off (no WEDOS DNS)" });
    await editor.getByRole("button", { name: "Save" }).click();
    await frame.locator(".wedos-notice", { hasText: "The policy of nodns is saved." }).waitFor();
    expect(await frame.locator("legend").allTextContents()).toContain("Package nodns");
    await mainPageScreenshot(page, "en", "admin-policies");

    // An account created with the package gets no WEDOS zone.
    await createUserInPanel(page, {
      username: "frank",
      password: "Frank-pass-123",
      domain: "frank.test",
      package: "nodns",
    });
    await openPlugin(page);
    frame = await untilPageShows(page, "admin", "/", (each) => listStatus(each, "frank.test"), /^not managed$/);
    expect(await domainRow(frame, "frank.test").locator(".wedos-reason").textContent()).toBe(
      "the hosting package does not include WEDOS DNS",
    );
    expect(b.stack.sim.simulator.publishedZones().map((zone) => zone.name)).not.toContain("frank.test");
  });

  it("shows the WAPI settings without the password, and Test connection answers at once", async () => {
    let frame = await showPluginPage(page, "admin", "/");
    await openAdminPage(frame, "settings");
    expect(await frame.getByLabel("WAPI address").inputValue()).toContain(b.stack.sim.url);
    expect(await frame.getByLabel("WEDOS login").inputValue()).toBe(DEMO_WAPI.login);
    const password = frame.getByLabel("WAPI password");
    expect(await password.inputValue()).toBe("");
    expect(await frame.locator("#wedos-wapi-password-state").textContent()).toMatch(/set \(from .+\); never shown/);
    expect(await pluginText(page)).not.toContain(DEMO_WAPI.password);

    // Saving the form (the password written again) keeps the connection working; the value never comes back.
    await password.fill(DEMO_WAPI.password);
    await frame.getByRole("button", { name: "Save" }).click();
    await frame.locator(".wedos-notice", { hasText: "The WAPI settings are saved." }).waitFor();
    expect(await frame.getByLabel("WAPI password").inputValue()).toBe("");
    expect(await pluginText(page)).not.toContain(DEMO_WAPI.password);

    await frame.getByRole("button", { name: "Test connection" }).click();
    await frame.locator(".wedos-notice", { hasText: "The test is done" }).waitFor();
    frame = await untilPageShows(
      page,
      "admin",
      "/settings",
      (each) => each.locator("p.wedos-status"),
      /\d{4}, \d\d:\d\d: /,
    );
    expect(await frame.locator("p.wedos-status").getAttribute("class")).toContain("wedos-status-active");
    expect(
      b.stack.sim.simulator.dump().requestLog.filter((entry) => entry.command === "ping" && entry.code === 1000),
    ).toHaveLength(1);
    await mainPageScreenshot(page, "en", "admin-settings");
  });

  it("lists a job WEDOS refused among the failed jobs, and Retry brings its domain to active once the cause is gone", async () => {
    await injectFaults(b, { command: "dns-domain-add", kind: "wapi-code", code: 2322 });
    await addCustomer(b, { username: "gina", domain: "gina.test" });
    await dnsSettled(b, "gina.test", "error");
    await jobsSettled(b, "gina.test");

    let frame = await showPluginPage(page, "admin", "/operations");
    // Each of the account's hook events met the refusal; the list keeps the newest failed job of the work.
    expect((await tableRows(frame, "wedos-failed-jobs")).map(([, key]) => key)).toEqual(["provision-domain:gina.test"]);
    const failed = frame.locator("section.wedos-failed-jobs tbody tr", { hasText: "provision-domain:gina.test" });
    expect(await failed.locator(".wedos-reason").textContent()).toContain(
      'WEDOS refused the request (code 2322 "Maximum number of DNS domains exceeded")',
    );
    const job = (await failed.locator("th").first().textContent()) ?? "";
    await screenshot(page, "en-admin-failed-jobs");

    await clearFaults(b);
    await failed.getByRole("button", { name: "Retry" }).click();
    await frame.locator(".wedos-notice", { hasText: `Job ${job} is queued again.` }).waitFor();
    await untilPageShows(page, "admin", "/", (each) => listStatus(each, "gina.test"), /^active$/);
    frame = await showPluginPage(page, "admin", "/operations");
    expect(await frame.locator("section.wedos-failed-jobs").textContent()).toContain("No job has failed.");
  });

  it("shows a zone found at WEDOS that the plugin did not create as a conflict, and Adopt takes it over", async () => {
    // Someone created the zone at WEDOS before the panel's account existed (through WAPI, as another tool would).
    const { dns } = b.stack.services.wapi;
    await dns.domainAdd({ name: "helen.test" });
    await dns.rowAdd({ domain: "helen.test", name: "old", ttl: 300, type: "A", rdata: "198.51.100.7" });
    await dns.domainCommit("helen.test");
    await addCustomer(b, { username: "helen", domain: "helen.test" });
    await dnsSettled(b, "helen.test", "conflict");

    let frame = await showPluginPage(page, "admin", "/operations");
    const conflict = frame.locator("section.wedos-conflicts tbody tr", { hasText: "helen.test" });
    expect(await conflict.locator("td").first().textContent()).toBe("DNS zone");
    expect(await conflict.locator(".wedos-reason").textContent()).toContain(
      "it is taken over once the domain's owner approves (or an admin overrides with a reason), or an admin ignores it",
    );
    // Adopt leads to its preview: which records go which way, planned with one listing when the zone was found
    // (so its owner could be asked), then confirmed.
    await conflict.getByRole("button", { name: "Adopt" }).click();
    await frame.getByRole("heading", { name: "Adopt helen.test" }).waitFor();
    await frame.getByRole("button", { name: "Adopt: apply this" }).waitFor({ timeout: 30_000 });
    expect(await frame.locator("main, .wedos-main").first().textContent()).toContain(
      "deleted at WEDOS (not in the panel)",
    );
    // Adopting here is the admin's override of the owner's approval: only with a reason, kept in the history.
    await frame.getByLabel("Reason for taking it over").fill("moved from the former provider at the owner's request");
    await frame.getByRole("button", { name: "Adopt: apply this" }).click();
    await frame.locator(".wedos-notice", { hasText: "helen.test will be taken over and synced." }).waitFor();
    await untilPageShows(page, "admin", "/", (each) => listStatus(each, "helen.test"), /^active$/);
    const rows = b.stack.sim.simulator.publishedZones().find((zone) => zone.name === "helen.test")?.rows ?? [];
    expect(rows.some((row) => row.name === "mail" && row.type === "A")).toBe(true);
    expect(rows.some((row) => row.name === "old")).toBe(false);
    frame = await showPluginPage(page, "admin", "/operations");
    expect(await frame.locator("section.wedos-conflicts").textContent()).toContain("No conflicts.");
  });

  it("shows drift found by the reconciler as a plan preview on Conflicts and drift, and Apply puts WEDOS back in step", async () => {
    // A row the plugin owns is changed at WEDOS behind its back (as another tool or a person would).
    const { dns } = b.stack.services.wapi;
    const www = (await dns.rowsList("erin.test")).find((row) => row.name === "www" && row.type === "A");
    if (www === undefined) throw new Error("erin.test has no www A row at WEDOS");
    await dns.rowUpdate({ domain: "erin.test", rowId: www.id, ttl: www.ttl, rdata: "198.51.100.99" });
    await dns.domainCommit("erin.test");
    b.stack.services.queue.enqueue(reconcileTask, {}, { lane: "background" });
    b.stack.services.worker.nudge();
    await jobsSettled(b, "erin.test");

    const frame = await showPluginPage(page, "admin", "/");
    await openAdminPage(frame, "drift");
    const zone = frame.locator("section.wedos-drift article", { hasText: "erin.test" });
    expect(await zone.locator("li").allTextContents()).toContainEqual(expect.stringContaining("198.51.100.99"));
    await mainPageScreenshot(page, "en", "admin-drift");
    await zone.getByRole("button", { name: "Apply", exact: true }).click();
    await untilPageShows(
      page,
      "admin",
      "/drift",
      (each) => each.locator("section.wedos-drift"),
      /No differences found\./,
    );
    const published = b.stack.sim.simulator.publishedZones().find((each) => each.name === "erin.test")?.rows ?? [];
    expect(published.find((row) => row.name === "www" && row.type === "A")?.rdata).toBe("192.0.2.1");
  });
});
