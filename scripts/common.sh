# wedos-panel: the shared part of install.sh, update.sh and uninstall.sh; sourced by them, never run by itself.
# The sandbox variables (WEDOS_PANEL_INSTALL_ROOT, WEDOS_PANEL_INSTALL_EXEC) are described at the top of install.sh.
# Who owns and reads what, and why: README.md in this folder.

set -u
umask 022 # DirectAdmin may run us under umask 077 (directadmin.md §A4.4); every mode below is still given explicitly
PATH=${PATH:+$PATH:}/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin # no PATH is documented for us

# Paths come from $0, not DOCUMENT_ROOT (which points at scripts/ during an install: §A4.3).
wp_plugin_dir=$(cd -- "$(dirname -- "$0")/.." && pwd) || exit 1
wp_root=${WEDOS_PANEL_INSTALL_ROOT:-}
wp_service=wedos-panel.service
wp_etc=$wp_root/etc/wedos-panel
wp_config=$wp_etc/config.json
wp_unit_file=$wp_root/etc/systemd/system/$wp_service
wp_link=$wp_root/usr/local/bin/wedos-panel
wp_cli=$wp_plugin_dir/build/lib/cli.js

# The Plugin Manager shows our output as HTML (§A4.3): one <pre>, with & < > escaped. Plain text on a terminal.
wp_html=yes
if [ -t 1 ]; then wp_html=; fi
wp_say() {
  if [ -n "$wp_html" ]; then printf '%s\n' "$*" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g'; else printf '%s\n' "$*"; fi
}
wp_open() { if [ -n "$wp_html" ]; then printf '<pre>\n'; fi; }
wp_close() { if [ -n "$wp_html" ]; then printf '</pre>\n'; fi; }
wp_fail() {
  wp_say "wedos-panel: $*"
  wp_close
  exit 1
}

# Every command that changes the system or asks about its accounts goes through here, so a test can record it.
wp_run() {
  if [ -n "${WEDOS_PANEL_INSTALL_EXEC:-}" ]; then "$WEDOS_PANEL_INSTALL_EXEC" "$@"; else "$@"; fi
}

wp_require_root() {
  [ -n "$wp_root" ] || [ "$(id -u)" = 0 ] || wp_fail "run this as root (DirectAdmin's Plugin Manager does)."
}

# Sets KEY=VALUE in plugin.conf, in place, so the file keeps the owner and mode DirectAdmin gave it.
wp_set_plugin_conf() {
  wp_new=$(awk -v k="$1" -v v="$2" 'index($0, k "=") == 1 { print k "=" v; done = 1; next } { print } END { if (!done) print k "=" v }' "$wp_plugin_dir/plugin.conf") &&
    printf '%s\n' "$wp_new" > "$wp_plugin_dir/plugin.conf" || wp_fail "cannot write $wp_plugin_dir/plugin.conf"
}

# wp_conf_value; the service account, the data directory and the installation record: wp_user, wp_data_dir, wp_record.
. "$wp_plugin_dir/scripts/installation.sh"

# DirectAdmin names the plugin directory after the uploaded file, and every link uses plugin.conf's id (§A4.1).
wp_check_folder() {
  wp_id=$(wp_conf_value id "$wp_plugin_dir/plugin.conf")
  [ -n "$wp_id" ] || wp_fail "$wp_plugin_dir/plugin.conf has no id= line; unpack the package again."
  [ "${wp_plugin_dir##*/}" = "$wp_id" ] || wp_fail "this plugin must be in a directory named \"$wp_id\" (its id in plugin.conf), but it is in $wp_plugin_dir, so its pages and menu links would not be found. DirectAdmin names the directory after the uploaded file: delete this plugin and upload the package as $wp_id.tar.gz (by hand: move the directory to ${wp_plugin_dir%/*}/$wp_id and run scripts/install.sh there)."
}

