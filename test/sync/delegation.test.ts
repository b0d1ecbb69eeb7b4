import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupDelegation } from "../../src/sync/delegation.js";
import { startTestDns, type TestDns } from "../support/dns-server.js";

const WEDOS = ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"];
let dns: TestDns;
beforeAll(async () => {
  dns = await startTestDns(["test"]);
  dns.delegate("seen.test", WEDOS);
  dns.delegate("partial.test", ["ns.wedos.net", "ns1.other.example"]);
  dns.delegate("elsewhere.test", ["ns2.other.example", "ns1.other.example"]);
});
afterAll(async () => {
  await dns.close();
});

describe("lookupDelegation", () => {
  it.each([
    ["seen.test", { status: "seen", nameservers: [...WEDOS].sort(), detail: undefined }],
    ["partial.test", { status: "partial", nameservers: ["ns.wedos.net", "ns1.other.example"], detail: undefined }],
    [
      "elsewhere.test",
      { status: "elsewhere", nameservers: ["ns1.other.example", "ns2.other.example"], detail: undefined },
    ],
    ["never-registered.test", { status: "unregistered", nameservers: [], detail: undefined }],
  ] as const)("%s", async (domain, expected) => {
    expect(await lookupDelegation(domain, dns.address, WEDOS)).toEqual(expected);
  });

  it("looks for the configured whitelabel name servers instead of WEDOS's own", async () => {
    const whitelabel = ["ns1.provider.example", "ns2.provider.example"];
    dns.delegate("whitelabel.test", whitelabel);
    expect((await lookupDelegation("whitelabel.test", dns.address, whitelabel)).status).toBe("seen");
    expect((await lookupDelegation("whitelabel.test", dns.address, WEDOS)).status).toBe("elsewhere");
    expect((await lookupDelegation("seen.test", dns.address, whitelabel)).status).toBe("elsewhere");
  });

  it("reports a resolver that gives no usable answer, with its error code", async () => {
    // The server holds no zone above example.invalid, so it refuses the question.
    expect(await lookupDelegation("example.invalid", dns.address, WEDOS)).toEqual({
      status: "unanswered",
      nameservers: [],
      detail: "EREFUSED",
    });
  });
});
