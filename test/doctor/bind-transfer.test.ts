import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkBindTransfers } from "../../src/doctor/bind-transfer.js";
import { tempDir } from "../support/temp-dir.js";

function namedConf(text: string): string {
  const file = join(tempDir(), "named.conf");
  writeFileSync(file, text);
  return file;
}

describe("checkBindTransfers", () => {
  it.each([
    ["the WEDOS range", "options { allow-transfer { 127.0.0.1; 46.28.104.64/27; }; };", "ok"],
    ["a wider block", "options {\n  allow-transfer { 46.28.0.0/16; };\n};", "ok"],
    ["any", "options { allow-transfer { any; }; };", "ok"],
    ["only part of the range", "options { allow-transfer { 46.28.104.64/28; }; };", "fail"],
    ["another network", "options { allow-transfer { 192.0.2.0/24; }; };", "fail"],
    ["a commented-out statement", "options {\n // allow-transfer { any; };\n};", "fail"],
    ["an ACL name", "options { allow-transfer { secondaries; }; };", "warn"],
  ])("%s", (_case, text, status) => {
    expect(checkBindTransfers(namedConf(text)).status).toBe(status);
  });

  it("says what to add when transfers are not allowed", () => {
    const file = namedConf('options { directory "/var/named"; };');
    expect(checkBindTransfers(file).message).toBe(
      `${file} has no allow-transfer statement, so WEDOS cannot pull secondary zones; add: allow-transfer { 46.28.104.64/27; }; and reload BIND`,
    );
  });
});
