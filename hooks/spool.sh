# wedos-panel: shared body of every DirectAdmin hook, sourced with _wp_hook set.
# It records the event for the daemon and returns at once. It never calls WEDOS and never fails the panel:
# DirectAdmin shows a failing post hook's output as an error, so every path ends in "exit 0".
# Written for bash builtins: the whole hook costs two short processes (env, mv) on bash 5, three on bash 4.4 or sh.
# Every variable of our own starts with _wp_: DirectAdmin exports user.conf keys such as name=, and assigning
# to one of those would change the environment we record.

_wp_hooks_dir=${0%/*}
[ "$_wp_hooks_dir" = "$0" ] && _wp_hooks_dir=.
_wp_plugin_dir=$_wp_hooks_dir/..

# The plugin may be installed but switched off; whether DirectAdmin skips an inactive plugin's hooks is unknown.
_wp_active=no
while IFS='=' read -r _wp_key _wp_value; do
  [ "$_wp_key" = active ] && _wp_active=$_wp_value
done < "$_wp_plugin_dir/plugin.conf" 2>/dev/null
[ "$_wp_active" = yes ] || exit 0

# Find the data directory the way the daemon does: the environment, else "dataDir" in the config file.
_wp_data_dir=$WEDOS_PANEL_DATA_DIR
if [ -z "$_wp_data_dir" ]; then
  _wp_config=${WEDOS_PANEL_CONFIG:-/etc/wedos-panel/config.json}
  if [ -r "$_wp_config" ]; then
    while IFS= read -r _wp_line; do
      case $_wp_line in *'"dataDir"'*) _wp_data_dir=${_wp_line#*\"dataDir\"*:*\"}; _wp_data_dir=${_wp_data_dir%%\"*} ;; esac
    done < "$_wp_config"
  fi
  _wp_data_dir=${_wp_data_dir:-/var/lib/wedos-panel}
fi
_wp_spool=$_wp_data_dir/spool

# The account password arrives in plain text on user_create; it must never be written anywhere.
unset passwd

# Write aside, then rename into new/: the daemon only ever sees complete files (maildir style). The daemon runs as
# its own account (scripts/README.md) and must read what root writes here: 0644 files, inside the 0700 spool of that
# account, where no other account can reach them.
umask 022
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
_wp_spool_event() {
  { env -0 WEDOS_PANEL_HOOK="$_wp_hook" > "$_wp_spool/tmp/$_wp_name" && mv "$_wp_spool/tmp/$_wp_name" "$_wp_spool/new/$_wp_name.env"; } 2>/dev/null
}
# install.sh creates the spool for the daemon's account; without it (development, tests) the first event creates it
# (0700: events can hold account details).
if _wp_spool_event || { mkdir -p -m 0700 "$_wp_spool/tmp" "$_wp_spool/new" 2>/dev/null && _wp_spool_event; }; then
  echo "WEDOS DNS: queued"
else
  rm -f "$_wp_spool/tmp/$_wp_name" 2>/dev/null
  echo "WEDOS DNS: not queued (spool $_wp_spool not writable); an admin should run: wedos-panel doctor"
fi
exit 0
