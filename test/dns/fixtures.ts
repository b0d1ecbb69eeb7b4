import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The zone-file fixtures: `<case>.db` must load; `bad-<case>.db` must be refused. All are zones of example.com. */
export const ZONE_DIR = join(import.meta.dirname, "..", "fixtures", "zones");
export const ZONE_ORIGIN = "example.com";

const all = readdirSync(ZONE_DIR)
  .filter((file) => file.endsWith(".db"))
  .sort();
export const GOOD_ZONES = all.filter((file) => !file.startsWith("bad-"));
export const BAD_ZONES = all.filter((file) => file.startsWith("bad-"));

export function zonePath(file: string): string {
  return join(ZONE_DIR, file);
}

export function zoneBytes(file: string): Buffer {
  return readFileSync(zonePath(file));
}
