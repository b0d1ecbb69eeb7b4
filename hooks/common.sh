# wedos-panel: the shared part of the DirectAdmin hooks, sourced with _wp_hook set by spool.sh (the post hooks) and
# pre-check.sh (the pre hooks). It leaves the hook at once (exit 0) when the plugin is switched off, finds the spool,
# and defines _wp_spool_write, the one way a hook writes into it (README.md in this folder).
# Every variable of our own starts with _wp_: DirectAdmin exports user.conf keys such as name=, and assigning to one
# of those would change the environment the hook reads. Builtins only on the common path: hooks must stay cheap.

_wp_hooks_dir=${0%/*}
[ "$_wp_hooks_dir" = "$0" ] && _wp_hooks_dir=.
_wp_plugin_dir=$_wp_hooks_dir/..

# key=value files (plugin.conf, install.conf): "|| [ -n … ]" still reads a last line without a newline.
# The plugin may be installed but switched off; whether DirectAdmin skips an inactive plugin's hooks is unknown.
_wp_active=no
while IFS='=' read -r _wp_key _wp_value || [ -n "$_wp_key" ]; do
  [ "$_wp_key" = active ] && _wp_active=$_wp_value
done 2>/dev/null < "$_wp_plugin_dir/plugin.conf"
[ "$_wp_active" = yes ] || exit 0

# An installed plugin has its installation record (install.conf: root's, written by the installers), and the hooks
# learn the service account and the data directory from it alone, never from the environment or config.json, which
# the service account can change. Run as root, they then write the spool as that account (_wp_spool_write), so a
# link it planted in its own data directory leads nowhere it could not write anyway. Without the record (a
# development checkout, the demo, the tests): the environment, else "dataDir" in the config file, as the daemon does.
_wp_user=
_wp_data_dir=
if [ -f "$_wp_plugin_dir/install.conf" ]; then
  _wp_installed=yes
  while IFS='=' read -r _wp_key _wp_value || [ -n "$_wp_key" ]; do
    case $_wp_key in
      service_user) _wp_user=$_wp_value ;;
      data_dir) _wp_data_dir=$_wp_value ;;
    esac
  done < "$_wp_plugin_dir/install.conf"
  # bash knows its user id without a process; sh pays one.
  if [ -n "${BASH_VERSION-}" ]; then _wp_uid=$EUID; else _wp_uid=$(id -u); fi
else
  _wp_installed=no
  _wp_uid=
  _wp_data_dir=$WEDOS_PANEL_DATA_DIR
  if [ -z "$_wp_data_dir" ]; then
    _wp_config=${WEDOS_PANEL_CONFIG:-/etc/wedos-panel/config.json}
    if [ -r "$_wp_config" ]; then
      while IFS= read -r _wp_line || [ -n "$_wp_line" ]; do
        case $_wp_line in *'"dataDir"'*) _wp_data_dir=${_wp_line#*\"dataDir\"*:*\"}; _wp_data_dir=${_wp_data_dir%%\"*} ;; esac
      done < "$_wp_config"
    fi
  fi
fi
_wp_data_dir=${_wp_data_dir:-/var/lib/wedos-panel}
_wp_spool=$_wp_data_dir/spool

# What the hooks record: only the variables the plugin reads (src/panel/directadmin/hook-variables.ts, which a test
# holds equal to this list) — never passwd (the account password, in plain text on user_create), session keys,
# cookies or the rest of user.conf.
_wp_variables='username USERNAME domain DOMAIN newdomain from package ip ips creator skip_template zone_existed caller
A A_TIME AAAA AAAA_TIME CNAME CNAME_TIME MX MX_FULL MX_TIME NS NS_TIME PTR PTR_TIME TXT TXT_TIME SRV SRV_TIME SPF
SPF_TIME CAA CAA_TIME TLSA TLSA_TIME SSHFP SSHFP_TIME DS DS_TIME HTTPS HTTPS_TIME SVCB SVCB_TIME'

# Names start with the time in microseconds, always 16 digits, so the daemon reads new/ in name order = the order
# the events happened; the pid after it keeps two hooks of the same microsecond apart. bash 5 has the time built in
# (EPOCHREALTIME, "seconds.micros", the decimal point as the locale writes it); bash 4.4 (EL8) and sh do not, and pay
# one process for date; a date without %N gives whole seconds (events of one second then read in pid order).
# POSIX expansions only, so the same lines work in every shell.
_wp_now=${EPOCHREALTIME%[.,]*}${EPOCHREALTIME#*[.,]}
_wp_16=[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]
case $_wp_now in $_wp_16) ;; *) _wp_now=$(date +%s%6N 2>/dev/null) ;; esac
case $_wp_now in $_wp_16) ;; *) _wp_now=$(date +%s)000000 ;; esac
_wp_name="$_wp_now-$$-$_wp_hook"

# _wp_store SPOOL FILE RECORD…: writes the records (NAME=value, each ended by a NUL byte, as `env -0` writes them) to
# SPOOL/tmp/FILE, then renames it into SPOOL/new/: the daemon only ever sees complete files (maildir style). The
# files are 0644 inside the 0700 spool of the service account. install.sh creates the spool; without it (development,
# tests) the first event creates it (0700: events hold account details). Returns 3 when the spool cannot be written.
# Kept as text so that the same function runs in this shell or, after the switch to the service account, in a new one.
_wp_store_function='_wp_store() {
  umask 022
  PATH=${PATH:+$PATH:}/usr/bin:/bin
  _wp_at=$1 _wp_file=$2
  shift 2
  { printf "%s\0" "$@" > "$_wp_at/tmp/$_wp_file" && mv "$_wp_at/tmp/$_wp_file" "$_wp_at/new/$_wp_file"; } 2>/dev/null && return 0
  { mkdir -p -m 0700 "$_wp_at" "$_wp_at/tmp" "$_wp_at/new" && printf "%s\0" "$@" > "$_wp_at/tmp/$_wp_file" && mv "$_wp_at/tmp/$_wp_file" "$_wp_at/new/$_wp_file"; } 2>/dev/null && return 0
  rm -f "$_wp_at/tmp/$_wp_file" 2>/dev/null
  return 3
}'
eval "$_wp_store_function"

# _wp_spool_write SUFFIX [RECORD…]: stores one spool file named after this event: WEDOS_PANEL_HOOK, the given records,
# then each listed variable that is set. Root on an installed server writes only as the service account (setpriv,
# which takes numbers or names): when that is impossible the event is not written at all. Sets _wp_not_queued to why
# it was not written, empty when it was.
_wp_spool_write() {
  _wp_suffix=$1
  shift
  set -- "WEDOS_PANEL_HOOK=$_wp_hook" "$@"
  for _wp_variable in $_wp_variables; do
    eval "[ -z \"\${$_wp_variable+set}\" ] || set -- \"\$@\" \"$_wp_variable=\$$_wp_variable\""
  done
  if [ "$_wp_installed" = yes ] && [ "$_wp_uid" = 0 ]; then
    if [ -z "$_wp_user" ] || [ ! -O "$_wp_plugin_dir/install.conf" ]; then
      _wp_not_queued="the plugin's install.conf names no service account or is not root's"
      return
    fi
    setpriv --reuid="$_wp_user" --regid="$_wp_user" --clear-groups -- /bin/sh -c "$_wp_store_function"'
_wp_store "$@"' wedos-panel-hook "$_wp_spool" "$_wp_name$_wp_suffix" "$@" 2>/dev/null
  else
    _wp_store "$_wp_spool" "$_wp_name$_wp_suffix" "$@"
  fi
  case $? in
    0) _wp_not_queued= ;;
    3) _wp_not_queued="spool $_wp_spool not writable" ;;
    *) _wp_not_queued="cannot act as the service account $_wp_user" ;;
  esac
}
