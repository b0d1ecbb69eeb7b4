#!/bin/sh
# DirectAdmin runs this before domain_pointer_create (https://docs.directadmin.com/developer/hooks/); it refuses a domain
# beyond the package's quota of WEDOS zones, and lets everything else through.
_wp_hook=domain_pointer_create_pre
. "${0%/*}/pre-check.sh"
