import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import Ajv from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { BillingTokenStore } from "../../src/store/billing-token-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { ledgerInput } from "../support/ledger-entry.js";
import { startWebHarness, type WebHarness } from "./support.js";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let h: WebHarness;
let tokens: BillingTokenStore;

/** A real HTTP request to the daemon's web listener (its Unix socket), as a billing system's proxy would send it. */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: h.web.address, path, method: "GET", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const errorOf = (answer: Answer) => (JSON.parse(answer.body) as { error: string }).error;
const customersOf = (answer: Answer) =>
  (JSON.parse(answer.body) as { resellers: Array<{ customers: Array<{ customer: string }> }> }).resellers.flatMap(
    (reseller) => reseller.customers.map((customer) => customer.customer),
  );

const ZONE = ledgerInput({ retail: money(3000, "CZK"), billedWhileSuspended: true, offerId: null });

beforeAll(async () => {
  h = await startWebHarness();
  const ledger = new UsageLedgerStore(h.services.db);
  for (const [username, reseller] of [
    ["alice", "res1"],
    ["bob", "res1"],
    ["carol", "res2"],
    ["root-customer", null],
  ] as const) {
    ledger.append({ ...ZONE, eventKey: `zone:${username}`, username, reseller, domain: `${username}.test` }, 1);
  }
  tokens = new BillingTokenStore(h.services.db);
}, 60_000);

afterAll(async () => {
  await h.close();
});

