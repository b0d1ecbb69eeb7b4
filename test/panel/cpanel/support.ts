import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CpanelHookPayload } from "../../../src/emulators/cpanel/index.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures", "cpanel");

/** The fixture names: one per registered event (test/fixtures/cpanel/README.md). */
export const FIXTURE_NAMES = [
  "whostmgr-accounts-create",
  "whostmgr-accounts-remove",
  "whostmgr-accounts-suspendacct",
  "whostmgr-accounts-unsuspendacct",
  "whostmgr-accounts-change-package",
  "cpanel-api2-addondomain-addaddondomain",
  "cpanel-api2-addondomain-deladdondomain",
  "cpanel-api2-park-park",
  "cpanel-api2-park-unpark",
  "cpanel-api2-subdomain-addsubdomain",
  "cpanel-api2-subdomain-delsubdomain",
  "cpanel-uapi-subdomain-addsubdomain",
  "cpanel-uapi-dns-mass-edit-zone",
  "cpanel-api2-zoneedit-add-zone-record",
  "cpanel-api2-zoneedit-edit-zone-record",
  "cpanel-api2-zoneedit-remove-zone-record",
] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

/**
 * A fresh copy of a payload fixture; `data` is merged over the fixture's data (and `args` over its args), so a
 * test can name another user or domain while keeping every other field cPanel sends.
 */
export function payload(name: FixtureName, data: Record<string, unknown> = {}): CpanelHookPayload {
  const fixture = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")) as CpanelHookPayload;
  const { args, ...rest } = data;
  const merged: Record<string, unknown> = { ...fixture.data, ...rest };
  if (args !== undefined)
    merged.args = { ...(fixture.data.args as Record<string, unknown>), ...(args as Record<string, unknown>) };
  return { ...fixture, data: merged };
}
