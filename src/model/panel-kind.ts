/**
 * The hosting panels the plugin runs in. Each has one adapter (src/panel/adapters.ts); a kind added here makes the
 * compiler name every place that must learn about it (docs/adding-a-panel.md).
 */
export const PANEL_KINDS = ["directadmin", "cpanel"] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];
