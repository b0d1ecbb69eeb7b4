import { existsSync } from "node:fs";
import type { PanelKind } from "./panel.js";

/** cPanel's own binary: its presence is how "panel": "auto" recognises a cPanel & WHM server. */
const CPANEL_BINARY = "/usr/local/cpanel/cpanel";

/** The panel this server runs, from the `panel` setting ("auto" looks for cPanel, else DirectAdmin). */
export function panelKindOf(setting: PanelKind | "auto"): PanelKind {
  if (setting !== "auto") return setting;
  return existsSync(CPANEL_BINARY) ? "cpanel" : "directadmin";
}
