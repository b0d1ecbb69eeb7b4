#!/bin/sh
# DirectAdmin runs this after user_create (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=user_create_post
. "${0%/*}/spool.sh"
