import { describe, expect, test } from "vitest";
import {
  DnsDataError,
  formatIpv6,
  isAtOrBelow,
  nameFromAbsoluteText,
  nameFromRelativeText,
  nameFromText,
  parseIpv4,
  parseIpv6,
  presentationName,
  zoneNameFromText,
} from "../../src/dns/index.js";

describe("names", () => {
  test.each([
    ["www", "example.com", "www.example.com"],
    ["WWW.Example.COM.", undefined, "www.example.com"],
    ["example.com.", "example.com", "example.com"],
    ["@", "example.com", "example.com"],
    ["_dmarc", "example.com", "_dmarc.example.com"],
    ["*.dev", "example.com", "*.dev.example.com"],
    ["café.example.", undefined, "xn--caf-dma.example"],
    ["ČESKÉ-DOMÉNY.cz.", undefined, "xn--esk-domny-d4ae73b.cz"],
    ["Example.COM", undefined, "example.com"],
    ["xn--caf-dma.example.", undefined, "xn--caf-dma.example"],
    ["a\\.b.example.com.", undefined, "a\\.b.example.com"],
    ["a\\064b.example.com.", undefined, "a\\@b.example.com"],
    ["a\\032b.example.com.", undefined, "a\\032b.example.com"],
    ["a\\255b.example.com.", undefined, "a\\255b.example.com"],
    [".", undefined, ""],
  ])("nameFromText(%j, %j) is %j", (text, origin, expected) => {
    expect(nameFromText(text, origin)).toBe(expected);
  });

  test.each([
    ["a..b.example.com.", "empty label in name 'a..b.example.com.'"],
    [`${"a".repeat(64)}.example.com.`, "label too long"],
    [`${`${"a".repeat(63)}.`.repeat(4)}`, "name too long"],
    ["a\\256.example.com.", "bad escape \\256"],
    ["", "empty name"],
    ["a\\", "bad escape in name 'a\\'"],
  ])("nameFromText(%j) is refused: %s", (text, message) => {
    expect(() => nameFromText(text)).toThrow(DnsDataError);
    expect(() => nameFromText(text)).toThrow(message);
  });

  test("zone, relative and absolute helpers: the only places that take a trailing dot off", () => {
    expect(zoneNameFromText("Example.com")).toBe("example.com");
    expect(zoneNameFromText("example.com.")).toBe("example.com");
    expect(nameFromRelativeText("", "example.com")).toBe("example.com");
    expect(nameFromRelativeText("@", "example.com")).toBe("example.com");
    expect(nameFromRelativeText("WWW.", "example.com")).toBe("www.example.com");
    expect(nameFromRelativeText("*", "example.com")).toBe("*.example.com");
    expect(nameFromAbsoluteText("MAIL.example.net.")).toBe("mail.example.net");
    expect(nameFromAbsoluteText(" mail.example.net ")).toBe("mail.example.net");
    expect(presentationName("www.example.com")).toBe("www.example.com.");
    expect(presentationName("")).toBe(".");
  });

  test.each([
    ["www.example.com", "example.com", true],
    ["example.com", "example.com", true],
    ["badexample.com", "example.com", false],
    ["a\\.example.com", "example.com", false],
    ["example.com", "", true],
  ])("isAtOrBelow(%j, %j) is %j", (name, zone, expected) => {
    expect(isAtOrBelow(name, zone)).toBe(expected);
  });
});

describe("addresses", () => {
  test.each([
    ["192.0.2.1", "192.0.2.1"],
    ["0.0.0.0", "0.0.0.0"],
    ["255.255.255.255", "255.255.255.255"],
    ["192.0.2", undefined],
    ["192.0.2.256", undefined],
    ["192.0.2.01", undefined],
    ["192.0.2.1.", undefined],
    [" 192.0.2.1", undefined],
  ])("parseIpv4(%j) is %j", (text, expected) => {
    expect(parseIpv4(text)).toBe(expected);
  });

  test.each([
    ["2001:DB8::1", "2001:db8::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"],
    ["1:0:0:2:0:0:3:4", "1::2:0:0:3:4"],
    ["::", "::"],
    ["::1", "::1"],
    ["1::", "1::"],
    ["::ffff:192.0.2.1", "::ffff:192.0.2.1"],
    ["::FFFF:C000:201", "::ffff:192.0.2.1"],
    ["::192.0.2.1", "::192.0.2.1"],
    ["::0:1:2", "::0.1.0.2"],
    ["1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"],
    ["1:2:3:4:5:6:192.0.2.1", "1:2:3:4:5:6:c000:201"],
    ["1::2::3", undefined],
    ["1:2:3:4:5:6:7:8:9", undefined],
    ["12345::", undefined],
    ["::192.0.2", undefined],
    ["1.2.3.4::", undefined],
    ["g::1", undefined],
  ])("parseIpv6(%j) is %j", (text, expected) => {
    expect(parseIpv6(text)).toBe(expected);
  });

  test("formatIpv6 of groups", () => {
    expect(formatIpv6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0])).toBe("2001:db8::");
  });
});
