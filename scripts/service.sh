# wedos-panel: the service account, its files and the systemd units — shared by the DirectAdmin scripts
# (scripts/common.sh) and the cPanel installer (cpanel/install.sh), so both panels run the daemon the same way.
# Sourced, never run by itself. Who owns and reads what, and why: README.md in this folder; the privilege split:
# docs/decisions/0011.
#
# Before sourcing, the caller sets:
#   wp_root          the sandbox root (WEDOS_PANEL_INSTALL_ROOT on DirectAdmin, WEDOS_PANEL_PREFIX on cPanel; empty
#                    on a real server): every path outside the package is under it
#   wp_panel         directadmin or cpanel
#   wp_package_dir   the installed package (root-owned): install.conf is written there
# and defines wp_say and wp_fail (print a line; print a line and exit 1). It then sources installation.sh (the
# service account, wp_user, its data directory, wp_data_dir, and the installation record). Before
# wp_install_services it sets wp_node.

wp_service=wedos-panel.service
wp_reader_service=wedos-panel-reader.service
wp_reader_socket_unit=wedos-panel-reader.socket
wp_etc=$wp_root/etc/wedos-panel
wp_config=$wp_etc/config.json
wp_unit_dir=$wp_root/etc/systemd/system
wp_unit_file=$wp_unit_dir/$wp_service
wp_reader_socket=$wp_root/run/wedos-panel-reader/reader.sock
wp_cli=$wp_package_dir/build/lib/cli.js

# Every command that changes the system or asks about its accounts goes through here, so a test can record it.
wp_run() {
  if [ -n "${WEDOS_PANEL_INSTALL_EXEC:-}" ]; then "$WEDOS_PANEL_INSTALL_EXEC" "$@"; else "$@"; fi
}

