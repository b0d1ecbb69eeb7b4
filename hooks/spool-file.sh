# wedos-panel: how a hook finds its spool and writes one file into it, sourced by common.sh (the DirectAdmin hooks)
# and by the cPanel hook. POSIX sh and builtins only (dash, or bash as sh), so a hook starts no process of its own
# (docs/decisions/0020). Every variable starts with _wp_: the panels export variables of their own.
#
# Names are <sequence>-<rest>: the sequence, 16 digits, is one more than the highest in the spool when the hook looks
# (the shell's sorted glob), so a hook that starts after another has finished always sorts after it, and the daemon
# reads the spool in name order = the order the events happened. Hooks that run at the same time may draw the same
# number; their order is arbitrary, as the events are, and the pid in <rest> keeps the names apart. The hooks never
# empty the spool (a hook's own new file always stays), so the sequence never starts over.

# _wp_find_spool RECORD: sets _wp_events (where events go), _wp_consumed (the daemon's notes of what it consumed),
# _wp_installed, and _wp_untrusted (why nothing may be written; empty when all is well).
# An installed plugin has its installation record (install.conf: root's, written by the installers), and the hooks
# learn the data directory and the spool directory from it alone, never from the environment or config.json, which
# the service account can change. The spool directory is root's (root:<service group>, 2750, outside the data
# directory): the service account may read it but can neither write into it nor plant a link in it, so root writes
# there directly, as itself, without following anything the account controls. Without the record (a development
# checkout, the demo, the tests) the spool is <data directory>/spool/new, the data directory from the environment,
# else "dataDir" in the config file, as the daemon does.
_wp_find_spool() {
  _wp_data_dir=
  _wp_events=
  _wp_untrusted=
  _wp_installed=no
  if [ -f "$1" ]; then
    _wp_installed=yes
    # key=value: "|| [ -n … ]" still reads a last line without a newline. The shell reads a byte per system call:
    # stop once both are known (the installers write them first).
    while IFS='=' read -r _wp_key _wp_value || [ -n "$_wp_key" ]; do
      case $_wp_key in
        data_dir) _wp_data_dir=$_wp_value ;;
        spool_dir) _wp_events=$_wp_value ;;
      esac
      [ -z "$_wp_data_dir" ] || [ -z "$_wp_events" ] || break
    done < "$1"
    # The panels run the hooks as root: a record root does not own is not trusted (-O: owned by whoever runs this).
    if [ ! -O "$1" ]; then
      _wp_untrusted="the plugin's install.conf is not root's"
    elif [ -z "$_wp_events" ]; then
      _wp_untrusted="the plugin's install.conf names no spool_dir; install the plugin again"
    fi
  else
    # As the daemon: a variable that is empty or blank counts as not set.
    case $WEDOS_PANEL_DATA_DIR in *[![:space:]]*) _wp_data_dir=$WEDOS_PANEL_DATA_DIR ;; esac
    if [ -z "$_wp_data_dir" ]; then
      _wp_config=$WEDOS_PANEL_CONFIG
      case $_wp_config in *[![:space:]]*) ;; *) _wp_config=/etc/wedos-panel/config.json ;; esac
      # The JSON reader lives beside this file and is read only here: an installed hook does not pay for parsing it.
      # Its directory is the one this file was sourced from (the cPanel hook's _wp_lib, else common.sh's).
      _wp_reader=${_wp_lib:-$_wp_hooks_dir/spool-file.sh}
      _wp_reader=${_wp_reader%/*}/config-json.sh
      _wp_unclear="the hooks' reader $_wp_reader is missing; install the plugin again"
      if ! { [ -r "$_wp_reader" ] && . "$_wp_reader" && _wp_config_data_dir "$_wp_config"; }; then
        _wp_untrusted="cannot tell the data directory from $_wp_config: $_wp_unclear"
        _wp_data_dir=
      fi
    fi
    _wp_data_dir=${_wp_data_dir:-/var/lib/wedos-panel}
    _wp_events=$_wp_data_dir/spool/new
  fi
  # The daemon's note of each event it consumed: an empty file of the event's name in its own data directory.
  _wp_consumed=${_wp_data_dir:-/var/lib/wedos-panel}/spool/consumed
}

_wp_16=[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]
# How many files the spool may hold before a hook removes those the daemon has consumed: one short process (rm) in
# about every this many events, the only process a hook ever starts.
_wp_prune_at=256

# _wp_next_sequence: sets _wp_sequence to the next number (no leading zeros) and _wp_count to the files seen.
_wp_next_sequence() {
  set -- "$_wp_events"/[0-9]*
  _wp_count=$#
  eval "_wp_sequence=\${$#}"
  _wp_sequence=${_wp_sequence##*/}
  _wp_sequence=${_wp_sequence%%-*}
  case $_wp_sequence in $_wp_16) ;; *) _wp_sequence=0 ;; esac
  _wp_sequence=${_wp_sequence#"${_wp_sequence%%[!0]*}"} # no leading zeros: $(( )) would read octal
  _wp_sequence=$((${_wp_sequence:-0} + 1))
}

# _wp_prune KEEP: removes, in one rm, the spool files the daemon noted as consumed, except KEEP (this hook's own new
# file, the newest). Installed, the spool is root's: only root's own files are there, and the daemon's notes (in its
# own directory) are only tested for existence, which follows nothing into a write.
_wp_prune() {
  _wp_keep=$1
  set --
  for _wp_entry in "$_wp_events"/[0-9]*; do
    [ "$_wp_entry" != "$_wp_keep" ] && [ -e "$_wp_consumed/${_wp_entry##*/}" ] && set -- "$@" "$_wp_entry"
  done
  [ $# -eq 0 ] && return
  PATH=${PATH:+$PATH:}/usr/bin:/bin
  rm -f -- "$@" 2> /dev/null
}

# _wp_spool_file REST COMMAND [ARG…]: creates a new spool file <sequence>-REST, then writes COMMAND's output into it and
# ends it with the end marker (a NUL, WEDOS_PANEL_END, a NUL): the daemon reads only files that end with it, and keeps
# aside with a warning one a killed hook left without it. The name is taken with noclobber (O_EXCL: never through a
# link, never over another file; a name taken meanwhile draws the next number) and written in place, 0640
# (root:<service group> through the installed spool's setgid bit). Sets _wp_file; returns 3 when the spool cannot be
# written.
_wp_spool_file() {
  _wp_rest=$1
  shift
  umask 027
  # Installed, the installers made the spool; in development the first event makes it (0700: it holds account details).
  [ -d "$_wp_events" ] || [ "$_wp_installed" = yes ] || mkdir -p -m 0700 "${_wp_events%/*}" "$_wp_events" 2> /dev/null
  _wp_next_sequence
  _wp_tries=0
  set -C
  while :; do
    _wp_file=000000000000000$_wp_sequence
    _wp_file=$_wp_events/${_wp_file#"${_wp_file%????????????????}"}-$_wp_rest
    { printf "" > "$_wp_file"; } 2> /dev/null && break # printf, not ":": a failed redirection must not end the hook
    _wp_tries=$((_wp_tries + 1))
    if [ "$_wp_tries" -ge 64 ] || { [ ! -e "$_wp_file" ] && [ ! -L "$_wp_file" ]; }; then
      set +C
      return 3
    fi
    _wp_sequence=$((_wp_sequence + 1))
  done
  set +C
  { "$@" && printf '\0WEDOS_PANEL_END\0'; } >> "$_wp_file" || return 3
  [ "$_wp_count" -lt "$_wp_prune_at" ] || _wp_prune "$_wp_file"
  return 0
}
