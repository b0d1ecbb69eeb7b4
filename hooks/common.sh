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
# The shell reads a byte per system call: stop at the active= line (plugin.conf has it first).
while IFS='=' read -r _wp_key _wp_value || [ -n "$_wp_key" ]; do
  [ "$_wp_key" = active ] && _wp_active=$_wp_value && break
done 2>/dev/null < "$_wp_plugin_dir/plugin.conf"
[ "$_wp_active" = yes ] || exit 0

# The one way a hook finds and writes its spool (shared with the cPanel hook).
. "$_wp_hooks_dir/spool-file.sh"
_wp_find_spool "$_wp_plugin_dir/install.conf"

# What the hooks record: only the variables the plugin reads (src/panel/directadmin/hook-variables.ts, which a test
# holds equal to this list) — never passwd (the account password, in plain text on user_create), session keys,
# cookies or the rest of user.conf.
_wp_variables='username USERNAME domain DOMAIN newdomain from package ip ips creator skip_template zone_existed caller
A A_TIME AAAA AAAA_TIME CNAME CNAME_TIME MX MX_FULL MX_TIME NS NS_TIME PTR PTR_TIME TXT TXT_TIME SRV SRV_TIME SPF
SPF_TIME CAA CAA_TIME TLSA TLSA_TIME SSHFP SSHFP_TIME DS DS_TIME HTTPS HTTPS_TIME SVCB SVCB_TIME'

# _wp_spool_write SUFFIX [RECORD…]: stores one spool file for this event: WEDOS_PANEL_HOOK, the given records, then
# each listed variable that is set — NAME=value entries each ended by a NUL byte, as `env -0` writes them. Sets
# _wp_not_queued to why the event was not written, empty when it was.
_wp_spool_write() {
  _wp_suffix=$1
  shift
  set -- "WEDOS_PANEL_HOOK=$_wp_hook" "$@"
  for _wp_variable in $_wp_variables; do
    eval "[ -z \"\${$_wp_variable+set}\" ] || set -- \"\$@\" \"$_wp_variable=\$$_wp_variable\""
  done
  _wp_not_queued=$_wp_untrusted
  [ -z "$_wp_not_queued" ] || return
  _wp_spool_file "$$-$_wp_hook$_wp_suffix" printf '%s\0' "$@" || _wp_not_queued="spool $_wp_events not writable"
}