# Node.js 20.18+ and a better-sqlite3 that loads with it (the package carries the build for one Node.js ABI).
wp_check_node() {
  wp_node=$(command -v node 2> /dev/null) || wp_node=
  [ -n "$wp_node" ] || wp_fail "Node.js is not installed (no node on root's PATH). wedos-panel needs Node.js 20.18 or newer: install it from your distribution or from NodeSource (https://github.com/nodesource/distributions) so that 'node --version' works for root, then install the plugin again."
  wp_node_version=$("$wp_node" --version 2> /dev/null) || wp_node_version=
  wp_major=${wp_node_version#v}
  wp_major=${wp_major%%.*}
  wp_minor=${wp_node_version#v*.}
  wp_minor=${wp_minor%%.*}
  case $wp_major.$wp_minor in
    *[!0-9.]* | .* | *.) wp_fail "cannot tell the version of $wp_node ('node --version' printed \"$wp_node_version\"); wedos-panel needs Node.js 20.18 or newer." ;;
  esac
  if [ "$wp_major" -lt 20 ] || { [ "$wp_major" -eq 20 ] && [ "$wp_minor" -lt 18 ]; }; then
    wp_fail "Node.js $wp_node_version ($wp_node) is too old: wedos-panel needs Node.js 20.18 or newer. Install a newer Node.js (from your distribution or NodeSource: https://github.com/nodesource/distributions; this package was built for $(wp_conf_value node_version "$wp_plugin_dir/platform.conf")), then install the plugin again."
  fi
  wp_abi=$("$wp_node" -p process.versions.modules 2> /dev/null)
  wp_built_abi=$(wp_conf_value node_abi "$wp_plugin_dir/platform.conf")
  if ! wp_load=$("$wp_node" -e 'new (require(process.argv[1]))(":memory:").close()' "$wp_plugin_dir/node_modules/better-sqlite3" 2>&1); then
    wp_load=$(printf '%s\n' "$wp_load" | grep -m 1 'Error' || printf '%s\n' "$wp_load" | head -n 1)
    wp_rebuild="cd $wp_plugin_dir && npm rebuild better-sqlite3 (it fetches a prebuilt driver or compiles one with python3, make and g++), then run: sh $wp_plugin_dir/scripts/install.sh. If the Plugin Manager removed the plugin, unpack $wp_id.tar.gz into $wp_plugin_dir by hand first"
    if [ "$wp_abi" != "$wp_built_abi" ]; then
      wp_fail "this package was built for Node.js $(wp_conf_value node_version "$wp_plugin_dir/platform.conf") (ABI $wp_built_abi, $(wp_conf_value platform "$wp_plugin_dir/platform.conf")-$(wp_conf_value arch "$wp_plugin_dir/platform.conf"), $(wp_conf_value libc "$wp_plugin_dir/platform.conf")), but this server runs Node.js $wp_node_version (ABI $wp_abi), and its database driver (better-sqlite3) does not load. Install that Node.js major version, or rebuild the driver for this one: $wp_rebuild."
    fi
    wp_fail "the database driver (better-sqlite3) does not load with Node.js $wp_node_version here: $wp_load. Rebuild it: $wp_rebuild."
  fi
}

# Everything install.sh and update.sh do: both are idempotent, keep the data and never rewrite an existing
# configuration. $1 is the word for the summary ("installed", "updated"); install.sh's options follow.
wp_setup() {
  wp_open
  wp_require_root
  wp_done=$1
  shift
  wp_install_options "$@"
  wp_check_folder
  wp_check_node
  wp_check_setpriv
  wp_version=$(wp_conf_value version "$wp_plugin_dir/plugin.conf")

  # The umask trap: DirectAdmin answers 404 for a plugin folder it cannot read (§A4.4). Directories 0755, files
  # 0644 or 0755 (executables), nothing writable but by the owner.
  chmod -R u+rwX,go+rX,go-w "$wp_plugin_dir" || wp_fail "cannot set the modes in $wp_plugin_dir"

  wp_ensure_account
  wp_prepare_config
  wp_prepare_data_dir
  wp_write_record

  wp_write_unit
  wp_out=$(wp_run systemctl daemon-reload 2>&1) || wp_fail "systemctl daemon-reload failed: $wp_out (wedos-panel runs its daemon under systemd)"
  wp_run systemctl stop "$wp_service" > /dev/null 2>&1 # nothing to stop on a first install

  # Opening the database creates it or brings its schema up to date (src/store/database.ts), as the daemon's
  # account (root's commands and hooks become that account before they open it).
  wp_out=$(wp_as_service env WEDOS_PANEL_CONFIG="$wp_config" "$wp_node" "$wp_cli" status --json 2>&1 > /dev/null) ||
    wp_fail "the database in $wp_data_dir could not be opened or updated: $wp_out"

  wp_out=$(wp_run systemctl enable "$wp_service" 2>&1) || wp_fail "systemctl enable $wp_service failed: $wp_out"
  wp_out=$(wp_run systemctl restart "$wp_service" 2>&1) || wp_fail "the daemon did not start: $wp_out. See: journalctl -u $wp_service"

  # The command for the admin, if /usr/local/bin/wedos-panel is free or already ours.
  if [ -e "$wp_link" ] && ! wp_is_our_link; then
    wp_command="not linked: $wp_link exists and is not ours; run node $wp_cli"
  else
    if [ ! -d "${wp_link%/*}" ]; then install -d -m 0755 "${wp_link%/*}" || wp_fail "cannot create ${wp_link%/*}"; fi
    ln -sfn "$wp_cli" "$wp_link" || wp_fail "cannot link $wp_link"
    wp_command=$wp_link
  fi

  wp_set_plugin_conf installed yes
  wp_say "wedos-panel $wp_version $wp_done in $wp_plugin_dir"
  wp_say "- Node.js $wp_node_version ($wp_node)"
  wp_say "- service account $wp_user: $wp_account"
  wp_say "- configuration $wp_config: $wp_config_state"
  wp_say "- data $wp_data_dir: $wp_data_state"
  wp_say "- installation record $wp_record: $wp_record_state"
  wp_say "- daemon: systemd unit $wp_service, enabled and started"
  wp_say "- command: $wp_command"
  if [ "$wp_config_state" = "kept as it was" ]; then
    wp_say "Check the installation with: wedos-panel doctor"
  else
    wp_say "Next: put your WEDOS WAPI login in $wp_config (\"wapi\": {\"login\": \"...\", \"passwordFile\": \"...\"}, the password file mode 0600, owned by $wp_user), allow this server's IP address for WAPI in the WEDOS customer administration, then run: systemctl restart wedos-panel && wedos-panel doctor"
  fi
  wp_close
}

wp_is_our_link() {
  [ -L "$wp_link" ] && case $(readlink "$wp_link") in */build/lib/cli.js) true ;; *) false ;; esac
}

