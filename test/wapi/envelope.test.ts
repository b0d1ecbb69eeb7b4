import { describe, expect, it } from "vitest";
import { encodeRequestBody, newClTRID, parseReply } from "../../src/wapi/envelope.js";

describe("encodeRequestBody", () => {
  it("sends the whole JSON document percent-encoded in the form field `request`", () => {
    const body = encodeRequestBody({
      user: "user@example.com",
      auth: "ac28237e80e68efa3bfd07f42dca3d41c5986e01",
      command: "dns-row-add",
      clTRID: "wp-1",
      data: { domain: "example.com", name: "", ttl: 300, type: "TXT", rdata: "v=DKIM1; k=rsa; p=AB+c/d=&e%" },
    });
    expect(body).toBe(
      "request=%7B%22request%22%3A%7B%22user%22%3A%22user%40example.com%22%2C%22auth%22%3A%22ac28237e80e68efa3bfd07f42dca3d41c5986e01%22%2C%22command%22%3A%22dns-row-add%22%2C%22clTRID%22%3A%22wp-1%22%2C%22data%22%3A%7B%22domain%22%3A%22example.com%22%2C%22name%22%3A%22%22%2C%22ttl%22%3A300%2C%22type%22%3A%22TXT%22%2C%22rdata%22%3A%22v%3DDKIM1%3B+k%3Drsa%3B+p%3DAB%2Bc%2Fd%3D%26e%25%22%7D%7D%7D",
    );
    // Standard form decoding gives back exactly what was sent (`+`, `&`, `=`, `%` intact).
    const decoded = JSON.parse(new URLSearchParams(body).get("request") ?? "");
    expect(decoded.request.data.rdata).toBe("v=DKIM1; k=rsa; p=AB+c/d=&e%");
  });

  it("omits data for commands without parameters and marks test mode as 1", () => {
    const body = encodeRequestBody({ user: "u", auth: "a", command: "ping", clTRID: "c", test: 1 });
    expect(new URLSearchParams(body).get("request")).toBe(
      '{"request":{"user":"u","auth":"a","command":"ping","clTRID":"c","test":1}}',
    );
  });
});

describe("newClTRID", () => {
  it("is unique and at most 40 characters", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newClTRID()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(40);
  });
});

describe("parseReply", () => {
  it("reads a response envelope with a numeric code", () => {
    const reply = parseReply({
      response: { code: 1000, result: "OK", timestamp: 1, clTRID: "c", svTRID: "s", command: "ping" },
    });
    expect(reply).toEqual({
      code: 1000,
      result: "OK",
      timestamp: 1,
      clTRID: "c",
      svTRID: "s",
      command: "ping",
      data: {},
    });
  });

  it("treats data serialised as an empty PHP array as no data", () => {
    const reply = parseReply({
      response: { code: 1000, result: "OK", command: "dns-domains-list", clTRID: "c", data: [] },
    });
    expect(reply).toMatchObject({ data: {} });
  });

  it.each([
    [{ reply: {} }, "response: Invalid input: expected object, received undefined"],
    [{ response: { result: "OK" } }, "response.code: Invalid input"],
  ])("explains a shape that is not a WAPI response", (json, message) => {
    expect(parseReply(json)).toContain(message);
  });
});
