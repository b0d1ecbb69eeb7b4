#!/bin/bash
# DirectAdmin runs this after domain_change (https://docs.directadmin.com/developer/hooks/); it only queues the event.
HOOK=domain_change_post
. "${0%/*}/spool.sh"
