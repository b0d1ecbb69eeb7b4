/** Where the matrix's global setup (build-packages.ts) put the packages. */
export function packagesDir(): string {
  const dir = process.env.WEDOS_PANEL_MATRIX_PACKAGES;
  if (dir === undefined || dir === "")
    throw new Error("WEDOS_PANEL_MATRIX_PACKAGES is not set: run the matrix with npm run test:matrix");
  return dir;
}