describe("the statements pull API", () => {
  it("answers no token with 401, a challenge and what to do, and logs the refusal", async () => {
    const answer = await get("/api/billing/v1/statements?month=2026-11");
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toBe('Bearer realm="wedos-panel billing"');
    expect(errorOf(answer)).toMatch(/^this API needs a token: send Authorization: Bearer <token>;/);
    expect(tokens.uses(1)[0]).toMatchObject({
      tokenId: null,
      status: 401,
      request: "GET /api/billing/v1/statements?month=2026-11",
    });
  });

  it("refuses an unknown token, another scheme, and a token in the address (logged without it)", async () => {
    const { secret } = tokens.create({ name: "leaky", reseller: null, actor: "cli root", now: 1 });
    const unknown = await get("/api/billing/v1/statements?month=2026-11", bearer(`${secret}0`));
    expect([unknown.status, unknown.headers["www-authenticate"]]).toEqual([
      401,
      'Bearer realm="wedos-panel billing", error="invalid_token"',
    ]);
    expect(errorOf(unknown)).toBe("the token is unknown or revoked: ask the provider's admin for a new one");
    const basic = await get("/api/billing/v1/statements?month=2026-11", { authorization: "Basic YTpi" });
    expect(basic.status).toBe(401);
    const inAddress = await get(`/api/billing/v1/statements?month=2026-11&access_token=${secret}`, bearer(secret));
    expect(inAddress.status).toBe(400);
    expect(errorOf(inAddress)).toMatch(/never in the address; revoke this token/);
    expect(tokens.uses(1)[0]?.request).toBe("GET /api/billing/v1/statements?month=2026-11&access_token=%28removed%29");
    expect(JSON.stringify(tokens.uses(100))).not.toContain(secret.slice(13));
    expect(h.logs.join("\n")).not.toContain(secret.slice(13));
  });

  it("gives a token for every reseller the whole month, valid against the schema, never cached", async () => {
    const { token, secret } = tokens.create({ name: "whmcs", reseller: null, actor: "cli root", now: 1 });
    const answer = await get("/api/billing/v1/statements?month=2026-11", bearer(secret));
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.headers["cache-control"]).toBe("no-store");
    const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, "docs", "billing-export.schema.json"), "utf8")) as object;
    const validate = new Ajv().compile(schema);
    expect(validate(JSON.parse(answer.body)), JSON.stringify(validate.errors)).toBe(true);
    expect(customersOf(answer)).toEqual(["root-customer", "alice", "bob", "carol"]);
    expect(JSON.parse(answer.body)).toMatchObject({ totals: { retail: { amount: "120.00", currency: "CZK" } } });
    expect(tokens.uses(1)[0]).toMatchObject({ tokenId: token.id, status: 200, outcome: "4 customer statement(s)" });
    expect(h.logs.at(-1)).toContain(`billing api: token ${token.id} (${token.hint}…) from`);

    const bob = await get("/api/billing/v1/statements?month=2026-11&customer=bob&format=csv", bearer(secret));
    expect(bob.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(bob.body.split("\r\n")[1]).toBe(
      "1,2026-11,line,res1,bob,bob.test,zone,days,2026-11-01,2026-11-30,30,0,CZK,30.00,,,30.00,,,,,2",
    );
  });

  it("keeps a reseller's token to its own customers", async () => {
    const { secret } = tokens.create({ name: "res1 billing", reseller: "res1", actor: "admin admin", now: 1 });
    const own = await get("/api/billing/v1/statements?month=2026-11", bearer(secret));
    expect(customersOf(own)).toEqual(["alice", "bob"]);
    expect(JSON.parse(own.body)).toMatchObject({ scope: { kind: "reseller", reseller: "res1" } });
    const other = await get("/api/billing/v1/statements?month=2026-11&reseller=res2", bearer(secret));
    expect([other.status, errorOf(other)]).toEqual([403, "this token reads the statements of reseller res1 only"]);
    const foreignCustomer = await get("/api/billing/v1/statements?month=2026-11&customer=carol", bearer(secret));
    expect([foreignCustomer.status, customersOf(foreignCustomer)]).toEqual([200, []]);
    const ownCustomer = await get("/api/billing/v1/statements?month=2026-11&customer=alice", bearer(secret));
    expect(customersOf(ownCustomer)).toEqual(["alice"]);
  });

  it("refuses a revoked token at its next request", async () => {
    const { token, secret } = tokens.create({ name: "old", reseller: null, actor: "cli root", now: 1 });
    expect((await get("/api/billing/v1/statements?month=2026-11", bearer(secret))).status).toBe(200);
    tokens.revoke(token.id, "cli root", 2);
    const after = await get("/api/billing/v1/statements?month=2026-11", bearer(secret));
    expect([after.status, errorOf(after)]).toEqual([
      401,
      "the token is unknown or revoked: ask the provider's admin for a new one",
    ]);
  });

  it("says what is wrong with a request", async () => {
    const { secret } = tokens.create({ name: "typos", reseller: null, actor: "cli root", now: 1 });
    const cases: Array<[string, number, string]> = [
      ["/api/billing/v1/statements", 400, "give the month of the statements, e.g. month=2026-11"],
      [
        "/api/billing/v1/statements?month=2026-13",
        400,
        'month: "2026-13" is not a month: write it as YYYY-MM, e.g. 2026-11',
      ],
      [
        "/api/billing/v1/statements?month=2026-11&reseller=a&customer=b",
        400,
        "ask for one reseller or one customer, not both",
      ],
      [
        "/api/billing/v1/statements?month=2026-11&resseller=a",
        400,
        "unknown parameter resseller: this endpoint takes month, reseller, customer, format",
      ],
      ["/api/billing/v1/statements?month=2026-11&format=xml", 400, "format is json (the default) or csv"],
      [
        "/api/billing/v1/invoices",
        404,
        "no such endpoint: GET /api/billing/v1/statements?month=YYYY-MM is the one there is",
      ],
    ];
    for (const [path, status, message] of cases) {
      const answer = await get(path, bearer(secret));
      expect([path, answer.status, errorOf(answer)]).toEqual([path, status, message]);
    }
  });

  it("leaves the panel pages' endpoint as it was: the API is not a way into the pages", async () => {
    const { secret } = tokens.create({ name: "pages", reseller: null, actor: "cli root", now: 1 });
    const page = await get("/v1/page/admin/html", bearer(secret));
    expect(page.status).toBe(404);
    expect(page.body).toMatch(/^wedos-panel: unknown endpoint/);
  });
});
