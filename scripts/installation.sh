# wedos-panel: the service account, its data directory and configuration, and the installation record. The
# installers run as root, and the data directory and /etc/wedos-panel belong to the service account:
# root creates and hands over only paths it chose itself (the default data directory, or one the admin names with
# --data-dir, kept in install.conf), never one read from config.json, and does everything inside them as that
# account, so a link the account planted there leads nowhere it could not reach anyway
# (docs/decisions/0010-root-acts-as-the-service-account.md).

# Sourced by common.sh (DirectAdmin) and cpanel/install.sh (cPanel), after service.sh and after they define wp_fail,
# wp_say, wp_package_dir (where install.conf lives) and wp_root.

# The value of KEY in a key=value file (plugin.conf, platform.conf, install.conf); empty when absent. A last line
# without a newline counts.
wp_conf_value() {
  wp_value=
  while IFS='=' read -r wp_key wp_line || [ -n "$wp_key" ]; do
    if [ "$wp_key" = "$1" ]; then wp_value=$wp_line; fi
  done < "$2"
  printf '%s' "$wp_value"
}

# The installation record: root's, 0644, in the root-owned plugin directory; the hooks and root's commands read the
# service account and the data directory from here and nowhere else.
wp_record=$wp_package_dir/install.conf
wp_user=wedos-panel
wp_data_dir=$wp_root/var/lib/wedos-panel
wp_recorded=
if [ -f "$wp_record" ]; then
  wp_recorded=$(wp_conf_value service_user "$wp_record")
  wp_user=${wp_recorded:-$wp_user}
  wp_value=$(wp_conf_value data_dir "$wp_record")
  wp_data_dir=${wp_value:-$wp_data_dir}
fi
wp_recorded_data_dir=$wp_data_dir
# The hooks' spool: root's, fixed (never from the record or an option), outside the data directory (docs/decisions/0020).
wp_spool_dir=$wp_root/var/spool/wedos-panel

# install.sh's options: --data-dir DIR (an absolute path; default /var/lib/wedos-panel, or the one recorded before)
# and --service-user NAME|UID (default wedos-panel; a number is an existing uid, used as it is, group the same).
wp_install_options() {
  while [ $# -gt 0 ]; do
    case $1 in
      --data-dir=*) wp_data_dir=${1#*=} ;;
      --data-dir) [ $# -ge 2 ] || wp_fail "--data-dir needs a directory"; wp_data_dir=$2 && shift ;;
      --service-user=*) wp_user=${1#*=} ;;
      --service-user) [ $# -ge 2 ] || wp_fail "--service-user needs an account name or number"; wp_user=$2 && shift ;;
      *) wp_fail "unknown option $1; install.sh takes --data-dir DIR and --service-user NAME|UID" ;;
    esac
    shift
  done
  case $wp_data_dir in
    /*) ;;
    *) wp_fail "--data-dir $wp_data_dir: give an absolute path" ;;
  esac
  case $wp_data_dir in
    */../* | */.. | */./* | */. | *//* | */ | *[!A-Za-z0-9._/-]*) wp_fail "--data-dir $wp_data_dir: give a plain absolute path (letters, digits, . _ - /, no . or .. parts, no trailing /)" ;;
  esac
  case $wp_user in
    '' | [0-9]*[!0-9]* | [!a-z_0-9]* | *[!a-z0-9_-]*) wp_fail "--service-user $wp_user: give an account name (lower-case letters, digits, _ and -) or a uid" ;;
  esac
}

# The service account's uid (asking about an account, so through wp_run); empty when there is no such account.
wp_service_uid() {
  case $wp_user in
    *[!0-9]*) wp_run id -u "$wp_user" 2> /dev/null ;;
    *) printf '%s\n' "$wp_user" ;;
  esac
}

# Runs a command as the service account (setpriv takes names and numbers; no supplementary group is needed here).
wp_as_service() {
  wp_run setpriv --reuid="$wp_user" --regid="$wp_user" --clear-groups -- "$@"
}

wp_check_setpriv() {
  command -v setpriv > /dev/null 2>&1 ||
    wp_fail "setpriv is not installed: the installers use it to act as the service account in its own directories. Install util-linux (it has setpriv), then install the plugin again."
}

