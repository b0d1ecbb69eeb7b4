#!/bin/sh
# DirectAdmin runs this after dns_raw_save (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=dns_raw_save_post
. "${0%/*}/spool.sh"
