import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-11-30T23:30:00Z"); // already 1 December in Prague
const START = "protection/start/monthly";

function cli() {
  const env = { WEDOS_PANEL_DATA_DIR: tempDir(), USER: "root" };
  return (...args: string[]) => runCliCaptured(["billing", ...args], env, clock);
}

describe("wedos-panel billing price", () => {
  it("sets a wholesale price, lists the current prices and keeps the history with source and day", async () => {
    const billing = cli();
    expect((await billing("price", "set", START, "99")).stdout).toBe(
      `${START}: 99.00 CZK (admin by cli root, 2026-12-01)\n`,
    );
    await billing("price", "set", START, "109,50");
    const list = (await billing("price", "list")).stdout.split("\n");
    expect(list[0]).toBe("zone: no price yet");
    expect(list).toContain(`${START}: 109.50 CZK (admin by cli root, 2026-12-01)`);
    expect((await billing("price", "history", START)).stdout).toBe(
      `${START}: 109.50 CZK (admin by cli root, 2026-12-01)\n${START}: 99.00 CZK (admin by cli root, 2026-12-01)\n`,
    );
    expect((await billing("price", "set", "zone", "0.50", "--currency", "eur")).stdout).toContain("zone: 0.50 EUR");
  });

  it("refuses a bad product or amount with what to write", async () => {
    const billing = cli();
    const product = await billing("price", "set", "hosting", "1");
    expect(product.status).toBe(2);
    expect(product.stderr).toBe(
      'wedos-panel billing: "hosting" is not a product: use zone or protection/<start|advanced|expert>/<monthly|yearly>; see "wedos-panel billing --help"\n',
    );
    expect((await billing("price", "set", START, "9.999")).stderr).toContain(
      '"9.999" is not an amount: write digits with at most two decimals',
    );
    expect((await billing("price", "set", START, "1", "--currency", "koruna")).stderr).toContain(
      '"koruna" is not a currency code',
    );
    expect((await billing("price")).stderr).toContain("use: billing price list");
    expect((await billing("prices")).stderr).toContain('unknown sub-command "prices"; use one of price, offer');
  });
});

describe("wedos-panel billing offer", () => {
  it("takes an offer from draft to published, refuses to edit it, and publishes a clone in its place", async () => {
    const billing = cli();
    await billing("price", "set", START, "100");
    expect((await billing("offer", "create", "gold", "--name", "Gold")).stdout).toBe(
      'offer 1 "Gold" for package gold: draft since 2026-12-01, 0 product(s) in CZK\n  no products yet\n',
    );
    expect((await billing("offer", "line", "1", "zone", "--price", "49", "--suspended", "free")).status).toBe(0);
    const line = await billing("offer", "line", "1", START, "--markup", "20", "--renewal", "lapse");
    expect(line.stdout).toBe(
      'offer 1 "Gold" for package gold: draft since 2026-12-01, 2 product(s) in CZK\n' +
        `  ${START}: markup 20.00 % -> 120.00 CZK + 21 % VAT = 145.20 CZK; billed while suspended; lapse\n` +
        "  zone: fixed 49.00 CZK -> 49.00 CZK + 21 % VAT = 59.29 CZK; free while suspended; renew\n",
    );
    expect((await billing("offer", "publish", "1")).stdout).toContain("published since 2026-12-01");
    const edit = await billing("offer", "line", "1", "zone", "--price", "50");
    expect(edit.status).toBe(2);
    expect(edit.stderr).toContain(
      "offer 1 is published: only a draft can be edited: clone the offer and edit the clone",
    );
    expect((await billing("offer", "clone", "1", "--name", "Gold 2027")).stdout).toContain(
      'offer 2 "Gold 2027" for package gold: draft since 2026-12-01, 2 product(s) in CZK, cloned from offer 1',
    );
    await billing("offer", "remove-line", "2", "zone");
    expect((await billing("offer", "publish", "2")).stdout).toContain("Offer 1 is deactivated: offer 2 replaces it.\n");
    const shown = (await billing("offer", "show", "1")).stdout;
    expect(shown).toContain('offer 1 "Gold" for package gold: deactivated since 2026-12-01');
    expect(shown).toMatch(/History:\n {2}2026-11-30T23:30:00.000Z cli root: offer.deactivate \{"replacedBy":2\}\n/);
    const listed = JSON.parse((await billing("offer", "list", "--json")).stdout) as Array<{
      id: number;
      status: string;
    }>;
    expect(listed.map((offer) => [offer.id, offer.status])).toEqual([
      [2, "published"],
      [1, "deactivated"],
    ]);
  });

  it("refuses a markup WEDOS's currency cannot carry and asks for a fixed price", async () => {
    const billing = cli();
    await billing("price", "set", START, "4", "--currency", "EUR");
    await billing("offer", "create", "*", "--name", "Default");
    const refused = await billing("offer", "line", "1", START, "--markup", "25");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      `${START}: WEDOS charges it in EUR but the offer sells in CZK: a markup works only within one currency, ` +
        "give a fixed price in CZK instead",
    );
    expect((await billing("offer", "line", "1", START, "--price", "120")).status).toBe(0);
    expect((await billing("offer", "publish", "7")).stderr).toContain("there is no offer 7");
    expect((await billing("offer", "publish", "x")).stderr).toContain("give the offer's number");
    expect((await billing("offer", "create", "gold")).stderr).toContain("give the offer a name with --name");
  });
});

describe("wedos-panel billing offer and VAT as configured", () => {
  it("shows a consumer price with VAT included, and no VAT for a provider who is not a payer", async () => {
    const dir = tempDir();
    const config = `${dir}/config.json`;
    const env = { WEDOS_PANEL_DATA_DIR: dir, WEDOS_PANEL_CONFIG: config, USER: "root" };
    const billing = (...args: string[]) => runCliCaptured(["billing", ...args], env, clock);
    writeFileSync(config, JSON.stringify({ billing: { currency: "EUR", pricesIncludeVat: true, vatRateBp: 2100 } }));
    await billing("offer", "create", "gold", "--name", "Gold");
    expect((await billing("offer", "line", "1", "zone", "--price", "1.21")).stdout).toContain(
      "zone: fixed 1.21 EUR -> 1.21 EUR incl. 21 % VAT (net 1.00 EUR)",
    );
    writeFileSync(config, JSON.stringify({ billing: { currency: "EUR", vatRateBp: 0 } }));
    expect((await billing("offer", "show", "1")).stdout).toContain("zone: fixed 1.21 EUR -> 1.21 EUR; billed");
  });
});
