# wedos-panel: shared body of the pre hooks, sourced with _wp_hook set. DirectAdmin refuses the action when a pre hook
# exits non-zero, and shows what it printed. These hooks refuse for two reasons only, the package's quota of WEDOS
# zones and a spending limit the package's protection order would pass: `wedos-panel hook-check` says so with exit
# status 77 and a message starting "WEDOS DNS: " or "WEDOS Global: ", which is shown.
# Anything else — no Node.js, no build, a missing module, a locked database, no answer within 3 seconds (DirectAdmin
# waits for pre hooks inline), any crash — lets the action through (exit 0) and leaves a warning for the admin in the
# spool, which the daemon records for `wedos-panel doctor` and the operations page. The plugin never blocks the panel.
. "${0%/*}/common.sh"

_wp_limit=3
_wp_refuse=77 # HOOK_REFUSE_STATUS in src/cli/commands/hook-check.ts
_wp_cli=$_wp_plugin_dir/build/lib/cli.js
_wp_node=$(command -v node 2>/dev/null)
if [ -z "$_wp_node" ]; then
  _wp_problem="Node.js was not found on root's PATH"
elif [ ! -f "$_wp_cli" ]; then
  _wp_problem="the plugin's build/lib/cli.js is missing; install the plugin again"
else
  # timeout (coreutils) ends the check and anything it started after the limit (-k: a second later by force).
  _wp_output=$(timeout -k 1 "$_wp_limit" "$_wp_node" --no-warnings "$_wp_cli" hook-check "$_wp_hook" 2>&1)
  _wp_status=$?
  [ "$_wp_status" = 0 ] && exit 0
  _wp_refusal=
  _wp_detail=
  _wp_first=
  while IFS= read -r _wp_line; do
    case $_wp_line in
      "WEDOS DNS: "* | "WEDOS Global: "*) _wp_refusal=$_wp_line ;;
      *Error* | wedos-panel*) [ -n "$_wp_detail" ] || _wp_detail=$_wp_line ;;
    esac
    [ -n "$_wp_first" ] || _wp_first=$_wp_line
  done << _wp_end
$_wp_output
_wp_end
  if [ "$_wp_status" = "$_wp_refuse" ] && [ -n "$_wp_refusal" ]; then
    printf '%s\n' "$_wp_refusal"
    exit 1
  fi
  # For the admin: the line that names the error (else the first one), and the exit status.
  _wp_detail=${_wp_detail:-$_wp_first}
  case $_wp_status in
    124 | 137) _wp_problem="wedos-panel hook-check did not answer within $_wp_limit seconds (is the database locked, or the server overloaded?)" ;;
    127) _wp_problem="cannot run $_wp_node $_wp_cli within a time limit (is coreutils' timeout installed?): $_wp_detail" ;;
    *) _wp_problem="wedos-panel hook-check failed (exit status $_wp_status): ${_wp_detail:-no output}" ;;
  esac
fi

_wp_spool_write .warning "WEDOS_PANEL_WARNING=$_wp_problem"
echo "WEDOS DNS: the zone quota was not checked; an admin should run: wedos-panel doctor"
exit 0
