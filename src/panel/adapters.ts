import { PANEL_KINDS, type PanelKind } from "../model/panel-kind.js";
import type { PanelAdapter } from "./adapter.js";
import { cpanelAdapter } from "./cpanel/adapter.js";
import { directAdminAdapter } from "./directadmin/adapter.js";

/** One adapter per panel: a kind added to PanelKind without one here does not compile. */
const ADAPTERS: Readonly<Record<PanelKind, PanelAdapter>> = { directadmin: directAdminAdapter, cpanel: cpanelAdapter };

/**
 * The panel assumed where none is installed: a development machine, the demo and the tests run the emulated
 * DirectAdmin there. A real server has its panel's binary, so `"auto"` finds it.
 */
const WITHOUT_PANEL: PanelKind = "directadmin";

export function panelAdapter(kind: PanelKind): PanelAdapter {
  return ADAPTERS[kind];
}

/** Every panel's adapter, in PANEL_KINDS order. */
export function panelAdapters(): PanelAdapter[] {
  return PANEL_KINDS.map((kind) => ADAPTERS[kind]);
}

/** Which panel this server runs, from the `panel` setting (`"auto"`: the panel whose installation is found). */
export function panelKindOf(setting: PanelKind | "auto"): PanelKind {
  if (setting !== "auto") return setting;
  return panelAdapters().find((adapter) => adapter.detect())?.kind ?? WITHOUT_PANEL;
}

/** The adapter of the panel this server runs. */
export function serverPanel(setting: PanelKind | "auto"): PanelAdapter {
  return ADAPTERS[panelKindOf(setting)];
}
