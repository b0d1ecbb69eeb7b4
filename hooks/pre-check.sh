# wedos-panel: shared body of the pre hooks, sourced with _wp_hook set. A non-zero exit makes DirectAdmin refuse
# the action and show what we print. The only check is the package's quota of WEDOS zones. Anything going wrong
# here (no Node.js, no build, no database yet) lets the action through: the plugin must never block the panel.
_wp_plugin_dir=${0%/*}/..
while IFS='=' read -r _wp_key _wp_value; do
  [ "$_wp_key" = active ] && [ "$_wp_value" = yes ] && _wp_active=yes
done < "$_wp_plugin_dir/plugin.conf" 2>/dev/null
[ "$_wp_active" = yes ] || exit 0
_wp_node=$(command -v node) || exit 0
[ -f "$_wp_plugin_dir/build/lib/cli.js" ] || exit 0
exec "$_wp_node" "$_wp_plugin_dir/build/lib/cli.js" hook-check "$_wp_hook"
