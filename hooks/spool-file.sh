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
      if ! _wp_config_data_dir "$_wp_config"; then
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

# _wp_config_data_dir FILE: sets _wp_data_dir to "dataDir" of the configuration file's top-level object, as the
# daemon's JSON.parse reads it (empty: the file or the key is not there, so the default applies), and returns 0; or
# sets _wp_unclear to why it cannot tell and returns 1: then the hook queues nothing and says so, rather than spool
# where the daemon never looks. Any valid JSON layout counts (one line or many, no final newline, CRLF, tabs, several
# keys a line, escapes, a key repeated: the last wins); a "dataDir" inside a nested object does not. It checks the
# structure it walks, not every rule of JSON: a file the daemon refuses stops the daemon anyway (doctor names it).
# Builtins only; a \u escape in a key or in the value costs one subshell (printf), the one exception.
_wp_config_data_dir() {
  _wp_data_dir=
  _wp_unclear=
  if [ ! -e "$1" ]; then
    [ -z "$WEDOS_PANEL_CONFIG" ] && return 0 # the default file is optional, as for the daemon
    _wp_unclear="the file does not exist"
    return 1
  fi
  [ -r "$1" ] || { _wp_unclear="the file cannot be read"; return 1; }
  _wp_json=
  while IFS= read -r _wp_line || [ -n "$_wp_line" ]; do
    _wp_json=$_wp_json$_wp_line'
'
  done < "$1"
  _wp_json_walk || return 1
  case $_wp_found in
    '') ;;
    string)
      case $_wp_data_dir in
        '') _wp_unclear='"dataDir" is empty' ;;
        *[[:cntrl:]]*) _wp_unclear='"dataDir" holds a control character' ;;
        /*) return 0 ;;
        *) _wp_unclear='"dataDir" is not an absolute path' ;;
      esac
      return 1 ;;
    *) _wp_unclear='"dataDir" is not a string'; return 1 ;;
  esac
}

# _wp_json_walk: walks the JSON text in _wp_json token by token (never byte by byte: the shell copies the rest of the
# text at each step) and sets _wp_found (string, other, or empty) and _wp_data_dir from the last top-level "dataDir".
# _wp_stack holds o (object) or a (array) for each level; _wp_expect is what may come next.
_wp_json_token='[]{}[",:]' # what starts or ends a token (a pattern; "}" cannot be written inside ${…})
_wp_json_walk() {
  _wp_found=
  _wp_stack=
  _wp_expect=top
  _wp_is_data_dir=no
  _wp_rest=$_wp_json
  while :; do
    _wp_gap=${_wp_rest%%$_wp_json_token*}
    _wp_rest=${_wp_rest#"$_wp_gap"}
    case $_wp_gap in
      *[![:space:]]*)
        # A number, true, false or null: only where a value may be, and never one that starts another token.
        case $_wp_expect in value | first-value) ;; *) _wp_unclear="not valid JSON"; return 1 ;; esac
        case $_wp_gap in *[!-+.0-9a-z[:space:]]*) _wp_unclear="not valid JSON"; return 1 ;; esac
        [ "$_wp_is_data_dir" = yes ] && _wp_found=other
        _wp_is_data_dir=no
        _wp_expect=next ;;
    esac
    if [ -z "$_wp_rest" ]; then
      [ "$_wp_expect" = end ] && return 0
      _wp_unclear="not valid JSON (it ends too early)"
      return 1
    fi
    _wp_token=${_wp_rest%"${_wp_rest#?}"}
    _wp_rest=${_wp_rest#?}
    case $_wp_expect$_wp_token in
      'top{' | 'value{' | 'first-value{' | 'value[' | 'first-value[')
        # An object or an array as the value of "dataDir": the daemon wants a string.
        [ "$_wp_is_data_dir" = yes ] && _wp_found=other
        _wp_is_data_dir=no
        case $_wp_token in
          '{') _wp_stack=${_wp_stack}o _wp_expect=first-key ;;
          *) _wp_stack=${_wp_stack}a _wp_expect=first-value ;;
        esac ;;
      'first-key"' | 'key"')
        _wp_json_string || return 1
        _wp_is_data_dir=no
        if [ "$_wp_stack" = o ]; then
          case $_wp_raw in
            dataDir) _wp_is_data_dir=yes ;;
            *\\*) _wp_json_decode "$_wp_raw" || return 1; [ "$_wp_text" = dataDir ] && _wp_is_data_dir=yes ;;
          esac
        fi
        _wp_expect=colon ;;
      'colon:') _wp_expect=value ;;
      'value"' | 'first-value"')
        _wp_json_string || return 1
        if [ "$_wp_is_data_dir" = yes ]; then
          _wp_found=string
          _wp_data_dir=$_wp_raw
          case $_wp_raw in *\\*) _wp_json_decode "$_wp_raw" || return 1; _wp_data_dir=$_wp_text ;; esac
        fi
        _wp_is_data_dir=no
        _wp_expect=next ;;
      'next,') case $_wp_stack in *o) _wp_expect=key ;; *) _wp_expect=value ;; esac ;;
      'next}' | 'first-key}' | 'next]' | 'first-value]')
        case $_wp_stack$_wp_token in *'o}' | *'a]') ;; *) _wp_unclear="not valid JSON"; return 1 ;; esac
        _wp_stack=${_wp_stack%?}
        _wp_expect=next
        [ -n "$_wp_stack" ] || _wp_expect=end ;;
      *)
        case $_wp_expect in top) _wp_unclear="not a JSON object" ;; *) _wp_unclear="not valid JSON" ;; esac
        return 1 ;;
    esac
  done
}

# _wp_json_string: takes a string from _wp_rest (its opening quote already taken) into _wp_raw, escapes undecoded.
_wp_json_string() {
  _wp_raw=
  while :; do
    _wp_part=${_wp_rest%%[\\\"]*}
    case $_wp_part in *[[:cntrl:]]*) _wp_unclear="not valid JSON (a control character in a string)"; return 1 ;; esac
    _wp_raw=$_wp_raw$_wp_part
    _wp_rest=${_wp_rest#"$_wp_part"}
    case $_wp_rest in
      \"*) _wp_rest=${_wp_rest#?}; return 0 ;;
      \\?*) _wp_raw=$_wp_raw${_wp_rest%"${_wp_rest#??}"}; _wp_rest=${_wp_rest#??} ;;
      *) _wp_unclear="not valid JSON (a string does not end)"; return 1 ;;
    esac
  done
}

_wp_hex4=[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]

# _wp_json_decode RAW: sets _wp_text to the string RAW's escapes stand for. Returns 1 (with _wp_unclear) for an
# escape JSON does not have and for what no path holds: a control character, a lone surrogate.
_wp_json_decode() {
  _wp_in=$1
  _wp_text=
  while :; do
    _wp_part=${_wp_in%%\\*}
    _wp_text=$_wp_text$_wp_part
    [ "$_wp_part" = "$_wp_in" ] && return 0
    _wp_in=${_wp_in#"$_wp_part"?}
    case $_wp_in in
      [\"\\/]*) _wp_text=$_wp_text${_wp_in%"${_wp_in#?}"}; _wp_in=${_wp_in#?} ;;
      u$_wp_hex4*)
        _wp_json_code_point || return 1
        _wp_utf8 ;;
      [bfnrt]*) _wp_unclear="a control character (\\${_wp_in%"${_wp_in#?}"})"; return 1 ;;
      *) _wp_unclear="not valid JSON (an unknown escape)"; return 1 ;;
    esac
  done
}

# _wp_json_code_point: takes a \u escape (a surrogate pair as one) from _wp_in, whose "u" is next, into _wp_code.
_wp_json_code_point() {
  _wp_code=${_wp_in#u}
  _wp_code=$((0x${_wp_code%"${_wp_code#????}"}))
  _wp_in=${_wp_in#u????}
  if [ "$_wp_code" -ge 55296 ] && [ "$_wp_code" -le 56319 ]; then # D800-DBFF, a high surrogate: a low one must follow
    case $_wp_in in
      \\u[Dd][C-Fc-f][0-9A-Fa-f][0-9A-Fa-f]*)
        _wp_low=${_wp_in#??}
        _wp_low=$((0x${_wp_low%"${_wp_low#????}"}))
        _wp_in=${_wp_in#??????}
        _wp_code=$((65536 + (_wp_code - 55296) * 1024 + _wp_low - 56320))
        return 0 ;;
    esac
  fi
  if [ "$_wp_code" -ge 55296 ] && [ "$_wp_code" -le 57343 ]; then
    _wp_unclear="a lone surrogate (\\u escape)"
    return 1
  fi
  [ "$_wp_code" -ge 32 ] && [ "$_wp_code" -ne 127 ] && return 0
  _wp_unclear="a control character (\\u escape)"
  return 1
}

# _wp_utf8: appends code point _wp_code to _wp_text as UTF-8, through printf's octal escapes.
_wp_utf8() {
  if [ "$_wp_code" -lt 128 ]; then
    set -- "$_wp_code"
  elif [ "$_wp_code" -lt 2048 ]; then
    set -- $((192 + _wp_code / 64)) $((128 + _wp_code % 64))
  elif [ "$_wp_code" -lt 65536 ]; then
    set -- $((224 + _wp_code / 4096)) $((128 + _wp_code / 64 % 64)) $((128 + _wp_code % 64))
  else
    set -- $((240 + _wp_code / 262144)) $((128 + _wp_code / 4096 % 64)) $((128 + _wp_code / 64 % 64)) \
      $((128 + _wp_code % 64))
  fi
  _wp_format=
  for _wp_byte; do
    _wp_format=$_wp_format\\$((_wp_byte / 64))$((_wp_byte / 8 % 8))$((_wp_byte % 8))
  done
  _wp_byte=$(printf "$_wp_format.")
  _wp_text=$_wp_text${_wp_byte%.}
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