# The units run $wp_node as the service account (and the reader as a throw-away one), with /root and /home hidden
# (ProtectHome=yes): a node under a home directory — nvm puts it in /root/.nvm — or one the account may not run
# would fail at every start. Checked by running it as the account, on the package's own code.
wp_check_node_for_account() {
  wp_fix="Install Node.js system-wide (from your distribution, or NodeSource: https://github.com/nodesource/distributions) or point WEDOS_PANEL_NODE at a node outside /root and /home that every account may run, then install again."
  wp_node_real=$(readlink -f "$wp_node" 2> /dev/null) || wp_node_real=$wp_node
  case $wp_node_real in
    "$wp_root"/root/* | "$wp_root"/home/* | "$wp_root"/run/user/*)
      wp_fail "Node.js $wp_node is in a home directory ($wp_node_real), which the daemon's service account $wp_user cannot reach. $wp_fix" ;;
  esac
  # Through env: setpriv looks up the program it starts while it still holds root's capabilities, so only a program
  # that env starts is reached exactly as the account would reach it.
  wp_out=$(wp_as_service env "$wp_node" "$wp_cli" --version 2>&1) ||
    wp_fail "the service account $wp_user cannot run Node.js $wp_node with the plugin's code ($wp_out). $wp_fix"
}

# The systemd hardening both services share (docs/decisions/0011, README "Installing"): each line is measured by
# `systemd-analyze security`. Not here, and why: PrivateUsers= (the daemon identifies page visitors by the unix
# uid owning a proof file, and a user namespace maps every uid but its own to nobody; the reader's capability would
# not reach files of unmapped owners); MemoryDenyWriteExecute= for the daemon (V8's JIT writes the code it runs,
# and WebAssembly, which the HTTP client uses, needs it — the reader runs with --jitless and has it).
wp_write_hardening() {
  cat << EOF
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
PrivateMounts=yes
PrivateIPC=yes
DevicePolicy=closed
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
ProtectProc=invisible
ProcSubset=pid
RestrictSUIDSGID=yes
RestrictRealtime=yes
RestrictNamespaces=yes
LockPersonality=yes
RemoveIPC=yes
KeyringMode=private
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallFilter=~@privileged @resources
SystemCallErrorNumber=EPERM
EOF
}

# What the reader never needs and must not be able to read with its capability: password hashes, keys, the
# panel's sessions and its own secrets, the plugin's configuration and data (the WAPI password). "-": a path a
# server does not have is skipped.
wp_reader_hidden_paths() {
  for wp_path in /etc/shadow /etc/shadow- /etc/gshadow /etc/gshadow- /etc/ssh /etc/ssl/private /etc/pki/tls/private \
    /etc/letsencrypt /etc/rndc.key /etc/bind/rndc.key /etc/named.conf /etc/wedos-panel /var/lib/wedos-panel; do
    printf -- ' -%s' "$wp_root$wp_path"
  done
  if [ "$wp_data_dir" != "$wp_root/var/lib/wedos-panel" ]; then printf -- ' -%s' "$wp_data_dir"; fi
  case $wp_panel in
    directadmin) for wp_path in conf data/sessions data/admin scripts/setup.txt; do printf -- ' -%s' "$wp_root/usr/local/directadmin/$wp_path"; done ;;
    cpanel) for wp_path in sessions ssl authn; do printf -- ' -%s' "$wp_root/var/cpanel/$wp_path"; done ;;
  esac
}

# Where the reader reads, in its unit's environment (it never reads config.json, which the service account can
# change): the real server's paths, which a drop-in can change (systemctl edit wedos-panel-reader).
wp_reader_environment() {
  printf 'Environment=WEDOS_PANEL_KIND=%s\n' "$wp_panel"
  case $wp_panel in
    directadmin)
      printf 'Environment=WEDOS_PANEL_DA_ROOT=%s\n' "$wp_root/usr/local/directadmin"
      printf 'Environment=WEDOS_PANEL_DA_VIRTUAL_DIR=%s\n' "$wp_root/etc/virtual"
      # BIND keeps zones in /var/named on RHEL-family systems and in /etc/bind on Debian.
      wp_zone_dir=$wp_root/var/named
      if [ ! -d "$wp_zone_dir" ] && [ -d "$wp_root/etc/bind" ]; then wp_zone_dir=$wp_root/etc/bind; fi ;;
    cpanel)
      printf 'Environment=WEDOS_PANEL_CPANEL_VAR_DIR=%s\n' "$wp_root/var/cpanel"
      printf 'Environment=WEDOS_PANEL_CPANEL_ETC_DIR=%s\n' "$wp_root/etc"
      wp_zone_dir=$wp_root/var/named ;;
  esac
  printf 'Environment=WEDOS_PANEL_ZONE_DIR=%s\n' "$wp_zone_dir"
}

# Writes $1 from stdin: a temporary file beside it, then a rename (a unit is never seen half written).
wp_write_file() {
  wp_tmp=$1.$$
  cat > "$wp_tmp" && chmod 0644 "$wp_tmp" && mv "$wp_tmp" "$1" || wp_fail "cannot write $1"
}

# The three units. The daemon (network, pages, WEDOS) runs as the service account with no capability at all and
# can write only its data directory, /etc/wedos-panel (the Settings page saves there) and /run/wedos-panel (the
# pages' socket: the directory 0755 so every customer's page script can reach the 0666 socket; src/web/README.md).
# The panel's files are read by the panel reader: a throw-away account (DynamicUser) with one capability,
# CAP_DAC_READ_SEARCH (read any file, write none), no network, nothing writable, the secrets above hidden, answering
# only on its socket, which systemd makes for the service account alone (0600) and holds while the reader restarts.
wp_write_units() {
  case $wp_panel in directadmin) wp_panel_name=DirectAdmin ;; *) wp_panel_name="cPanel & WHM" ;; esac
  if [ ! -d "$wp_unit_dir" ]; then install -d -m 0755 "$wp_unit_dir" || wp_fail "cannot create $wp_unit_dir"; fi
  wp_header="# Written by the wedos-panel installer from $wp_package_dir (installing again rewrites it, uninstalling removes it).
# Local changes belong in a drop-in: systemctl edit"

  wp_write_file "$wp_unit_file" << EOF
$wp_header ${wp_service%.service}
[Unit]
Description=wedos-panel: WEDOS DNS and protection for $wp_panel_name
After=network-online.target $wp_reader_socket_unit
Wants=network-online.target $wp_reader_socket_unit

[Service]
Type=simple
User=$wp_user
Group=$wp_user
Environment=WEDOS_PANEL_CONFIG=$wp_config
# One malloc arena with glibc's default thresholds held fixed (glibc raises them after a large block is freed, and
# memory freed below them stays in the process): what a zone worker or a busy hour frees goes back to the system
# (docs/decisions/0043).
Environment=MALLOC_ARENA_MAX=1
Environment=MALLOC_TRIM_THRESHOLD_=131072
Environment=MALLOC_MMAP_THRESHOLD_=131072
# A young generation of 1 MiB semi-spaces: about 9 MB less resident memory, for short page requests (big zones are
# parsed in workers with their own limits; docs/decisions/0025). The old generation grows by 10 % over what lives
# before its next collection, not by V8's factor of up to 4: 10–15 MB less after a busy hour (docs/decisions/0043).
ExecStart=$wp_node --max-semi-space-size=1 --heap-growing-percent=10 --expose-gc $wp_cli serve
Restart=on-failure
RestartSec=5
UMask=0077
RuntimeDirectory=wedos-panel
RuntimeDirectoryMode=0755
# Kept across restarts: CageFS mounts the directory (socket and proof directory) into the cages once, and a mount of
# a removed directory would stay empty until cagefsctl --remount-all (docs/decisions/0012).
RuntimeDirectoryPreserve=yes
ReadWritePaths=$wp_data_dir $wp_etc
CapabilityBoundingSet=
AmbientCapabilities=
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
$(wp_write_hardening)

[Install]
WantedBy=multi-user.target
EOF

  wp_write_file "$wp_unit_dir/$wp_reader_socket_unit" << EOF
$wp_header ${wp_reader_socket_unit}
[Unit]
Description=wedos-panel panel reader's socket (only $wp_user may connect)

[Socket]
ListenStream=$wp_reader_socket
SocketUser=$wp_user
SocketGroup=$wp_user
SocketMode=0600
DirectoryMode=0755
RemoveOnStop=yes

[Install]
WantedBy=sockets.target
EOF

  wp_write_file "$wp_unit_dir/$wp_reader_service" << EOF
$wp_header ${wp_reader_service%.service}
[Unit]
Description=wedos-panel panel reader: the daemon's only way to $wp_panel_name's files (read-only, no network)
Requires=$wp_reader_socket_unit
After=$wp_reader_socket_unit

[Service]
Type=simple
DynamicUser=yes
$(wp_reader_environment)
ExecStart=$wp_node --jitless $wp_cli panel-reader
Restart=always
RestartSec=1
UMask=0777
AmbientCapabilities=CAP_DAC_READ_SEARCH
CapabilityBoundingSet=CAP_DAC_READ_SEARCH
PrivateNetwork=yes
IPAddressDeny=any
RestrictAddressFamilies=AF_UNIX
MemoryDenyWriteExecute=yes
InaccessiblePaths=$(wp_reader_hidden_paths)
$(wp_write_hardening)
EOF
}

# Units written, the database brought up to date as the service account, the reader's socket and the daemon
# (re)started. Idempotent: an update runs the same steps.
wp_install_services() {
  wp_check_node_for_account
  wp_write_units
  wp_out=$(wp_run systemctl daemon-reload 2>&1) || wp_fail "systemctl daemon-reload failed: $wp_out (wedos-panel runs its daemon under systemd)"
  wp_run systemctl stop "$wp_service" "$wp_reader_service" > /dev/null 2>&1 || : # nothing to stop on a first install

  # Opening the database creates it or brings its schema up to date (src/store/database.ts), as the daemon's
  # account (root's commands and hooks become that account before they open it).
  wp_out=$(wp_as_service env WEDOS_PANEL_CONFIG="$wp_config" "$wp_node" "$wp_cli" status --json 2>&1 > /dev/null) ||
    wp_fail "the database in $wp_data_dir could not be opened or updated: $wp_out"

  wp_out=$(wp_run systemctl enable "$wp_reader_socket_unit" "$wp_service" 2>&1) || wp_fail "systemctl enable $wp_reader_socket_unit $wp_service failed: $wp_out"
  wp_out=$(wp_run systemctl restart "$wp_reader_socket_unit" 2>&1) || wp_fail "the panel reader's socket did not start: $wp_out. See: journalctl -u $wp_reader_socket_unit"
  wp_out=$(wp_run systemctl restart "$wp_service" 2>&1) || wp_fail "the daemon did not start: $wp_out. See: journalctl -u $wp_service"
}

# Stops and removes the three units (uninstall). Each step goes on when the unit is already gone.
wp_remove_units() {
  wp_run systemctl disable --now "$wp_service" "$wp_reader_socket_unit" "$wp_reader_service" > /dev/null 2>&1 || :
  rm -f "$wp_unit_file" "$wp_unit_dir/$wp_reader_socket_unit" "$wp_unit_dir/$wp_reader_service" || wp_fail "cannot remove the units in $wp_unit_dir"
  wp_run systemctl daemon-reload > /dev/null 2>&1 || :
}
