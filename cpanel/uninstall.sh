#!/bin/sh
# wedos-panel for cPanel & WHM: removes what cpanel/install.sh installed and registered, through cPanel's own tools.
# Kept: the data directory (/var/lib/wedos-panel: the database, with what the plugin made at WEDOS) and
# /etc/wedos-panel — remove them by hand once you are sure. Zones and protection at WEDOS are not touched.
# Run as root. WEDOS_PANEL_PREFIX, WEDOS_PANEL_INSTALL_EXEC: as for install.sh.
set -eu
umask 022

. "$(dirname -- "$0")/paths.sh"

[ -n "$P" ] || [ "$(id -u)" = 0 ] || { echo "wedos-panel uninstall: run this as root" >&2; exit 1; }

# Each step goes on when the thing is already gone, so a half-done uninstall can be run again.
wp_root=$P wp_panel=cpanel wp_package_dir=$APP
wp_say() { echo "wedos-panel uninstall: $*" >&2; }
wp_fail() { wp_say "$@"; exit 1; }
. "$(dirname -- "$0")/../scripts/service.sh"
. "$(dirname -- "$0")/../scripts/installation.sh" # the recorded data directory, for the message below
wp_remove_units
if [ -x "$HOOK" ]; then "$CPANEL/bin/manage_hooks" delete script "$HOOK" || true; fi
rm -f "$HOOK"
if [ -d "$APP/cpanel/plugin" ]; then "$CPANEL/scripts/uninstall_plugin" "$APP/cpanel/plugin" --theme=jupiter || true; fi
rm -rf "$PAGE_DIR"
"$CPANEL/bin/sprite_generator" --application=cpanel --theme=jupiter > /dev/null 2>&1 || true
if [ -e "$APPCONFIG" ]; then "$CPANEL/bin/unregister_appconfig" "$APPCONFIG" || true; fi
rm -f "$APPCONFIG" "$WHM_ICON"
rm -rf "$WHM_CGI_DIR"
rm -f "$COMMAND"
rm -rf "$APP"

echo "wedos-panel removed from cPanel & WHM. Kept: $wp_data_dir and $wp_etc."
