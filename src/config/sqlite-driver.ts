import { ConfigError, SQLITE_DRIVER_VARIABLE } from "./load.js";
import { storeConfigSchema } from "./schema.js";

export type SqliteDriverChoice = ReturnType<typeof storeConfigSchema.parse>["driver"];

/**
 * The driver WEDOS_PANEL_SQLITE_DRIVER forces, or undefined when it is not set: for code that opens a database
 * without a loaded configuration (tests, the benchmark), so that one variable forces a driver everywhere.
 */
export function sqliteDriverFromEnvironment(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SqliteDriverChoice | undefined {
  const raw = env[SQLITE_DRIVER_VARIABLE]?.trim();
  if (raw === undefined || raw === "") return undefined;
  const parsed = storeConfigSchema.shape.driver.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError("environment", [
      `${SQLITE_DRIVER_VARIABLE}: "${raw}" is not a driver; say auto, native or builtin`,
    ]);
  return parsed.data;
}
