#!/bin/sh
# DirectAdmin runs this after user_activate (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=user_activate_post
. "${0%/*}/spool.sh"
