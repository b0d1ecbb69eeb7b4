import type { Level } from "./identity/identity.js";
import type { PageMode } from "./protocol.js";

/** The plugin's id in plugin.conf; DirectAdmin's URLs carry it (the plugin directory must be named after it). */
export const PLUGIN_ID = "wedos";

/**
 * DirectAdmin's URL prefix per level (docs/reference/directadmin.md#urls): the user level is CMD_PLUGINS, not
 * CMD_PLUGINS_USER.
 */
export const PLUGIN_URL_PREFIX: Readonly<Record<Level, string>> = {
  user: "/CMD_PLUGINS",
  reseller: "/CMD_PLUGINS_RESELLER",
  admin: "/CMD_PLUGINS_ADMIN",
};

/**
 * The cPanel & WHM entries (cpanel/README.md): Jupiter's `wedos_panel/index.live.pl` for an account, WHM's
 * `cgi/wedos-panel/index.cgi` for the admin. cpsrvd's URLs to them start with the session's `/cpsess…` token, so
 * links are relative to the entry — they stay inside the session and its directory whatever the token.
 */
export const CPANEL_ENTRY: Readonly<Record<Level, string>> = {
  user: "index.live.pl",
  reseller: "index.live.pl",
  admin: "index.cgi",
};

/**
 * Where the page's static file is: DirectAdmin serves the plugin's `images/` for each level; on cPanel & WHM the
 * installer puts the style sheet beside each entry (cpanel/install.sh), so it is relative like the links.
 */
export function assetUrl(level: Level, mode: PageMode, file: string): string {
  return mode === "cgi" ? file : `${PLUGIN_URL_PREFIX[level]}/${PLUGIN_ID}/images/${file}`;
}

/**
 * A link to a plugin page, staying in the entry and mode the visitor is in: `index.html?p=<path>&…` (embedded),
 * `index.raw?p=…`, or on cPanel `index.live.pl?p=…` / `index.cgi?p=…`. Every plugin page goes through the one
 * entry file; the page is the `p` parameter.
 */
export function pageUrl(
  level: Level,
  mode: PageMode,
  path: string,
  params: Readonly<Record<string, string>> = {},
): string {
  const query = new URLSearchParams(path === "/" ? params : { p: path, ...params }).toString();
  const entry = mode === "cgi" ? CPANEL_ENTRY[level] : `${PLUGIN_URL_PREFIX[level]}/${PLUGIN_ID}/index.${mode}`;
  return `${entry}${query === "" ? "" : `?${query}`}`;
}
