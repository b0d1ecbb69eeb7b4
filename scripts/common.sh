# wedos-panel: the shared part of install.sh, update.sh and uninstall.sh; sourced by them, never run by itself.
# The sandbox variables (WEDOS_PANEL_INSTALL_ROOT, WEDOS_PANEL_INSTALL_EXEC) are described at the top of install.sh.
# Who owns and reads what, and why: README.md in this folder.

set -u
# DirectAdmin may run us under umask 077 (docs/reference/directadmin.md#modes-and-state); every mode below is still
# given explicitly.
umask 022
PATH=${PATH:+$PATH:}/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin # no PATH is documented for us

# Paths come from $0, not DOCUMENT_ROOT (which points at scripts/ during an install:
# docs/reference/directadmin.md#install-scripts).
wp_plugin_dir=$(cd -- "$(dirname -- "$0")/.." && pwd) || exit 1
wp_root=${WEDOS_PANEL_INSTALL_ROOT:-}
wp_panel=directadmin
wp_package_dir=$wp_plugin_dir
wp_link=$wp_root/usr/local/bin/wedos-panel
# The systemd units, then the service account, its data and the installation record: shared with the cPanel installer.
. "$wp_plugin_dir/scripts/service.sh"
. "$wp_plugin_dir/scripts/installation.sh"

# The Plugin Manager shows our output as HTML (docs/reference/directadmin.md#install-scripts): one <pre>, with & < >
# escaped. Plain text on a terminal.
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

wp_require_root() {
  [ -n "$wp_root" ] || [ "$(id -u)" = 0 ] || wp_fail "run this as root (DirectAdmin's Plugin Manager does)."
}

# Sets KEY=VALUE in plugin.conf, in place, so the file keeps the owner and mode DirectAdmin gave it.
wp_set_plugin_conf() {
  wp_new=$(awk -v k="$1" -v v="$2" 'index($0, k "=") == 1 { print k "=" v; done = 1; next } { print } END { if (!done) print k "=" v }' "$wp_plugin_dir/plugin.conf") &&
    printf '%s\n' "$wp_new" > "$wp_plugin_dir/plugin.conf" || wp_fail "cannot write $wp_plugin_dir/plugin.conf"
}

# DirectAdmin names the plugin directory after the uploaded file, and every link uses plugin.conf's id
# (docs/reference/directadmin.md#the-package).
wp_check_folder() {
  wp_id=$(wp_conf_value id "$wp_plugin_dir/plugin.conf")
  [ -n "$wp_id" ] || wp_fail "$wp_plugin_dir/plugin.conf has no id= line; unpack the package again."
  [ "${wp_plugin_dir##*/}" = "$wp_id" ] || wp_fail "this plugin must be in a directory named \"$wp_id\" (its id in plugin.conf), but it is in $wp_plugin_dir, so its pages and menu links would not be found. DirectAdmin names the directory after the uploaded file: delete this plugin and upload the package as $wp_id.tar.gz (by hand: move the directory to ${wp_plugin_dir%/*}/$wp_id and run scripts/install.sh there)."
}

