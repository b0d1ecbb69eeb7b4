# wedos-panel: how a hook reads "dataDir" from the configuration file without an installation record (a development
# checkout, the demo, the tests), sourced by _wp_find_spool in spool-file.sh only then. POSIX sh and builtins only
# (dash, or bash as sh), as every hook file (docs/decisions/0020, 0031). Every variable starts with _wp_.

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
