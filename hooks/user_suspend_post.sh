#!/bin/sh
# DirectAdmin runs this after user_suspend (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=user_suspend_post
. "${0%/*}/spool.sh"
