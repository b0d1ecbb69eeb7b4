#!/bin/sh
# DirectAdmin runs this after dns_write (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=dns_write_post
. "${0%/*}/spool.sh"
