import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wapiAuth } from "../../src/wapi/auth.js";
import { createWapi, type Wapi } from "../../src/wapi/index.js";
import { PRODUCT_VERSION } from "../../src/package-info.js";
import { startRecordingProxy, type RecordingProxy } from "../support/recording-proxy.js";
import { LOGIN, PASSWORD, startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";

let h: WedosHarness;
let proxy: RecordingProxy;
let wapi: Wapi;

beforeEach(async () => {
  h = await startWedosHarness({ simulator: { wgpActivationDelaySeconds: 0 } });
  proxy = await startRecordingProxy(h.sim.url);
  wapi = createWapi({ ...h.config, wapi: { ...h.config.wapi, url: proxy.url } }, h.db, h.clock);
  await h.wapi.dns.domainAdd({ name: "example.test" });
  await h.wapi.dns.domainAdd({ name: "backup.test", type: "secondary", primaryIp: "192.0.2.53" });
  await h.wapi.dns.rowAdd({ domain: "example.test", name: "www", ttl: 300, type: "A", rdata: "192.0.2.1" });
});
afterEach(async () => {
  await wapi.close();
  await proxy.close();
  await h.close();
});

/** The `request` object the client sent last, decoded the way WEDOS decodes the form. */
function lastRequest(): Record<string, unknown> {
  const body = proxy.bodies.at(-1) ?? "";
  return (JSON.parse(new URLSearchParams(body).get("request") ?? "null") as { request: Record<string, unknown> })
    .request;
}

const rowId = async () => (await h.wapi.dns.rowsList("example.test"))[0]?.id ?? "";

// The exact request each typed method sends (docs/reference/wapi.md#request-envelope and the command sections).
describe("request bodies", () => {
  it.each<[string, (w: Wapi, id: string) => Promise<unknown>, string, unknown]>([
    ["ping", (w) => w.account.ping(), "ping", undefined],
    ["credit-info", (w) => w.account.creditInfo(), "credit-info", undefined],
    ["poll-req", (w) => w.account.pollReq(), "poll-req", undefined],
    ["dns-domains-list", (w) => w.dns.domainsList(), "dns-domains-list", undefined],
    ["dns-domain-info", (w) => w.dns.domainInfo("example.test"), "dns-domain-info", { name: "example.test" }],
    [
      "dns-domain-add (primary)",
      (w) => w.dns.domainAdd({ name: "new.test" }),
      "dns-domain-add",
      { name: "new.test", type: "primary" },
    ],
    [
      "dns-domain-add (AXFR out)",
      (w) => w.dns.domainAdd({ name: "x.test", axfrIps: ["192.0.2.9"] }),
      "dns-domain-add",
      { name: "x.test", type: "primary", axfr_enabled: 1, axfr_ips: { ip: ["192.0.2.9"] } },
    ],
    [
      "dns-domain-add (secondary)",
      (w) => w.dns.domainAdd({ name: "s.test", type: "secondary", primaryIp: "192.0.2.53" }),
      "dns-domain-add",
      { name: "s.test", type: "secondary", primary_ip: "192.0.2.53" },
    ],
    ["dns-domain-delete", (w) => w.dns.domainDelete("example.test"), "dns-domain-delete", { name: "example.test" }],
    ["dns-domain-commit", (w) => w.dns.domainCommit("example.test"), "dns-domain-commit", { name: "example.test" }],
    ["dns-domain-axfr-run", (w) => w.dns.domainAxfrRun("backup.test"), "dns-domain-axfr-run", { name: "backup.test" }],
    ["dns-rows-list", (w) => w.dns.rowsList("example.test"), "dns-rows-list", { domain: "example.test" }],
    [
      "dns-row-detail",
      (w, id) => w.dns.rowDetail("example.test", id),
      "dns-row-detail",
      { domain: "example.test", row_id: "ID" },
    ],
    [
      "dns-row-add",
      (w) =>
        w.dns.rowAdd({
          domain: "example.test",
          name: "",
          ttl: 3600,
          type: "TXT",
          rdata: "v=spf1 a ~all",
          comment: "wedos-panel",
        }),
      "dns-row-add",
      { domain: "example.test", name: "", ttl: 3600, type: "TXT", rdata: "v=spf1 a ~all", auth_comment: "wedos-panel" },
    ],
    [
      "dns-row-update",
      (w, id) => w.dns.rowUpdate({ domain: "example.test", rowId: id, ttl: 600, rdata: "192.0.2.2" }),
      "dns-row-update",
      { domain: "example.test", row_id: "ID", ttl: 600, rdata: "192.0.2.2" },
    ],
    [
      "dns-row-delete",
      (w, id) => w.dns.rowDelete({ domain: "example.test", rowId: id }),
      "dns-row-delete",
      { domain: "example.test", row_id: "ID" },
    ],
    [
      "wgp-domain-create",
      (w) =>
        w.wgp.domainCreate({
          domain: "example.test",
          variant: "expert",
          period: "monthly",
          upstreamIps: ["192.0.2.1"],
          mode: "ns",
        }),
      "wgp-domain-create",
      { domain: "example.test", variant_id: 3, period_id: 1, upstream_ips: ["192.0.2.1"], mode: "ns" },
    ],
    ["wgp-services-list", (w) => w.wgp.servicesList(), "wgp-services-list", undefined],
  ])("%s", async (_name, call, command, data) => {
    const id = await rowId();
    await call(wapi, id);
    const request = lastRequest();
    const expectedData =
      data === undefined ? undefined : JSON.parse(JSON.stringify(data).replaceAll('"ID"', JSON.stringify(id)));
    expect(request).toEqual({
      user: LOGIN,
      auth: wapiAuth(LOGIN, PASSWORD, h.clock.now()),
      command,
      clTRID: expect.stringMatching(/^wp-[0-9a-z]+-[0-9a-f]{20}$/),
      ...(expectedData === undefined ? {} : { data: expectedData }),
    });
    expect(proxy.headers.at(-1)?.["content-type"]).toBe("application/x-www-form-urlencoded; charset=utf-8");
    expect(proxy.headers.at(-1)?.["user-agent"]).toBe(
      `wedos-panel/${PRODUCT_VERSION} (hosting-panel plugin; DirectAdmin/cPanel)`,
    );
  });

  it("poll-ack sends the notification id", async () => {
    await h.wapi.wgp.domainCreate({ domain: "example.test", variant: "start", period: "monthly", mode: "cname" });
    const notification = await h.wapi.account.pollReq();
    await wapi.account.pollAck(notification?.id ?? "");
    expect(lastRequest()).toMatchObject({ command: "poll-ack", data: { id: notification?.id } });
  });
});
