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

# _wp_spool_write SUFFIX [RECORD…]: stores one spool file for this event: WEDOS_PANEL_HOOK, the given records, then
# each variable below that is set — NAME=value entries each ended by a NUL byte, as `env -0` writes them. Sets
# _wp_not_queued to why the event was not written, empty when it was.
# What the hooks record: only the variables the plugin reads (src/panel/directadmin/hook-variables.ts, which a test
# holds equal to the names below) — never passwd (the account password, in plain text on user_create), session keys,
# cookies or the rest of user.conf. ${NAME+"NAME=$NAME"} is one entry when NAME is set (even empty) and none when it
# is not: one command for all of them, where a loop of eval cost most of the hook's time.
_wp_spool_write() {
  _wp_suffix=$1
  shift
  set -- "WEDOS_PANEL_HOOK=$_wp_hook" "$@" \
    ${username+"username=$username"} ${USERNAME+"USERNAME=$USERNAME"} ${domain+"domain=$domain"} \
    ${DOMAIN+"DOMAIN=$DOMAIN"} ${newdomain+"newdomain=$newdomain"} ${from+"from=$from"} ${package+"package=$package"} \
    ${ip+"ip=$ip"} ${ips+"ips=$ips"} ${creator+"creator=$creator"} ${skip_template+"skip_template=$skip_template"} \
    ${zone_existed+"zone_existed=$zone_existed"} ${caller+"caller=$caller"} ${A+"A=$A"} ${A_TIME+"A_TIME=$A_TIME"} \
    ${AAAA+"AAAA=$AAAA"} ${AAAA_TIME+"AAAA_TIME=$AAAA_TIME"} ${CNAME+"CNAME=$CNAME"} \
    ${CNAME_TIME+"CNAME_TIME=$CNAME_TIME"} ${MX+"MX=$MX"} ${MX_FULL+"MX_FULL=$MX_FULL"} ${MX_TIME+"MX_TIME=$MX_TIME"} \
    ${NS+"NS=$NS"} ${NS_TIME+"NS_TIME=$NS_TIME"} ${PTR+"PTR=$PTR"} ${PTR_TIME+"PTR_TIME=$PTR_TIME"} ${TXT+"TXT=$TXT"} \
    ${TXT_TIME+"TXT_TIME=$TXT_TIME"} ${SRV+"SRV=$SRV"} ${SRV_TIME+"SRV_TIME=$SRV_TIME"} ${SPF+"SPF=$SPF"} \
    ${SPF_TIME+"SPF_TIME=$SPF_TIME"} ${CAA+"CAA=$CAA"} ${CAA_TIME+"CAA_TIME=$CAA_TIME"} ${TLSA+"TLSA=$TLSA"} \
    ${TLSA_TIME+"TLSA_TIME=$TLSA_TIME"} ${SSHFP+"SSHFP=$SSHFP"} ${SSHFP_TIME+"SSHFP_TIME=$SSHFP_TIME"} ${DS+"DS=$DS"} \
    ${DS_TIME+"DS_TIME=$DS_TIME"} ${HTTPS+"HTTPS=$HTTPS"} ${HTTPS_TIME+"HTTPS_TIME=$HTTPS_TIME"} ${SVCB+"SVCB=$SVCB"} \
    ${SVCB_TIME+"SVCB_TIME=$SVCB_TIME"}
  _wp_not_queued=$_wp_untrusted
  [ -z "$_wp_not_queued" ] || return
  _wp_spool_file "$$-$_wp_hook$_wp_suffix" printf '%s\0' "$@" || _wp_not_queued="spool $_wp_events not writable"
}
