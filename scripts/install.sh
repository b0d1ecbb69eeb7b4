#!/bin/sh
# wedos-panel: DirectAdmin's Plugin Manager runs this as root once the package is unpacked into
# /usr/local/directadmin/plugins/wedos (docs/reference/directadmin.md#packaging-and-installation). By hand:
#   sh /usr/local/directadmin/plugins/wedos/scripts/install.sh
#
# It checks Node.js (20.18+, that a database driver loads with it, and that the service account can run it), setpriv
# and the folder name (= plugin.conf id); creates the service account wedos-panel (no login shell),
# /etc/wedos-panel/config.json (0600, as that account, only if absent: an existing configuration is never rewritten)
# and /var/lib/wedos-panel (0700), and the hooks' spool /var/spool/wedos-panel (root, group the account's, 2750);
# records the spool, the account, the data directory and the panel reader's socket in install.conf (root's, in this folder), where the hooks and root's commands read them; opens the
# database as that account (creating or migrating it); installs, enables and starts the systemd units —
# wedos-panel.service (`wedos-panel serve`, no capability) and the panel reader, wedos-panel-reader.socket and
# .service (`wedos-panel panel-reader`, the one process that reads DirectAdmin's files; docs/decisions/0011); links
# /usr/local/bin/wedos-panel; sets installed=yes in plugin.conf. The units run the node on root's PATH (or
# WEDOS_PANEL_NODE), which the service account must be able to run. It never touches
# /usr/local/directadmin/scripts/custom: the hooks live in the plugin's own hooks/. Running it again is safe. Who
# owns and reads what: README.md in this folder.
#
# Options (by hand; the Plugin Manager gives none, and update.sh keeps what install.conf recorded):
#   --data-dir DIR            the data directory (default /var/lib/wedos-panel); every directory above it must be
#                             root's and writable by nobody else
#   --service-user NAME|UID   the service account (default wedos-panel); a number names an existing uid, group the same
#
# Test sandbox only — both unset on a real server, where they change nothing:
#   WEDOS_PANEL_INSTALL_ROOT  a directory that stands for "/" for every path outside the plugin directory
#                             (etc/wedos-panel, var/lib/wedos-panel, etc/systemd/system, usr/local/bin); when set,
#                             the script does not insist on running as root
#   WEDOS_PANEL_INSTALL_EXEC  a program run instead of each command that changes the system or asks about its
#                             accounts, with that command as its arguments: getent, useradd, userdel, chown,
#                             setpriv, systemctl — so a test can record them
. "$(dirname -- "$0")/common.sh"
wp_setup installed "$@"
