import { writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { seedTenants, startWebHarness, type WebHarness } from "./support.js";
import { bigZone, leaveAlone } from "./zone-support.js";

let h: WebHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("a domain page for a zone file with thousands of problems", () => {
  it("lists 20 of them, counts the rest, and shows each as one line of text (no markup, no controls)", async () => {
    h = await startWebHarness();
    await seedTenants(h);
    const hostile = Array.from({ length: 5_000 }, (_, i) => `b${i} A 192.0.2.${256 + i}<script>\x1b[2J`).join("\n");
    writeFileSync(h.da.layout.zoneFile("alice.test"), `${bigZone("alice.test", 10)}${hostile}\n`);
    leaveAlone(h.da.layout.zoneFile("alice.test"));

    const page = (await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" }))
      .stdout;
    expect(page).toContain("cannot be read (5,000 problems)");
    expect(page).toContain("… and 4,980 more");
    expect(page.match(/alice\.test\.db:\d+: /g)).toHaveLength(20);
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("\x1b");
    expect(page.length).toBeLessThan(60_000);
  });
});
