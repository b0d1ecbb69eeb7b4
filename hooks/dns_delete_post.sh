#!/bin/sh
# DirectAdmin runs this after dns_delete (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=dns_delete_post
. "${0%/*}/spool.sh"
