#!/bin/sh
# wedos-panel for cPanel & WHM: installs the package this script is part of (the unpacked
# wedos-panel-cpanel.tar.gz, made by npm run build) and registers it with cPanel. Run as root:  sh wedos-panel/cpanel/install.sh
# Running it again upgrades in place; the data directory and the configuration are kept.
#
# What it does (directadmin.md §B1, §B2, §B4):
#   1. checks Node.js 20 or newer and that the package's native module (better-sqlite3) loads with it;
#   2. copies the package to /usr/local/cpanel/3rdparty/wedos-panel and a `wedos-panel` command to /usr/local/bin;
#      creates the service account wedos-panel (no login shell); /etc/wedos-panel/config.json with "panel": "cpanel"
#      if there is none yet (0600, written as that account); /var/lib/wedos-panel with the hooks' spool (0700, that
#      account's); and the installation record install.conf (root's, in /usr/local/cpanel/3rdparty/wedos-panel),
#      where the hook and root's commands learn the account and the data directory (docs/decisions/0010);
#   3. installs the hook script as /usr/local/cpanel/3rdparty/bin/wedos-panel-hook (root:root 0755) and registers it
#      with manage_hooks, which asks the script itself (--describe) for its events; never edits hook data by hand;
#   4. the Jupiter plugin: the page and its style sheet in base/frontend/jupiter/wedos_panel/, install_plugin under
#      umask 022 (a root-only dynamicui file would hide the icon silently), then sprite_generator so Jupiter draws the
#      icon;
#   5. the WHM page: the CGI and the style sheet in whostmgr/docroot/cgi/wedos-panel/, the icon in addon_plugins/,
#      the AppConfig in /var/cpanel/apps/ registered with register_appconfig, and a check that WHM lists it (an ACL
#      WHM does not know hides the page without an error);
#   6. the wedos-panel systemd service (the daemon), enabled and (re)started. The daemon makes cpanel.proofDir (1733)
#      at every start: it is under /run, which a reboot empties, so this script does not.
#
# Options: --data-dir DIR, --service-user NAME|UID, as for DirectAdmin's scripts/install.sh (installation.sh); an
# upgrade keeps what install.conf recorded.
#
# For tests and staging, every path is under WEDOS_PANEL_PREFIX (default: none, the real system) — cPanel's own
# tools too, so a test puts stubs at $WEDOS_PANEL_PREFIX/usr/local/cpanel/bin/manage_hooks and so on; with a prefix
# the script does not insist on root and creates no account (give --service-user with an existing name or a uid).
# WEDOS_PANEL_NODE names the node binary, WEDOS_PANEL_SYSTEMCTL systemctl.
set -eu
umask 022

. "$(dirname -- "$0")/paths.sh"
SRC=$(cd -- "$(dirname -- "$0")/.." && pwd)

fail() {
  echo "wedos-panel install: $*" >&2
  exit 1
}

[ -n "$P" ] || [ "$(id -u)" = 0 ] || fail "run this as root (sudo sh $0)"
[ -x "$CPANEL/bin/manage_hooks" ] || fail "$CPANEL/bin/manage_hooks not found: this is not a cPanel & WHM server"

# The service account, its data directory and the installation record, as on DirectAdmin (installation.sh reads the
# record the installed version left, before this one replaces it).
wp_plugin_dir=$APP
wp_root=$P
wp_etc=$(dirname -- "$CONFIG")
wp_config=$CONFIG
wp_fail() { fail "$@"; }
wp_say() { echo "wedos-panel install: $*"; }
wp_run() {
  if [ "$1" = useradd ] && [ -n "$P" ]; then fail "no account $wp_user here, and with WEDOS_PANEL_PREFIX no account is created: give --service-user with an existing name or a uid"; fi
  "$@"
}
. "$(dirname -- "$0")/installation.sh"
wp_install_options "$@"
wp_check_setpriv

# 1. Node.js: the one on PATH, else cPanel's EasyApache builds.
NODE=${WEDOS_PANEL_NODE:-}
if [ -z "$NODE" ]; then
  for candidate in "$(command -v node 2> /dev/null || true)" /opt/cpanel/ea-nodejs22/bin/node /opt/cpanel/ea-nodejs20/bin/node; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then NODE=$candidate && break; fi
  done
fi
[ -n "$NODE" ] || fail "Node.js 20 or newer is required and none was found; install it (e.g. dnf install ea-nodejs20) or set WEDOS_PANEL_NODE"
"$NODE" -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2> /dev/null \
  || fail "Node.js 20 or newer is required, $NODE is $("$NODE" --version 2> /dev/null || echo 'not runnable'); install a newer one or set WEDOS_PANEL_NODE"
(cd "$SRC" && "$NODE" -e 'require("better-sqlite3")(":memory:").close()') 2> /dev/null \
  || fail "the package's better-sqlite3 does not load with $NODE ($("$NODE" --version); the package was built for $(sed -n 's/^node_version=//p' "$SRC/platform.conf" 2> /dev/null)); run: cd $SRC && npm rebuild better-sqlite3 (needs python3, make, g++), then install again"

