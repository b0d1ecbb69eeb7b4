import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authAt, LOGIN, parseAnswer, rowsOf, seedZone, startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness({ clTRIDMaxLength: 20, maxRequestBytes: 4096 });
});
afterEach(() => harness.close());

const envelope = (fields: Record<string, unknown>) => JSON.stringify({ request: fields });

describe("envelope errors, one by one", () => {
  const cases: Array<[string, () => string, number]> = [
    ["an empty request field", () => "", 2009],
    ["a blank request field", () => "   ", 2009],
    ["a request that is not JSON", () => "{not json", 2000],
    ["JSON without a request object", () => JSON.stringify({ command: "ping" }), 2000],
    ["a request that is a string", () => JSON.stringify({ request: "ping" }), 2000],
    ["no user", () => envelope({ auth: authAt(harness.clock.now()), command: "ping" }), 2001],
    ["an empty user", () => envelope({ user: "", auth: authAt(harness.clock.now()), command: "ping" }), 2001],
    ["no auth", () => envelope({ user: LOGIN, command: "ping" }), 2002],
    ["no command", () => envelope({ user: LOGIN, auth: authAt(harness.clock.now()) }), 2003],
    [
      "a clTRID over the limit",
      () => envelope({ user: LOGIN, auth: authAt(harness.clock.now()), command: "ping", clTRID: "x".repeat(21) }),
      2005,
    ],
    [
      "a clTRID that is an object",
      () => envelope({ user: LOGIN, auth: authAt(harness.clock.now()), command: "ping", clTRID: { a: 1 } }),
      2000,
    ],
    [
      "an unknown command",
      () => envelope({ user: LOGIN, auth: authAt(harness.clock.now()), command: "dns-domain-update" }),
      2010,
    ],
    [
      "a command in the wrong case",
      () => envelope({ user: LOGIN, auth: authAt(harness.clock.now()), command: "PING" }),
      2010,
    ],
    [
      "data that is a string",
      () => envelope({ user: LOGIN, auth: authAt(harness.clock.now()), command: "ping", data: "x" }),
      2101,
    ],
  ];

  it.each(cases)("%s → %i, over HTTP 200", async (_label, field, code) => {
    const answer = await harness.postRequestField(field());
    expect(answer.status).toBe(200);
    expect(answer.response.code).toBe(code);
  });

  it("answers a body without the request field with 2009", async () => {
    const response = await fetch(harness.running.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "other=1",
    });
    expect((await parseAnswer(response)).response.code).toBe(2009);
  });

  it("answers raw application/json (no form field) with 2009", async () => {
    const response = await fetch(harness.running.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: envelope({ user: LOGIN, auth: authAt(harness.clock.now()), command: "ping" }),
    });
    expect((await parseAnswer(response)).response.code).toBe(2009);
  });

  it("answers GET with 2009", async () => {
    const answer = await parseAnswer(await fetch(harness.running.url));
    expect(answer.status).toBe(200);
    expect(answer.response.code).toBe(2009);
  });

  it("answers a body over the size limit with 2007", async () => {
    const answer = await harness.call("ping", { padding: "x".repeat(5000) });
    expect(answer.response.code).toBe(2007);
  });

  it("answers other paths with a plain 404", async () => {
    const response = await fetch(harness.running.url.replace("/wapi/json", "/wapi/xml"), { method: "POST" });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not Found\n");
  });

  it("accepts data: [] for a command without parameters", async () => {
    expect((await harness.call("ping", [])).response.code).toBe(1000);
  });
});

describe("response envelope", () => {
  it("orders fields like real output and types them as WEDOS does", async () => {
    const answer = await harness.call("dns-domains-list", undefined, { clTRID: "wp-0001" });
    expect(Object.keys(answer.response)).toEqual([
      "code",
      "result",
      "timestamp",
      "clTRID",
      "svTRID",
      "command",
      "data",
    ]);
    expect(answer.response).toMatchObject({
      code: 1000,
      result: "OK",
      timestamp: Date.parse("2026-01-15T10:30:00Z") / 1000,
      clTRID: "wp-0001",
      command: "dns-domains-list",
    });
    expect(answer.response["svTRID"]).toMatch(/^1768473000\.\d{4}\.\d+\.\d+$/);
    expect(answer.text.startsWith('{"response":{"code":1000,')).toBe(true);
  });

  it("omits clTRID when the request had none, and data when the command returns nothing", async () => {
    const answer = await harness.call("ping");
    expect(Object.keys(answer.response)).toEqual(["code", "result", "timestamp", "svTRID", "command"]);
  });

  it("echoes clTRID and command in error answers", async () => {
    const answer = await harness.call("dns-domain-info", { name: "missing.test" }, { clTRID: "wp-err" });
    expect(answer.response).toMatchObject({ code: 3222, clTRID: "wp-err", command: "dns-domain-info" });
  });

  it("gives every answer a different svTRID", async () => {
    const first = await harness.call("ping");
    const second = await harness.call("ping");
    expect(first.response["svTRID"]).not.toBe(second.response["svTRID"]);
  });
});

describe("body encodings", () => {
  // Characters that standard form decoding changes when a client forgets to percent-encode.
  const tricky = "v=DKIM1; k=rsa; p=MIIB+a/b%2Bc&d==";

  it.each(["urlencoded", "multipart"] as const)("reads %s bodies with standard form decoding", async (encoding) => {
    await seedZone(harness, "example.test");
    const add = await harness.call(
      "dns-row-add",
      { domain: "example.test", name: "key._domainkey", ttl: 3600, type: "TXT", rdata: tricky },
      { encoding },
    );
    expect(add.response.code).toBe(1000);
    const list = await harness.call("dns-rows-list", { domain: "example.test" }, { encoding });
    expect(rowsOf(list).map((row) => row["rdata"])).toEqual([tricky]);
  });

  it("decodes + as a space in an unencoded urlencoded body, as a PHP server would", async () => {
    await seedZone(harness, "example.test");
    const json = envelope({
      user: LOGIN,
      auth: authAt(harness.clock.now()),
      command: "dns-row-add",
      data: { domain: "example.test", name: "txt", ttl: 3600, type: "TXT", rdata: "a+b" },
    });
    const response = await fetch(harness.running.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `request=${json}`,
    });
    expect((await parseAnswer(response)).response.code).toBe(1000);
    const list = await harness.call("dns-rows-list", { domain: "example.test" });
    expect(rowsOf(list)[0]?.["rdata"]).toBe("a b");
  });
});
