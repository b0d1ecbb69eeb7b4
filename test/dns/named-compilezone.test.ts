import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";
import { BAD_ZONES, GOOD_ZONES, ZONE_ORIGIN, zonePath } from "./fixtures.js";

/**
 * The honest proof of "the same presentation form as named-compilezone": every fixture goes through the real
 * BIND tool (bind9-utils; .ci/run installs it) and through our reader and formatRecord, and the lines must be
 * equal. `-i local` runs the integrity checks named itself runs (no DNS lookups for names outside the zone).
 */
function namedCompilezone(
  file: string,
  path = zonePath(file),
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("named-compilezone", ["-i", "local", "-s", "full", "-o", "-", ZONE_ORIGIN, path], {
    encoding: "latin1",
  });
  if (result.error !== undefined) {
    throw new Error(
      `named-compilezone could not run (${result.error.message}); install it with: apt-get install -y bind9-utils`,
    );
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Our model folds names to lower case (DNS names are case-insensitive, RFC 4343); BIND prints the case it saw
 * first. These fixtures exist to test that folding, so they are compared without regard to case.
 */
const CASE_FOLDED = new Set(["mixed-case.db", "duplicates.db"]);

/**
 * Types BIND knows whose presentation form we do not read: we print them in the RFC 3597 form, so these fixtures
 * are compared through BIND reading our output back (below), not line by line.
 */
const PRINTED_GENERIC = new Set(["foreign-generic-only.db"]);

/** Bad fixtures BIND loads, and why we refuse them all the same (the message says so too). */
const BIND_ACCEPTS: Readonly<Record<string, RegExp>> = {
  // BIND warns "TTL 2147483648 > MAXTTL, setting TTL to 0" and serves TTL 0; a TTL that large is a typo.
  "bad-ttl-out-of-range.db": /> MAXTTL, setting \$TTL to 0/,
  // BIND expands $GENERATE; we read records only as they are written.
  "bad-generate.db": /loaded serial/,
  // BIND reads X25 in its presentation form; we read such rarely used types only in the RFC 3597 form.
  "bad-foreign-presentation.db": /loaded serial/,
};

/** `wedos-panel zone parse FILE --origin ZONE`, in-process. */
const zoneParse = (file: string) =>
  runCliCaptured(["zone", "parse", zonePath(file), "--origin", ZONE_ORIGIN], {}, new ManualClock(0));

const sorted = (lines: string[], fold: boolean) => lines.map((line) => (fold ? line.toLowerCase() : line)).sort();
/** BIND's records, without the comments it adds (`; resign=` after an RRSIG). */
const records = (output: string) => output.split("\n").filter((line) => line !== "" && !line.startsWith(";"));

describe("wedos-panel zone parse prints exactly what named-compilezone -s full prints", () => {
  test.each(GOOD_ZONES.filter((file) => !PRINTED_GENERIC.has(file)))("%s", async (file) => {
    const bind = namedCompilezone(file);
    expect(bind.status, bind.stderr).toBe(0);
    const cli = await zoneParse(file);
    expect(cli.status, cli.stderr).toBe(0);
    const ours = cli.stdout.split("\n").filter((line) => line !== "");
    expect(sorted(ours, CASE_FOLDED.has(file))).toEqual(sorted(records(bind.stdout), CASE_FOLDED.has(file)));
  });
});

describe("what zone parse prints, BIND reads back to the very zone it reads from the file (data kept byte for byte)", () => {
  test.each(GOOD_ZONES)("%s", async (file) => {
    const cli = await zoneParse(file);
    expect(cli.status, cli.stderr).toBe(0);
    const printed = join(tempDir(), file);
    writeFileSync(printed, cli.stdout, "latin1");
    const fromOurs = namedCompilezone(file, printed);
    expect(fromOurs.status, fromOurs.stderr).toBe(0);
    const fromFile = namedCompilezone(file);
    expect(sorted(records(fromOurs.stdout), CASE_FOLDED.has(file))).toEqual(
      sorted(records(fromFile.stdout), CASE_FOLDED.has(file)),
    );
  });
});

describe("a file BIND refuses, we refuse", () => {
  test.each(BAD_ZONES)("%s", async (file) => {
    const cli = await zoneParse(file);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(
      new RegExp(
        `^wedos-panel zone: zone file ${file.replace(".", "\\.")} cannot be read \\(\\d+ problems?\\); fix the file`,
      ),
    );
    const bind = namedCompilezone(file);
    const accepted = BIND_ACCEPTS[file];
    if (accepted === undefined) {
      expect(bind.status, `BIND loaded ${file}`).not.toBe(0);
    } else {
      expect(bind.status).toBe(0);
      expect(bind.stderr).toMatch(accepted);
    }
  });
});
