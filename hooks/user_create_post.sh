#!/bin/bash
# DirectAdmin runs this after user_create (https://docs.directadmin.com/developer/hooks/); it only queues the event.
HOOK=user_create_post
. "${0%/*}/spool.sh"
