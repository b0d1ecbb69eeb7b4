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
    ["elsewhere.test", { status: "elsewhere", nameservers: ["ns1.other.example", "ns2.other.example"], detail: undefined }],
    ["never-registered.test", { status: "unregistered", nameservers: [], detail: undefined }],
  ] as const)("%s", async (domain, expected) => {
    expect(await lookupDelegation(domain, dns.address)).toEqual(expected);
  });

  it("reports a resolver that gives no usable answer, with its error code", async () => {
    // The server holds no zone above example.invalid, so it refuses the question.
    expect(await lookupDelegation("example.invalid", dns.address)).toEqual({ status: "unanswered", nameservers: [], detail: "EREFUSED" });
  });
});
