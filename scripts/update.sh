#!/bin/sh
# wedos-panel: DirectAdmin's Plugin Manager runs this as root after unpacking a new version over the plugin directory
# (docs/reference/directadmin.md#installing-and-updating), which also brings back plugin.conf with installed=no. It
# does what install.sh does — idempotent, keeping /var/lib/wedos-panel and /etc/wedos-panel as they are — so the new
# unit, Node.js check and installed=yes apply; the daemon is stopped, the database migrated by opening it as the
# daemon's account, and the daemon started again. Sandbox variables: see install.sh.
. "$(dirname -- "$0")/common.sh"
wp_setup updated
