import type { Level } from "./identity/identity.js";
import type { PageMode } from "./protocol.js";

/** The plugin's id in plugin.conf; DirectAdmin's URLs carry it (the plugin directory must be named after it). */
export const PLUGIN_ID = "wedos";

/** DirectAdmin's URL prefix per level (directadmin.md §A3.1): the user level is CMD_PLUGINS, not CMD_PLUGINS_USER. */
export const PLUGIN_URL_PREFIX: Readonly<Record<Level, string>> = { user: "/CMD_PLUGINS", reseller: "/CMD_PLUGINS_RESELLER", admin: "/CMD_PLUGINS_ADMIN" };

/** Where DirectAdmin serves the plugin's `images/` (static files) for this level. */
export function assetUrl(level: Level, file: string): string {
  return `${PLUGIN_URL_PREFIX[level]}/${PLUGIN_ID}/images/${file}`;
}

/**
 * A link to a plugin page, staying in the mode the visitor is in: `index.html?p=<path>&…` (embedded) or
 * `index.raw?p=…`. Every plugin page goes through the one entry file; the page is the `p` parameter.
 */
export function pageUrl(level: Level, mode: PageMode, path: string, params: Readonly<Record<string, string>> = {}): string {
  const query = new URLSearchParams(path === "/" ? params : { p: path, ...params }).toString();
  return `${PLUGIN_URL_PREFIX[level]}/${PLUGIN_ID}/index.${mode}${query === "" ? "" : `?${query}`}`;
}
