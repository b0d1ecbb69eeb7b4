#!/bin/sh
# DirectAdmin runs this after domain_create (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=domain_create_post
. "${0%/*}/spool.sh"