# The daemon's unit. It runs as the service account with one extra right, CAP_DAC_READ_SEARCH: reading (never
# writing) DirectAdmin's files (user.conf 0600 diradmin, zone files of named, domainowners), which no group grants.
# Everything else is read-only to it except the data directory, /etc/wedos-panel (the Settings page saves the WAPI
# settings there) and /run/wedos-panel (the pages' socket: the
# directory 0755 so every customer's page script can reach the 0666 socket; src/web/README.md).
wp_write_unit() {
  if [ ! -d "${wp_unit_file%/*}" ]; then install -d -m 0755 "${wp_unit_file%/*}" || wp_fail "cannot create ${wp_unit_file%/*}"; fi
  wp_tmp=$wp_unit_file.$$
  cat > "$wp_tmp" << EOF || wp_fail "cannot write $wp_unit_file"
# Written by $wp_plugin_dir/scripts/install.sh (update.sh rewrites it, uninstall.sh removes it).
# Local changes belong in a drop-in: systemctl edit wedos-panel
[Unit]
Description=wedos-panel: WEDOS DNS and protection for DirectAdmin
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=$wp_user
Group=$wp_user
Environment=WEDOS_PANEL_CONFIG=$wp_config
ExecStart=$wp_node $wp_cli serve
Restart=on-failure
RestartSec=5
UMask=0077
RuntimeDirectory=wedos-panel
RuntimeDirectoryMode=0755
ReadWritePaths=$wp_data_dir $wp_etc
AmbientCapabilities=CAP_DAC_READ_SEARCH
CapabilityBoundingSet=CAP_DAC_READ_SEARCH
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictSUIDSGID=yes
RestrictRealtime=yes
RestrictNamespaces=yes
LockPersonality=yes
SystemCallArchitectures=native
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK

[Install]
WantedBy=multi-user.target
EOF
  chmod 0644 "$wp_tmp" && mv "$wp_tmp" "$wp_unit_file" || wp_fail "cannot write $wp_unit_file"
}
