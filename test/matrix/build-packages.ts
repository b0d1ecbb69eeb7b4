import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The matrix's global setup: both packages as `npm run build` makes them — with the portable drivers, built or
 * taken from the matrix cache — once for every matrix file (WEDOS_PANEL_MATRIX_PACKAGES names the directory).
 */
export default function buildPortablePackages(): () => void {
  const root = join(import.meta.dirname, "..", "..");
  const dir = mkdtempSync(join(tmpdir(), "wedos-panel-matrix-"));
  const started = Date.now();
  const output = execFileSync(
    process.execPath,
    [join(root, "build", "package.mjs"), "--out", join(dir, "dist"), "--stage", join(dir, "stage")],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  process.stdout.write(`${output}(packages built in ${Math.round((Date.now() - started) / 1000)} s)\n`);
  process.env.WEDOS_PANEL_MATRIX_PACKAGES = join(dir, "dist");
  process.env.WEDOS_PANEL_MATRIX_BUILD_OUTPUT = output;
  return () => rmSync(dir, { recursive: true, force: true });
}