# The account the daemon runs as: created (no login shell, a group of the same name) unless it exists; a number
# names an existing uid and is used as it is.
wp_ensure_account() {
  case $wp_user in
    *[!0-9]*) ;;
    *)
      wp_account="uid $wp_user, as given"
      return
      ;;
  esac
  if wp_run getent passwd "$wp_user" > /dev/null 2>&1; then
    wp_account="exists"
    return
  fi
  wp_nologin=/usr/sbin/nologin
  [ -x "$wp_nologin" ] || wp_nologin=/sbin/nologin
  wp_out=$(wp_run useradd --system --user-group --no-create-home --home-dir "$wp_data_dir" --shell "$wp_nologin" --comment "wedos-panel daemon" "$wp_user" 2>&1) ||
    wp_fail "cannot create the service account $wp_user: $wp_out"
  wp_account="created"
}

# Every directory above DIR must be root's (the installing user's, in a test sandbox) and writable by no one else
# (or sticky, like /tmp), so the service account can never swap DIR for something else. A missing parent is made.
wp_check_ancestors() {
  if [ ! -d "${1%/*}/" ]; then install -d -m 0755 "${1%/*}/" || wp_fail "cannot create ${1%/*}"; fi
  wp_parent=$(readlink -f -- "${1%/*}/" 2> /dev/null) || wp_fail "cannot resolve the parent of $1"
  wp_me=$(id -u)
  while :; do
    [ -n "$(find "${wp_parent:-/}" -maxdepth 0 -user "$wp_me" \( ! -perm /022 -o -perm -1000 \) 2> /dev/null)" ] ||
      wp_fail "${wp_parent:-/}, above $1, must belong to root and be writable by nobody else; choose another --data-dir"
    [ -n "$wp_parent" ] || break
    wp_parent=${wp_parent%/*}
  done
}

# /etc/wedos-panel (0700) is the service account's: the admin's Settings page saves the WAPI settings through the
# daemon, atomically (a temporary file in the directory, then a rename), and the password to its own 0600 file.
# Root creates and hands over the directory; config.json is created by the account, only if absent, never rewritten,
# holding $1 (a printf format; default an empty object).
wp_prepare_config() {
  [ ! -L "$wp_etc" ] || wp_fail "$wp_etc is a symbolic link; it must be a directory: remove the link and install again"
  wp_check_ancestors "$wp_etc"
  if [ ! -d "$wp_etc" ]; then install -d -m 0700 "$wp_etc" || wp_fail "cannot create $wp_etc"; fi
  chmod 0700 "$wp_etc" || wp_fail "cannot set the mode of $wp_etc"
  wp_out=$(wp_run chown "$wp_user:$wp_user" "$wp_etc" 2>&1) || wp_fail "cannot hand $wp_etc to $wp_user: $wp_out"
  if [ -e "$wp_config" ] || [ -L "$wp_config" ]; then
    wp_config_state="kept as it was"
    return
  fi
  wp_initial='{\n}\n'
  [ $# -eq 0 ] || wp_initial=$1
  wp_out=$(wp_as_service sh -c 'umask 077 && printf "$2" > "$1.new" && mv "$1.new" "$1"' wedos-panel "$wp_config" "$wp_initial" 2>&1) ||
    wp_fail "cannot write $wp_config as $wp_user: $wp_out"
  wp_config_state="created, mode 0600"
}

# The data directory (0700): root creates it and hands it to the account; the spool inside is made by the account.
wp_prepare_data_dir() {
  [ ! -L "$wp_data_dir" ] || wp_fail "$wp_data_dir is a symbolic link; the data directory must be a directory: remove the link, or choose another --data-dir"
  [ -d "$wp_data_dir" ] || [ ! -e "$wp_data_dir" ] || wp_fail "$wp_data_dir is not a directory; move it away, or choose another --data-dir"
  wp_check_ancestors "$wp_data_dir"
  wp_data_state="kept"
  if [ ! -d "$wp_data_dir" ]; then
    install -d -m 0700 "$wp_data_dir" || wp_fail "cannot create $wp_data_dir"
    wp_data_state="created, mode 0700"
  fi
  chmod 0700 "$wp_data_dir" || wp_fail "cannot set the mode of $wp_data_dir"
  wp_out=$(wp_run chown "$wp_user:$wp_user" "$wp_data_dir" 2>&1) || wp_fail "cannot hand $wp_data_dir to $wp_user: $wp_out"
  wp_out=$(wp_as_service mkdir -p -m 0700 "$wp_data_dir/spool" "$wp_data_dir/spool/consumed" "$wp_data_dir/spool/rejected" 2>&1) ||
    wp_fail "cannot create the daemon's spool folders in $wp_data_dir as $wp_user: $wp_out"
  if [ "$wp_data_dir" != "$wp_recorded_data_dir" ] && [ -f "$wp_record" ]; then
    wp_data_state="$wp_data_state; the data in $wp_recorded_data_dir stays there: move it yourself if you meant to keep it"
  fi
}

# The hooks' spool, where they write as root (docs/decisions/0020): root's, group the service account's, 2750 — the
# daemon reads it; the account can neither write into it nor plant a link there — and every directory above it root's.
# The setgid bit gives each event file the account's group.
wp_prepare_spool_dir() {
  [ ! -L "$wp_spool_dir" ] || wp_fail "$wp_spool_dir is a symbolic link; the hooks' spool must be a directory: remove the link and install again"
  [ -d "$wp_spool_dir" ] || [ ! -e "$wp_spool_dir" ] || wp_fail "$wp_spool_dir is not a directory; move it away and install again"
  wp_check_ancestors "$wp_spool_dir"
  if [ ! -d "$wp_spool_dir" ]; then install -d -m 0750 "$wp_spool_dir" || wp_fail "cannot create $wp_spool_dir"; fi
  [ -O "$wp_spool_dir" ] || wp_fail "$wp_spool_dir does not belong to root; move it away and install again"
  wp_out=$(wp_run chgrp "$wp_user" "$wp_spool_dir" 2>&1) || wp_fail "cannot give $wp_spool_dir the group of $wp_user: $wp_out"
  chmod 2750 "$wp_spool_dir" || wp_fail "cannot set the mode of $wp_spool_dir"
}

# Writes install.conf (root, 0644) through a temporary file in the plugin directory (root's) and a rename.
wp_write_record() {
  wp_record_state="written"
  [ -f "$wp_record" ] || wp_record_state="created: from now on the hooks and root's commands find the data here, not through dataDir in config.json"
  wp_tmp=$wp_record.$$
  # spool_dir and data_dir first: the hooks read a byte per system call and stop once they have both.
  printf 'spool_dir=%s\ndata_dir=%s\nservice_user=%s\nconfig_file=%s\nreader_socket=%s\n' "$wp_spool_dir" "$wp_data_dir" "$wp_user" "$wp_config" "$wp_reader_socket" > "$wp_tmp" &&
    chmod 0644 "$wp_tmp" && mv -f "$wp_tmp" "$wp_record" || wp_fail "cannot write $wp_record"
}

# uninstall.sh's purge: the contents of the data directory and of /etc/wedos-panel are removed as the service account
# (find -delete never follows a link), then root removes the two directories only when they are provably ours: the
# recorded ones, real directories (not links), the service account's, and empty.
wp_purge_dir() {
  if [ -L "$1" ]; then
    wp_say "- kept $1: it is a symbolic link, not the directory the plugin made; remove it by hand"
    return
  fi
  [ -d "$1" ] || return 0
  wp_uid=$(wp_service_uid)
  if [ -z "$wp_uid" ] || [ "$(stat -c %u -- "$1")" != "$wp_uid" ]; then
    wp_say "- kept $1: it does not belong to $wp_user; remove it by hand"
    return
  fi
  wp_out=$(wp_as_service find "$1" -mindepth 1 -delete 2>&1 | head -n 1)
  if rmdir "$1" 2> /dev/null; then
    wp_say "- removed $1"
  else
    wp_say "- kept $1: $wp_user could not empty it (${wp_out:-files of another owner}); remove it by hand"
  fi
}

# uninstall.sh's purge: the hooks' spool holds only root's files (the account can write nothing there), so root removes
# it, when it is a real directory of root's.
wp_purge_spool_dir() {
  [ -e "$wp_spool_dir" ] || [ -L "$wp_spool_dir" ] || return 0
  if [ -L "$wp_spool_dir" ] || [ ! -d "$wp_spool_dir" ] || [ ! -O "$wp_spool_dir" ]; then
    wp_say "- kept $wp_spool_dir: it is not a directory of root's, as the plugin made it; remove it by hand"
    return
  fi
  rm -rf -- "$wp_spool_dir" && wp_say "- removed $wp_spool_dir"
}
