#!/bin/sh
# DirectAdmin runs this after domain_destroy (https://docs.directadmin.com/developer/hooks/); it only queues the event.
_wp_hook=domain_destroy_post
. "${0%/*}/spool.sh"
