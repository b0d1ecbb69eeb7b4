#!/bin/sh
# wedos-panel for cPanel & WHM: installs the package this script is part of (the unpacked
# wedos-panel-cpanel.tar.gz, made by npm run build) and registers it with cPanel. Run as root:  sh wedos-panel/cpanel/install.sh
# Running it again upgrades in place; the data directory and the configuration are kept.
#
# What it does (docs/reference/cpanel.md):
#   1. checks Node.js 20 or newer and that a database driver loads with it (`wedos-panel driver`);
#   2. copies the package to /usr/local/cpanel/3rdparty/wedos-panel and a `wedos-panel` command to /usr/local/bin;
#      creates the service account wedos-panel (no login shell); /etc/wedos-panel/config.json with "panel": "cpanel"
#      if there is none yet (0600, written as that account); /var/lib/wedos-panel (0700, that account's); the hooks'
#      spool /var/spool/wedos-panel (root, group the account's, 2750); and the installation record install.conf (root's, in /usr/local/cpanel/3rdparty/wedos-panel),
#      where the hook and root's commands learn the account and the data directory (docs/decisions/0010);
#   3. installs the hook script as /usr/local/cpanel/3rdparty/bin/wedos-panel-hook (root:root 0755) and registers it
#      with manage_hooks, which asks the script itself (--describe) for its events; never edits hook data by hand;
#   4. the Jupiter plugin: the page (run by cPanel's own perl, /usr/local/cpanel/3rdparty/bin/perl, written into its
#      first line) and its style sheet in base/frontend/jupiter/wedos_panel/, install_plugin under
#      umask 022 (a root-only dynamicui file would hide the icon silently), then sprite_generator so Jupiter draws the
#      icon;
#   5. the WHM page: the CGI and the style sheet in whostmgr/docroot/cgi/wedos-panel/, the icon in addon_plugins/,
#      the AppConfig in /var/cpanel/apps/ registered with register_appconfig, and a check that WHM lists it (an ACL
#      WHM does not know hides the page without an error);
#   6. the daemon's own account, exactly as on DirectAdmin (scripts/installation.sh and scripts/service.sh, shared):
#      wedos-panel (or --service-user), its configuration /etc/wedos-panel/config.json with "panel": "cpanel" if there
#      is none yet (0600, written as that account) and its data directory /var/lib/wedos-panel (or --data-dir; 0700),
#      the hooks' spool /var/spool/wedos-panel (root's), and the installation record install.conf (root's, in
#      /usr/local/cpanel/3rdparty/wedos-panel), where the hook and root's commands learn the account, the data
#      directory and the panel reader's socket (docs/decisions/0010) — all before the hook is registered; then the
#      units — wedos-panel.service (the daemon, no capability) and the panel reader (wedos-panel-reader.socket and
#      .service, the one process that reads cPanel's files; docs/decisions/0011) — enabled and (re)started. The daemon
#      makes pages.proofDir (1733) under its /run/wedos-panel at every start (a reboot empties /run).
#
# Options: --data-dir DIR, --service-user NAME|UID, as for DirectAdmin's scripts/install.sh; an upgrade keeps what
# install.conf recorded.
#
# For tests and staging, every path is under WEDOS_PANEL_PREFIX (default: none, the real system) — cPanel's own
# tools too, so a test puts stubs at $WEDOS_PANEL_PREFIX/usr/local/cpanel/bin/manage_hooks and so on; with a prefix
# the script does not insist on root. WEDOS_PANEL_NODE names the node binary (the service account must be able to
# run it). WEDOS_PANEL_INSTALL_EXEC: a program run instead of each command that changes the system or asks about its
# accounts (getent, useradd, id, chown, setpriv, systemctl), as for the DirectAdmin installer.
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
CPANEL_PERL=$CPANEL/3rdparty/bin/perl
[ -x "$CPANEL_PERL" ] || fail "cPanel's perl ($CPANEL_PERL), which runs the plugin's pages, is missing; repair cPanel with /usr/local/cpanel/scripts/upcp --force, then install again"

# The service account, its data directory, the installation record and the units, as on DirectAdmin (shared with its
# installer; installation.sh reads the record the installed version left, before this one replaces it).
wp_root=$P
wp_panel=cpanel
wp_package_dir=$APP
wp_fail() { fail "$@"; }
wp_say() { echo "wedos-panel install: $*"; }
. "$SRC/scripts/service.sh"
. "$SRC/scripts/installation.sh"
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
# The database driver, chosen exactly as the daemon will (the package's build for this Node.js, else node:sqlite);
# `wedos-panel driver` names the fix when none loads (docs/decisions/0009).
if [ -e "$CONFIG" ]; then
  DRIVER=$(WEDOS_PANEL_CONFIG=$CONFIG "$NODE" "$SRC/build/lib/cli.js" driver 2>&1) || fail "no database driver: $DRIVER"
