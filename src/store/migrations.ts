import type { Migration } from "./migrations/migration.js";
import { VERSIONS_1_TO_4 } from "./migrations/versions-01-04.js";
import { VERSIONS_5_TO_14 } from "./migrations/versions-05-14.js";
import { VERSIONS_15_TO_29 } from "./migrations/versions-15-29.js";
import { VERSIONS_FROM_30 } from "./migrations/versions-30-on.js";

/**
 * Numbered schema migrations, applied in order inside one transaction each and tracked with `PRAGMA user_version`.
 * Never edit a released migration; add the next number at the end of migrations/versions-30-on.ts.
 */
export const MIGRATIONS: readonly Migration[] = [
  ...VERSIONS_1_TO_4,
  ...VERSIONS_5_TO_14,
  ...VERSIONS_15_TO_29,
  ...VERSIONS_FROM_30,
];
