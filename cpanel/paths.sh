# wedos-panel for cPanel & WHM: where install.sh puts things and uninstall.sh removes them (sourced by both).
# Everything is under WEDOS_PANEL_PREFIX (default: none, the real system), cPanel's own tools included.
P=${WEDOS_PANEL_PREFIX:-}
CPANEL=$P/usr/local/cpanel
APP=$CPANEL/3rdparty/wedos-panel
HOOK=$CPANEL/3rdparty/bin/wedos-panel-hook
PAGE_DIR=$CPANEL/base/frontend/jupiter/wedos_panel
WHM_CGI_DIR=$CPANEL/whostmgr/docroot/cgi/wedos-panel
WHM_ICON=$CPANEL/whostmgr/docroot/addon_plugins/wedos-panel.svg
APPCONFIG=$P/var/cpanel/apps/wedos-panel.conf
CONFIG=$P/etc/wedos-panel/config.json
COMMAND=$P/usr/local/bin/wedos-panel