else
  DRIVER=$("$NODE" "$SRC/build/lib/cli.js" driver 2>&1) || fail "no database driver: $DRIVER"
fi
echo "wedos-panel install: Node.js $("$NODE" --version), database driver $(printf '%s\n' "$DRIVER" | head -n 1)"

# 2. The package, replaced whole so an upgrade never mixes two versions' files (the installation record is carried
#    over, so the hook never runs without it); then the service account, its configuration (never overwritten) and
#    data directory, and the installation record, all before the hook is registered.
if [ "$SRC" != "$APP" ]; then
  mkdir -p "$(dirname "$APP")"
  rm -rf "$APP.new"
  mkdir "$APP.new"
  for item in package.json platform.conf build native views images node_modules cpanel scripts; do
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
# Before, the cPanel daemon ran as root, so an existing data directory (database, spool) is root's: handed to the
# account once. The account never had it, so nothing in it can be a link the account planted; and only a directory
# named for the plugin that holds its database is taken (never a shared folder set as dataDir).
if [ -f "$wp_data_dir/wedos-panel.sqlite" ] && [ ! -L "$wp_data_dir" ] && [ "$(stat -c %u "$wp_data_dir")" = 0 ]; then
  case ${wp_data_dir##*/} in
    *wedos*) wp_out=$(wp_run chown -R "$wp_user:$wp_user" "$wp_data_dir" 2>&1) || fail "cannot hand $wp_data_dir to $wp_user: $wp_out"
      wp_say "handed $wp_data_dir (the daemon's data from when it ran as root) to $wp_user" ;;
    *) fail "$wp_data_dir belongs to root (the daemon ran as root before) and its name does not say it is the plugin's, so it is not handed over blindly: chown -R $wp_user:$wp_user the plugin's files in it, then install again" ;;
  esac
fi
wp_prepare_data_dir
wp_prepare_spool_dir
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
#    cpsrvd as static files. Each entry is installed with cPanel's own perl on its first line: /usr/bin/perl and
#    its modules are not always there (EL 8/9), cPanel's perl is on every cPanel server.
install_entry() {
  { printf '#!%s\n' "$CPANEL_PERL" && sed 1d "$1"; } > "$2.new" && chmod 0755 "$2.new" && mv -f "$2.new" "$2" \
    || fail "cannot install the page entry $2"
}
mkdir -p "$PAGE_DIR"
install_entry "$APP/cpanel/plugin/index.live.pl" "$PAGE_DIR/index.live.pl"
for asset in wedos.css progress.js copy.js policy-form.js; do
  cp "$APP/images/$asset" "$PAGE_DIR/$asset" && chmod 0644 "$PAGE_DIR/$asset" || fail "cannot copy $asset into $PAGE_DIR"
done
"$CPANEL/scripts/install_plugin" "$APP/cpanel/plugin" --theme=jupiter || fail "install_plugin failed; see its output above"
chmod 0644 "$CPANEL/base/frontend/jupiter/dynamicui/dynamicui_wedos_panel.conf" 2> /dev/null || true
"$CPANEL/bin/sprite_generator" --application=cpanel --theme=jupiter > /dev/null || echo "wedos-panel install: sprite_generator failed; the icon may show only after cPanel's next update" >&2

# 5. The WHM page.
mkdir -p "$WHM_CGI_DIR" "$(dirname "$WHM_ICON")" "$(dirname "$APPCONFIG")"
install_entry "$APP/cpanel/whm/index.cgi" "$WHM_CGI_DIR/index.cgi"
for asset in wedos.css progress.js copy.js policy-form.js; do
  cp "$APP/images/$asset" "$WHM_CGI_DIR/$asset" && chmod 0644 "$WHM_CGI_DIR/$asset" || fail "cannot copy $asset into $WHM_CGI_DIR"
done
cp "$APP/cpanel/whm/wedos-panel.svg" "$WHM_ICON"
chmod 0644 "$WHM_ICON"
cp "$APP/cpanel/whm/wedos-panel.conf" "$APPCONFIG"
chmod 0600 "$APPCONFIG"
"$CPANEL/bin/register_appconfig" "$APPCONFIG" || fail "register_appconfig failed; see its output above"
"$CPANEL/bin/whmapi1" get_appconfig_application_list 2> /dev/null | grep -q wedos_panel \
  || echo "wedos-panel install: WHM does not list wedos_panel; check the acls= line of $APPCONFIG" >&2

# 6. The units (shared with the DirectAdmin installer): the daemon and the panel reader.
wp_node=$NODE
wp_install_services

echo "wedos-panel installed for cPanel & WHM. Next: wedos-panel doctor, then wedos-panel import for existing accounts."
