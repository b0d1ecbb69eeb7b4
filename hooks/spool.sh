# wedos-panel: shared body of every DirectAdmin post hook, sourced with _wp_hook set.
# It records the event for the daemon and returns at once. It never calls WEDOS and never fails the panel:
# DirectAdmin shows a failing post hook's output as an error, so every path ends in "exit 0".
# POSIX sh and its builtins only (dash, or bash as sh): the hook starts no process of its own, save one rm in about
# every 256 events to remove what the daemon has consumed (common.sh, docs/decisions/0020).
. "${0%/*}/common.sh"

_wp_spool_write .env
if [ -z "$_wp_not_queued" ]; then
  echo "WEDOS DNS: queued"
else
  echo "WEDOS DNS: not queued ($_wp_not_queued); an admin should run: wedos-panel doctor"
fi
exit 0
