// The highest GLIBC_ and GLIBCXX_ symbol versions a shared object needs (objdump -T): what decides the oldest
// Linux it loads on. Used by the build (printed per shipped driver) and by the matrix's check.
import { execFileSync } from "node:child_process";
import { CEILINGS } from "./targets.mjs";

/** @returns {{ GLIBC: string | undefined, GLIBCXX: string | undefined }} */
export function highestSymbolVersions(file) {
  const table = execFileSync("objdump", ["-T", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const highest = { GLIBC: undefined, GLIBCXX: undefined };
  for (const [, library, version] of table.matchAll(/\b(GLIBC|GLIBCXX)_(\d+(?:\.\d+)*)\b/g)) {
    if (highest[library] === undefined || compareVersions(version, highest[library]) > 0) highest[library] = version;
  }
  return highest;
}

/** What is above the EL 8 ceilings (empty when the file loads there). */
export function aboveCeilings(versions) {
  return Object.entries(CEILINGS).flatMap(([library, ceiling]) =>
    versions[library] !== undefined && compareVersions(versions[library], ceiling) > 0
      ? [`${library}_${versions[library]} (at most ${library}_${ceiling})`]
      : [],
  );
}

export function describeVersions(versions) {
  return `GLIBC_${versions.GLIBC ?? "none"}, GLIBCXX_${versions.GLIBCXX ?? "none"}`;
}

export function compareVersions(a, b) {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
