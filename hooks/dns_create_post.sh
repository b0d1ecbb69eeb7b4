#!/bin/sh
# DirectAdmin runs this after dns_create (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=dns_create_post
. "${0%/*}/spool.sh"
