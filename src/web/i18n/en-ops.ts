/** English texts of the operations page's gauge and chart, and of the package-policy form (part of en.ts). */
export const enOps = {
  "budget.level.ok": "within the budget",
  "budget.level.warn": "80 % or more used: background work slows down",
  "budget.level.critical": "95 % or more used: only people's actions are sent",
  "budget.gaugeLabel": "{percent} % of this hour's requests used",
  "budget.chartDesc":
    "Bars of requests to WEDOS in each of the last 24 hours against the hourly limit of {limit}; lines mark 80 % and 95 %. In all {total} requests, the most {peak} at {peakHour}; {rejected} rejected.",
  "budget.chartLegend":
    "Amber: 80 % of the limit or more; red: 95 % or more; the dark foot of a bar: rejected requests.",
  "budget.tableSummary": "The same hours as a table",
  "policy.help.dnsMode":
    "Primary: WEDOS answers for the domains with the records kept on this server. Secondary: WEDOS copies each zone from this server. Off: the plugin leaves the domains' DNS alone.",
  "policy.help.protection":
    "WEDOS Global protection (against attacks, with a firewall and a cache) ordered for each domain of the package and paid from your WEDOS credit. None: no protection.",
  "policy.help.protectionPeriod": "How often WEDOS bills the protection: every month, or once a year.",
  "policy.help.protectionMode":
    "NS: protection starts once the domain uses WEDOS's name servers. CNAME: for domains whose DNS is elsewhere (subdomains always use CNAME).",
  "policy.help.protectionChoice":
    "Whether the customer may switch protection on and off on the domain's page, and whether it starts on or off.",
  "policy.help.onSuspend":
    "Keep: DNS stays as it is while the account is suspended (mail keeps working). Withdraw: the zones are removed at WEDOS while suspended and restored when the account is unsuspended.",
  "policy.help.termination":
    "Delete: when an account or domain is deleted here, its zone and protection are removed at WEDOS after the grace days. Keep: they stay at WEDOS.",
  "policy.help.graceDays":
    "Days between deleting a domain here and removing its zone at WEDOS; creating the domain again within them cancels the removal.",
  "policy.help.zoneQuota":
    "How many domains and pointers of one account may have a zone at WEDOS; 0 means no limit. Checked before the panel creates a domain.",
  "policy.protectionLegend": "Protection settings",
  "policy.protectionOff": "These apply only once a protection plan is chosen above.",
  "policy.price": "Price",
  "policy.priceKnown": "{amount} {currency} ({period}): what WEDOS last charged for this plan",
  "policy.priceUnknown": "price unknown — WEDOS will charge its list price",
  "policy.choosePackage": "Package of the panel",
  "policy.allHavePolicies": "Every package the panel offers has a policy of its own.",
  "policy.panelHasNone": "The panel offers no packages yet: create one in the panel, then give it a policy here.",
  "policy.notInPanel":
    "The panel does not offer this package (any more); accounts that still have it follow this policy.",
  "policy.packagesUnreadable": "The panel's list of packages cannot be read: {reason}",
  "policy.notPanelPackage": "{package} is not a package of the panel: choose one from the list.",
} as const;
