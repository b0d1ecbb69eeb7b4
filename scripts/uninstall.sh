#!/bin/sh
# wedos-panel: DirectAdmin's Plugin Manager runs this as root before it deletes the plugin directory. It stops and
# removes the systemd units and the /usr/local/bin/wedos-panel link, and keeps the data (/var/lib/wedos-panel), the
# configuration (/etc/wedos-panel) and the service account, so a later install carries on where this one stopped.
# WEDOS_PANEL_PURGE=1 removes those too — the recorded data directory (install.conf) and /etc/wedos-panel emptied as
# the service account, then removed if they are real directories of that account, and the hooks' spool
# /var/spool/wedos-panel (root's) (scripts/installation.sh):
#   WEDOS_PANEL_PURGE=1 sh /usr/local/directadmin/plugins/wedos/scripts/uninstall.sh
# Zones and protection at WEDOS are left as they are. Sandbox variables: see install.sh.
. "$(dirname -- "$0")/common.sh"

wp_open
wp_require_root
wp_remove_units # absent when install.sh never finished
if wp_is_our_link; then rm -f "$wp_link"; fi
wp_set_plugin_conf installed no
wp_say "wedos-panel: the daemon and the panel reader are stopped and their units removed; zones and protection at WEDOS are left as they are."

if [ "${WEDOS_PANEL_PURGE:-}" = 1 ]; then
  # Only what install.conf records (never a path from config.json), emptied as the service account.
  wp_purge_dir "$wp_data_dir"
  wp_purge_dir "$wp_etc"
  wp_purge_spool_dir
  case $wp_user in
    *[!0-9]*)
      if wp_run getent passwd "$wp_user" > /dev/null 2>&1; then
        wp_out=$(wp_run userdel "$wp_user" 2>&1) && wp_say "- removed the account $wp_user" || wp_say "- could not remove the account $wp_user: $wp_out"
      fi
      ;;
    *) wp_say "- kept uid $wp_user: it was given to install.sh, not created by it" ;;
  esac
else
  wp_say "Kept, for a later install: the data $wp_data_dir, the hooks' spool $wp_spool_dir, the configuration $wp_etc and the account $wp_user."
  wp_say "To remove them as well, run this script with WEDOS_PANEL_PURGE=1 before deleting the plugin:"
  wp_say "  WEDOS_PANEL_PURGE=1 sh $wp_plugin_dir/scripts/uninstall.sh"
fi
wp_close
