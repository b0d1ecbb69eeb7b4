#!/bin/sh
# DirectAdmin runs this after domain_change (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=domain_change_post
. "${0%/*}/spool.sh"
