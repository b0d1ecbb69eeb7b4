import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PasswordBook, parseRawResponse } from "../../../../src/emulators/directadmin/front/index.js";
import { html, trusted } from "../../../../src/emulators/directadmin/front/html.js";
import { readRecordInput } from "../../../../src/emulators/directadmin/front/record-input.js";
import { templateRecords } from "../../../../src/emulators/directadmin/index.js";
import { tempDir } from "../../../support/temp-dir.js";

describe("parseRawResponse", () => {
  it.each([
    [
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-A: b: c\r\n\r\nbody\r\n\r\nmore",
      {
        status: 200,
        headers: [
          ["Content-Type", "text/plain"],
          ["X-A", "b: c"],
        ],
        body: "body\r\n\r\nmore",
      },
    ],
    ["HTTP/1.0 302 Found\nLocation: /x\n\n", { status: 302, headers: [["Location", "/x"]], body: "" }],
    ["HTTP/1.1 404\r\n\r\n", { status: 404, headers: [], body: "" }],
  ])("reads %j", (output, expected) => {
    expect(parseRawResponse(output)).toEqual(expected);
  });

  it.each([
    ["<p>a fragment</p>"],
    ["HTTP/1.1 200 OK\r\nno header line\r\n\r\n"],
    ["HTTP/2 200\r\n\r\n"],
    ["HTTP/1.1 999 Odd\r\n\r\n"],
    ["HTTP/1.1 200 OK\r\nContent-Type: text/plain"],
  ])("refuses %j", (output) => {
    expect(parseRawResponse(output)).toBeUndefined();
  });
});

describe("html templates", () => {
  it("escape every value but nested templates and trusted snippets", () => {
    const name = `<script>"x" & 'y'</script>`;
    expect(
      html`<p title="${name}">${name}${html`<b>${name}</b>`}${[html`<i>1</i>`, "<2>"]}${false}${undefined}${trusted("<hr>")}</p>`
        .text,
    ).toBe(
      '<p title="&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;">&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;<b>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</b><i>1</i>&lt;2&gt;<hr></p>',
    );
  });
});

describe("PasswordBook", () => {
  it("verifies the password it was given and nothing else, and keeps only a salted hash in a 0600 file", () => {
    const file = join(tempDir(), "passwords.json");
    const book = new PasswordBook(file);
    book.set("bob", "Correct horse 1");
    book.set("carol", "Correct horse 1");
    expect(book.verify("bob", "Correct horse 1")).toBe(true);
    expect(book.verify("bob", "correct horse 1")).toBe(false);
    expect(book.verify("nobody", "Correct horse 1")).toBe(false);
    const stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    expect(stored.bob).not.toBe(stored.carol);
    expect(readFileSync(file, "utf8")).not.toContain("Correct horse");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new PasswordBook(file).verify("carol", "Correct horse 1")).toBe(true);
    book.remove("bob");
    expect(new PasswordBook(file).verify("bob", "Correct horse 1")).toBe(false);
  });
});

describe("readRecordInput", () => {
  const zone = templateRecords("bob.test", {
    ip: "192.0.2.1",
    nameservers: ["ns1.da.example.net", "ns2.da.example.net"],
    serial: 2026031001,
  });
  const read = (name: string, type: string, value: string, ttl = "") =>
    readRecordInput("bob.test", zone, { name, type, ttl, value });

  it("reads a zone-file line relative to the zone, with BIND's rules", () => {
    expect(read("www2", "A", "192.0.2.7", "600")).toEqual({
      name: "www2.bob.test",
      type: "A",
      ttl: 600,
      data: { address: "192.0.2.7" },
    });
    expect(read("@", "MX", "20 mx.example.net.")).toEqual({
      name: "bob.test",
      type: "MX",
      ttl: 3600,
      data: { preference: 20, exchange: "mx.example.net" },
    });
    expect(read("", "TXT", 'v=x; "quoted" \\ end')).toMatchObject({
      name: "bob.test",
      type: "TXT",
      data: { strings: ['v=x; "quoted" \\ end'] },
    });
  });

  it.each([
    ["www", "A", "192.0.2.1\n@ IN NS evil.example.", "the value must be on one line"],
    ["$INCLUDE", "A", "192.0.2.1", "is not a record name"],
    ["x", "PTR", "a.example.", "the record type must be one of"],
    ["x", "A", "", "the value is empty"],
    ["x", "A", "300.1.1.1", "the record cannot be read"],
    ["www", "CNAME", "bob.test.", "the record cannot be read"],
    ["www", "A", "192.0.2.1", "the zone already has that A record"],
  ])("refuses %s %s %j", (name, type, value, message) => {
    expect(() => read(name, type, value)).toThrow(message);
  });
});
