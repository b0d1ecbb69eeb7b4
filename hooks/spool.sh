# wedos-panel: shared body of every DirectAdmin post hook, sourced with _wp_hook set.
# It records the event for the daemon and returns at once. It never calls WEDOS and never fails the panel:
# DirectAdmin shows a failing post hook's output as an error, so every path ends in "exit 0".
# Written for bash builtins: the whole hook costs one short process (mv) on bash 5, two on bash 4.4 or sh, and on
# an installed server run as root one more (setpriv, which becomes the sh that writes as the service account).
. "${0%/*}/common.sh"

_wp_spool_write .env
if [ -z "$_wp_not_queued" ]; then
  echo "WEDOS DNS: queued"
else
  echo "WEDOS DNS: not queued ($_wp_not_queued); an admin should run: wedos-panel doctor"
fi
exit 0
