# wedos-panel: shared body of every DirectAdmin hook, sourced with HOOK set.
# It records the event for the daemon and returns at once. It never calls WEDOS and never fails the panel:
# DirectAdmin shows a failing post hook's output as an error, so every path ends in "exit 0".
# Written for bash builtins: the whole hook costs two short processes (env, mv).

hooks_dir=${0%/*}
[ "$hooks_dir" = "$0" ] && hooks_dir=.
plugin_dir=$hooks_dir/..

# The plugin may be installed but switched off; whether DirectAdmin skips an inactive plugin's hooks is unknown.
active=no
while IFS='=' read -r key value; do
  [ "$key" = active ] && active=$value
done < "$plugin_dir/plugin.conf" 2>/dev/null
[ "$active" = yes ] || exit 0

# Find the data directory the way the daemon does: the environment, else "dataDir" in the config file.
data_dir=$WEDOS_PANEL_DATA_DIR
if [ -z "$data_dir" ]; then
  config=${WEDOS_PANEL_CONFIG:-/etc/wedos-panel/config.json}
  if [ -r "$config" ]; then
    while IFS= read -r line; do
      case $line in *'"dataDir"'*) data_dir=${line#*\"dataDir\"*:*\"}; data_dir=${data_dir%%\"*} ;; esac
    done < "$config"
  fi
  data_dir=${data_dir:-/var/lib/wedos-panel}
fi
spool=$data_dir/spool

# The account password arrives in plain text on user_create; it must never be written anywhere.
unset passwd

# Write aside, then rename into new/: the daemon only ever sees complete files (maildir style).
name="${EPOCHREALTIME/./}-$$-$HOOK"
spool_event() {
  { env -0 WEDOS_PANEL_HOOK="$HOOK" > "$spool/tmp/$name" && mv "$spool/tmp/$name" "$spool/new/$name.env"; } 2>/dev/null
}
# The first event on a fresh install creates the spool (0700: events can hold account details).
if spool_event || { mkdir -p -m 0700 "$spool/tmp" "$spool/new" 2>/dev/null && spool_event; }; then
  echo "WEDOS DNS: queued"
else
  rm -f "$spool/tmp/$name" 2>/dev/null
  echo "WEDOS DNS: not queued (spool $spool not writable); an admin should run: wedos-panel doctor"
fi
exit 0
