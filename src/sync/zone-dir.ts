import { existsSync } from "node:fs";
import { AppError } from "../errors.js";

/** Where DirectAdmin keeps zone files: /var/named on RHEL-family systems, /etc/bind on Debian. */
const CANDIDATES = ["/var/named", "/etc/bind"];

/** The configured zone directory, or the first standard one that exists. */
export function resolveZoneDir(configured: string | undefined): string {
  if (configured !== undefined) return configured;
  const found = CANDIDATES.find((dir) => existsSync(dir));
  if (found === undefined)
    throw new AppError(
      "zone_dir_unknown",
      `no zone directory found (looked in ${CANDIDATES.join(" and ")}); set dns.zoneDir or WEDOS_PANEL_ZONE_DIR`,
    );
  return found;
}
