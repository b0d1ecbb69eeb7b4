import { readZoneFile, type ZoneFileResult } from "../dns/index.js";
import { AppError } from "../errors.js";

/** Reads and parses a zone file, turning a missing or unreadable file into an error that says what to do. */
export async function loadZoneFile(file: string, origin: string): Promise<ZoneFileResult> {
  try {
    return await readZoneFile(file, origin);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("zone_file_unreadable", `cannot read the zone file ${file} (${(error as Error).message}); check dns.zoneDir (WEDOS_PANEL_ZONE_DIR) or the path you gave`);
  }
}
