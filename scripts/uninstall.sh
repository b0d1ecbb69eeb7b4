#!/bin/sh
# wedos-panel: DirectAdmin's Plugin Manager runs this as root before it deletes the plugin directory. It stops and
# removes the systemd units and the /usr/local/bin/wedos-panel link, and keeps the data (/var/lib/wedos-panel), the
# configuration (/etc/wedos-panel) and the service account, so a later install carries on where this one stopped.
# WEDOS_PANEL_PURGE=1 removes those too:
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
  # A data directory not named for us (dataDir set to a shared folder) is not removed blindly.
  case ${wp_data_dir##*/} in
    *wedos*) rm -rf "$wp_data_dir" && wp_say "- removed $wp_data_dir" ;;
    *) wp_say "- kept $wp_data_dir: its name does not say it is ours; remove it by hand" ;;
  esac
  rm -rf "$wp_etc" && wp_say "- removed $wp_etc"
  if wp_run getent passwd "$wp_user" > /dev/null 2>&1; then
    wp_out=$(wp_run userdel "$wp_user" 2>&1) && wp_say "- removed the account $wp_user" || wp_say "- could not remove the account $wp_user: $wp_out"
  fi
else
  wp_say "Kept, for a later install: the data $wp_data_dir, the configuration $wp_etc and the account $wp_user."
  wp_say "To remove them as well: rm -rf $wp_data_dir $wp_etc && userdel $wp_user"
  wp_say "(or run this script with WEDOS_PANEL_PURGE=1 before deleting the plugin)"
fi
wp_close
