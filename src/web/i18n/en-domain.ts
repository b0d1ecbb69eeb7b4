/** English texts of the domain page's records, name servers, aliases and DNS editor (part of en.ts's catalogue). */
export const enDomain = {
  "records.atWedos": "{inSync} of {total} records at WEDOS",
  "records.atWedosWaiting": "{count} waiting for the next sync",
  "records.atWedosRefused": "{count} not accepted (the table says why)",
  "records.wedosSoa":
    "WEDOS writes this SOA for every zone and raises its serial ({serial}) itself with each change; the panel's SOA is not used at WEDOS",
  "records.wedosNs":
    "WEDOS answers for the zone from its own name servers; the panel's NS records for the zone itself are not used at WEDOS",
  "editor.link": "Edit the records of {domain} in DirectAdmin's DNS Management",
  "editor.menu": "Edit the records in {path}.",
  "editor.ownerOnly": "The records are edited in DirectAdmin by the account {owner}: log in as {owner} to change them.",
  "nameservers.copy": "Copy",
  "nameservers.copyAll": "Copy all",
  "nameservers.copied": "Copied",
  "nameservers.copyFailed": "Could not copy; select the name and copy it yourself",
  "aliases.aliasOf": "Alias of",
  "aliases.aliasOfHelp":
    "This domain is a pointer: it shows the same site as {domain}, and WEDOS serves its own copy of the zone.",
  "aliases.title": "Aliases (pointers)",
  "aliases.none": "none",
} as const;