# 2. The package, replaced whole so an upgrade never mixes two versions' files (the installation record is carried
#    over, so the hook never runs without it); then the service account, its configuration (never overwritten) and
#    data directory, and the installation record, all before the hook is registered.
if [ "$SRC" != "$APP" ]; then
  mkdir -p "$(dirname "$APP")"
  rm -rf "$APP.new"
  mkdir "$APP.new"
  for item in package.json platform.conf build views images node_modules cpanel; do
    if [ -e "$SRC/$item" ]; then cp -R "$SRC/$item" "$APP.new/"; fi
  done
  if [ -f "$wp_record" ]; then cp -p "$wp_record" "$APP.new/"; fi
  rm -rf "$APP.old"
  if [ -d "$APP" ]; then mv "$APP" "$APP.old"; fi
  mv "$APP.new" "$APP"
  rm -rf "$APP.old"
fi
wp_ensure_account
wp_prepare_config '{\n  "panel": "cpanel"\n}\n'
wp_prepare_data_dir
wp_write_record
if [ "$wp_config_state" != "kept as it was" ]; then
  echo "wedos-panel install: wrote $CONFIG; add your WAPI login and password (see README, Configuration)"
fi
mkdir -p "$(dirname "$COMMAND")"
printf '#!/bin/sh\nexec %s %s "$@"\n' "$NODE" "$APP/build/lib/cli.js" > "$COMMAND"
chmod 0755 "$COMMAND"

# 3. The hook: registered again from scratch, so an upgrade that changes the event list leaves no stale entry.
mkdir -p "$(dirname "$HOOK")"
cp "$APP/cpanel/hooks/wedos-panel-hook" "$HOOK"
chmod 0755 "$HOOK"
if [ -z "$P" ]; then chown root:root "$HOOK"; fi
"$CPANEL/bin/manage_hooks" delete script "$HOOK" > /dev/null 2>&1 || true
"$CPANEL/bin/manage_hooks" add script "$HOOK" || fail "manage_hooks could not register $HOOK; see its output above"

# 4. The Jupiter plugin (the page itself: install_plugin installs only the icon and the feature). The pages link
#    their style sheet (and the progress script) relative to the entry, so they lie beside each entry, served by
#    cpsrvd as static files.
mkdir -p "$PAGE_DIR"
cp "$APP/cpanel/plugin/index.live.pl" "$PAGE_DIR/index.live.pl"
chmod 0755 "$PAGE_DIR/index.live.pl"
for asset in wedos.css progress.js; do
  cp "$APP/images/$asset" "$PAGE_DIR/$asset" && chmod 0644 "$PAGE_DIR/$asset" || fail "cannot copy $asset into $PAGE_DIR"
done
"$CPANEL/scripts/install_plugin" "$APP/cpanel/plugin" --theme=jupiter || fail "install_plugin failed; see its output above"
chmod 0644 "$CPANEL/base/frontend/jupiter/dynamicui/dynamicui_wedos_panel.conf" 2> /dev/null || true
"$CPANEL/bin/sprite_generator" --application=cpanel --theme=jupiter > /dev/null || echo "wedos-panel install: sprite_generator failed; the icon may show only after cPanel's next update" >&2

# 5. The WHM page.
mkdir -p "$WHM_CGI_DIR" "$(dirname "$WHM_ICON")" "$(dirname "$APPCONFIG")"
cp "$APP/cpanel/whm/index.cgi" "$WHM_CGI_DIR/index.cgi"
chmod 0755 "$WHM_CGI_DIR/index.cgi"
for asset in wedos.css progress.js; do
  cp "$APP/images/$asset" "$WHM_CGI_DIR/$asset" && chmod 0644 "$WHM_CGI_DIR/$asset" || fail "cannot copy $asset into $WHM_CGI_DIR"
done
cp "$APP/cpanel/whm/wedos-panel.svg" "$WHM_ICON"
chmod 0644 "$WHM_ICON"
cp "$APP/cpanel/whm/wedos-panel.conf" "$APPCONFIG"
chmod 0600 "$APPCONFIG"
"$CPANEL/bin/register_appconfig" "$APPCONFIG" || fail "register_appconfig failed; see its output above"
"$CPANEL/bin/whmapi1" get_appconfig_application_list 2> /dev/null | grep -q wedos_panel \
  || echo "wedos-panel install: WHM does not list wedos_panel; check the acls= line of $APPCONFIG" >&2

# 6. The daemon.
mkdir -p "$(dirname "$UNIT")"
cat > "$UNIT" << UNIT
[Unit]
Description=wedos-panel daemon (WEDOS DNS and protection for cPanel & WHM)
After=network-online.target
Wants=network-online.target

[Service]
ExecStart=$NODE $APP/build/lib/cli.js serve
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
UNIT
"$SYSTEMCTL" daemon-reload
"$SYSTEMCTL" enable wedos-panel.service
"$SYSTEMCTL" restart wedos-panel.service

echo "wedos-panel installed for cPanel & WHM. Next: wedos-panel doctor, then wedos-panel import for existing accounts."