# Node.js 20.18+ and a database driver that loads with it: the package's own build for this Node.js, or Node's
# built-in SQLite (Node.js 24). `wedos-panel driver` decides exactly as the daemon will, and names the fix when nothing
# loads (docs/decisions/0009); its first line is the driver, for the summary.
wp_check_node() {
  wp_node=${WEDOS_PANEL_NODE:-$(command -v node 2> /dev/null)}
  [ -n "$wp_node" ] || wp_fail "Node.js is not installed (no node on root's PATH). wedos-panel needs Node.js 20.18 or newer (22 or 24 recommended): install it from your distribution or from NodeSource (https://github.com/nodesource/distributions) so that 'node --version' works for root, then install the plugin again."
  wp_node_version=$("$wp_node" --version 2> /dev/null) || wp_node_version=
  wp_major=${wp_node_version#v}
  wp_major=${wp_major%%.*}
  wp_minor=${wp_node_version#v*.}
  wp_minor=${wp_minor%%.*}
  case $wp_major.$wp_minor in
    *[!0-9.]* | .* | *.) wp_fail "cannot tell the version of $wp_node ('node --version' printed \"$wp_node_version\"); wedos-panel needs Node.js 20.18 or newer." ;;
  esac
  if [ "$wp_major" -lt 20 ] || { [ "$wp_major" -eq 20 ] && [ "$wp_minor" -lt 18 ]; }; then
    wp_fail "Node.js $wp_node_version ($wp_node) is too old: wedos-panel needs Node.js 20.18 or newer. Install Node.js 22 or 24 (from your distribution or NodeSource: https://github.com/nodesource/distributions), then install the plugin again."
  fi
  # Installed before (install.conf is there), the command would become the service account anyway: ask as that
  # account, which is also who runs the daemon. A first install asks as root (the account may not exist yet).
  wp_driver_as=
  if [ -f "$wp_record" ] && [ -n "$(wp_service_uid)" ]; then wp_driver_as=wp_as_service; fi
  if [ -e "$wp_config" ]; then
    wp_driver=$($wp_driver_as env WEDOS_PANEL_CONFIG="$wp_config" "$wp_node" "$wp_cli" driver 2>&1) || wp_fail "no database driver: $wp_driver"
  else
    wp_driver=$($wp_driver_as env "$wp_node" "$wp_cli" driver 2>&1) || wp_fail "no database driver: $wp_driver"
  fi
  wp_driver=$(printf '%s\n' "$wp_driver" | head -n 1)
}

# DirectAdmin unpacks a new version over the old directory (docs/reference/directadmin.md#installing-and-updating), so
# files the new version no longer has would stay. package-files.txt lists everything the package holds; whatever else
# is in the plugin directory goes, except what the installers write there (plugin.conf, install.conf). find stays in
# the directory: it follows no link and crosses no mount, and removing a link removes the link only.
wp_remove_stale_files() {
  wp_removed=0
  wp_manifest=$wp_plugin_dir/package-files.txt
  [ -f "$wp_manifest" ] || return 0
  wp_stale=$(cd "$wp_plugin_dir" && find . -xdev -mindepth 1 ! -type d -print | sed 's|^\./||' | awk 'NR == FNR { listed[$0] = 1; next } !($0 in listed)' "$wp_manifest" -) ||
    wp_fail "cannot list $wp_plugin_dir"
  while IFS= read -r wp_path; do
    case $wp_path in '' | plugin.conf | install.conf) continue ;; esac
    rm -f -- "$wp_plugin_dir/$wp_path" || wp_fail "cannot remove $wp_plugin_dir/$wp_path"
    wp_removed=$((wp_removed + 1))
  done << EOF
$wp_stale
EOF
  # Then the directories the new version does not have, once empty (deepest first).
  (cd "$wp_plugin_dir" && find . -xdev -mindepth 1 -depth -type d -print) | sed 's|^\./||' |
    awk 'NR == FNR { listed[$0] = 1; next } !(($0 "/") in listed)' "$wp_manifest" - |
    while IFS= read -r wp_path; do rmdir -- "$wp_plugin_dir/$wp_path" 2> /dev/null; done
  return 0
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
  wp_remove_stale_files
  wp_check_node
  wp_check_setpriv
  wp_version=$(wp_conf_value version "$wp_plugin_dir/plugin.conf")

  # The umask trap: DirectAdmin answers 404 for a plugin folder it cannot read
  # (docs/reference/directadmin.md#modes-and-state). Directories 0755, files 0644 or 0755 (executables), nothing
  # writable but by the owner.
  chmod -R u+rwX,go+rX,go-w "$wp_plugin_dir" || wp_fail "cannot set the modes in $wp_plugin_dir"

  wp_ensure_account
  wp_prepare_config
  wp_prepare_data_dir
  wp_prepare_spool_dir
  wp_write_record
  wp_install_services

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
  wp_say "- Node.js $wp_node_version ($wp_node), database driver $wp_driver"
  if [ "$wp_removed" -gt 0 ]; then wp_say "- removed $wp_removed file(s) of the previous version that this one no longer has"; fi
  wp_say "- service account $wp_user: $wp_account"
  wp_say "- configuration $wp_config: $wp_config_state"
  wp_say "- data $wp_data_dir: $wp_data_state"
  wp_say "- installation record $wp_record: $wp_record_state"
  wp_say "- daemon: systemd unit $wp_service (no capability), enabled and started"
  wp_say "- panel reader: $wp_reader_socket_unit and $wp_reader_service (reads DirectAdmin's files for the daemon), enabled"
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
