import { describe, expect, it } from "vitest";
import {
  domainName,
  readKeyValues,
  readNames,
  readOwners,
  writeKeyValues,
  writeOwners,
} from "../../src/emulators/files/lines.js";

describe("the emulators' panel files", () => {
  it("read key=value files split at the first =, skipping blanks and comments, a later key winning", () => {
    const conf = readKeyValues("# cPanel -- a warning\nDNS=bob.test\n\nnote=a=b\nDNS=alice.test\n", "users/bob");
    expect([...conf]).toEqual([
      ["DNS", "alice.test"],
      ["note", "a=b"],
    ]);
    expect(
      writeKeyValues(
        new Map([
          ["z", "1"],
          ["a", "2"],
        ]),
      ),
    ).toBe("a=2\nz=1\n");
    expect(() => readKeyValues("ok=1\nno equals sign\n", "users/bob")).toThrow("users/bob:2: expected key=value");
  });

  it("read domain: user files in file order and write them back the same", () => {
    const text = "bob.test: bob\nalice.test: alice\n";
    expect(writeOwners(readOwners(text, "domainowners"))).toBe(text);
    expect(() => readOwners("bob.test bob\n", "domainowners")).toThrow("domainowners:1: expected domain: user");
  });

  it("read one name per line, a pointer line's name before its first =", () => {
    expect(readNames("bob.test\n\nbob-p1.test=type=alias\nbob.test\n")).toEqual(["bob.test", "bob-p1.test"]);
  });

  it("take domain names as the panels store them", () => {
    expect(domainName(" Bob.TEST. ")).toBe("bob.test");
    expect(domainName("München.test")).toBe("xn--mnchen-3ya.test");
    for (const bad of ["bob", "-bob.test", "bob..test", "../etc.test", ""])
      expect(domainName(bad), bad).toBeUndefined();
  });
});
