#!/bin/sh
# DirectAdmin runs this after user_destroy (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=user_destroy_post
. "${0%/*}/spool.sh"
