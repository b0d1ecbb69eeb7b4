import type { DescribedMigration } from "../schema/describe.js";
import { FLEET_V1 } from "./schema/v1-shared-budget-queue-owners.js";

/**
 * The fleet database's migrations, in order: each is described once (store/schema/describe.ts) and applied in one
 * transaction. Never edit a released one; add the next number in its own file under schema/.
 */
export const FLEET_MIGRATIONS: readonly DescribedMigration[] = [FLEET_V1];

export const FLEET_SCHEMA_VERSION = FLEET_MIGRATIONS.at(-1)?.version ?? 0;
