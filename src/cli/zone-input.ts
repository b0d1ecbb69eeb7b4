import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseZoneFile, type ZoneFileResult } from "../dns/index.js";
import { AppError } from "../errors.js";
import type { Panel } from "../panel/panel.js";

/** Reads and parses a zone file, turning a missing or unreadable file into an error that says what to do. */
export async function loadZoneFile(file: string, origin: string): Promise<ZoneFileResult> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    throw new AppError(
      "zone_file_unreadable",
      `cannot read the zone file ${file} (${(error as Error).message}); check dns.zoneDir (WEDOS_PANEL_ZONE_DIR) or the path you gave`,
    );
  }
  return parseZoneFile(content, { origin, fileName: basename(file) });
}

/** Reads and parses the panel's own zone file of a domain (through the panel reader on an installed server). */
export async function loadPanelZone(panel: Panel, origin: string): Promise<ZoneFileResult> {
  const zone = await panel.zoneFile(origin);
  if (zone.content === undefined)
    throw new AppError(
      "zone_file_unreadable",
      `the panel has no zone file ${zone.path}; check the domain and the zone directory (dns.zoneDir), or give the file with --zone-file`,
    );
  return parseZoneFile(zone.content, { origin });
}
