/**
 * English texts of the reasons (src/model/reason.ts) and of the page's time zone (part of en.ts's catalogue). A
 * reason's plain text is for customers and resellers (no WAPI code, command, path or stack); `.admin` says what an
 * admin can do, and the admin's pages add the stored details. `wedos.<code>`: WEDOS's own reasons, in words.
 */
export const enReasons = {
  "reason.told.customer": "Your provider has been told.",
  "reason.told.reseller": "The server's administrator has been told.",
  "reason.details": "Details for the administrator",
  "reason.wedosZoneLimit": "WEDOS cannot take this domain's DNS yet: the WEDOS account has no room for more zones.",
  "reason.wedosZoneLimit.admin":
    "The WEDOS account has reached its limit of DNS zones: ask WEDOS support to raise it, then retry the job.",
  "reason.wedosRowLimit": "This domain has more DNS records than WEDOS allows in one zone.",
  "reason.wedosRowLimit.admin":
    "The zone has reached WEDOS's limit of records: ask WEDOS support to raise it, or remove records in the panel, then retry the job.",
  "reason.wedosCredit": "WEDOS is waiting for the provider's account there to be put in order.",
  "reason.wedosCredit.admin":
    "The WEDOS credit account cannot pay for this (locked, inactive or too little credit): top it up or unlock it in the WEDOS administration, then retry the job.",
  "reason.wedosRefused": "WEDOS did not accept the change: {wedos}.",
  "reason.wedosRefused.plain": "WEDOS did not accept the change.",
  "reason.wedosRefused.admin": "WEDOS refused the request: {wedos}. Check the data in the panel, then retry the job.",
  "reason.wedosFailing": "WEDOS is having trouble right now; the change is sent again by itself.",
  "reason.wedosFailing.admin": "WEDOS did not answer properly; the request is retried by itself.",
  "reason.wedosUnreachable": "WEDOS could not be reached; the change is sent again by itself.",
  "reason.wedosUnreachable.admin":
    "WEDOS could not be reached from this server; if this lasts, check the server's network connection to WEDOS.",
  "reason.wedosHourLimit":
    "This server has sent WEDOS all the requests it may this hour; the change follows by itself.",
  "reason.wedosHourLimit.admin": "This hour's WAPI requests are used up; sending resumes by itself next hour.",
  "reason.sendingPaused": "Changes to WEDOS are held back for now. Nothing is lost.",
  "reason.sendingPaused.admin": "Sending to WEDOS was paused; the banner at the top names the cause and the fix.",
  "reason.zoneFileMissing": "The server could not read this domain's DNS records.",
  "reason.zoneFileMissing.admin":
    "The panel has no zone file for this domain: check dns.zoneDir (wedos-panel doctor checks it), then retry the job.",
  "reason.zoneConflict":
    "A zone for this domain already exists at WEDOS; it is taken over only with the domain owner's approval.",
  "reason.zoneConflict.admin":
    "A zone for this domain exists at WEDOS that the plugin did not create: it is taken over once the domain's owner approves on the domain's page (or an admin overrides with a reason on the Conflicts and drift page), or ignore it there.",
  "reason.notApplied": "The change waits for approval because it changes many records at once.",
  "reason.notApplied.admin":
    "Not applied: it changes more than the safety threshold allows; review and apply it on the Conflicts and drift page.",
  "reason.domainGone": "Nothing to do: the domain no longer exists on this server.",
  "reason.nothingToCheck": "Nothing to compare now: the zone is not kept at WEDOS as it is, or waits for a decision.",
  "reason.takenOver": "The same work was queued again; job {job} did it.",
  "reason.internal": "Something went wrong on this server.",
  "reason.internal.admin": "This server failed at it; the details say what happened.",
  "wedos.2010": "the command is not available to the WEDOS account",
  "wedos.2011": "the command is switched off for the WEDOS account",
  "wedos.2100": "a required value was missing",
  "wedos.2101": "values that do not fit together",
  "wedos.2202": "the domain name is not valid for WEDOS",
  "wedos.2272": "an IP address WEDOS does not accept",
  "wedos.2273": "a protection plan WEDOS does not know",
  "wedos.2277": "a name starting with www., which WEDOS Global does not accept",
  "wedos.2309": "a record type WEDOS does not support",
  "wedos.2310": "the zone has reached its limit of records",
  "wedos.2311": "a record name WEDOS does not accept",
  "wedos.2312": "a record name that is not valid for its type",
  "wedos.2313": "a CNAME record where WEDOS does not allow one",
  "wedos.2314": "a record value WEDOS does not accept",
  "wedos.2315": "a TTL WEDOS does not accept",
  "wedos.2316": "the record exists already",
  "wedos.2317": "a TTL outside the limits WEDOS allows",
  "wedos.2318": "not possible for a secondary zone",
  "wedos.2319": "possible only for a secondary zone",
  "wedos.2322": "the account has reached its limit of DNS zones",
  "wedos.3222": "the zone could not be opened",
  "wedos.3223": "the zone belongs to another WEDOS account",
  "wedos.3303": "the zone exists already",
  "wedos.3305": "the zone is locked for editing",
  "wedos.3309": "the record no longer exists",
  "delegation.unansweredPlain": "The check got no answer this time; it is tried again by itself.",
  "time.zone.utc": "Times are in UTC.",
  "time.zone.prague": "Times are in Prague time.",
};
