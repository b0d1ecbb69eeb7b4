import { enExport } from "./en-export.js";
import { enAdmin } from "./en-admin.js";
import { enLive } from "./en-live.js";
import { enProtection } from "./en-protection.js";
import { enLifecycle } from "./en-lifecycle.js";
import { enReasons } from "./en-reasons.js";
import { enDomain } from "./en-domain.js";
import { enOps } from "./en-ops.js";
import { enPrices } from "./en-prices.js";
import { enCredit } from "./en-credit.js";
import { enLimits } from "./en-limits.js";
import { enPlans } from "./en-plans.js";
import { enBilling } from "./en-billing.js";
import { enAdoption } from "./en-adoption.js";
import { enSupport } from "./en-support.js";
import { enSharing } from "./en-sharing.js";

/**
 * English texts of the plugin's pages: the reference catalogue. Every other language must have exactly these
 * keys (cs.ts is typed against this one, and a test compares them at run time). `{name}` marks a parameter; the
 * template escapes the finished text, so no text here may contain HTML.
 */
export const en = {
  ...enAdmin,
  ...enLive,
  ...enProtection,
  ...enLifecycle,
  ...enReasons,
  ...enDomain,
  ...enOps,
  ...enPrices,
  ...enCredit,
  ...enLimits,
  ...enPlans,
  ...enExport,
  ...enBilling,
  ...enAdoption,
  ...enSupport,
  ...enSharing,
  "app.title": "WEDOS DNS",
  "identity.signedIn": "Signed in as {user}",
  "identity.loginAs": "{master} is logged in as {user}",
  "level.user": "user",
  "level.reseller": "reseller",
  "level.admin": "admin",
  "page.user.title": "My domains",
  "page.user.intro": "The DNS of your domains at WEDOS, as kept in step with this server.",
  "page.reseller.title": "Your customers' domains",
  "page.reseller.intro": "The DNS at WEDOS of every domain of the accounts you created.",
  "page.admin.title": "All domains",
  "page.admin.intro": "Every domain on this server and the state of its DNS at WEDOS.",
  "page.domain.title": "Domain {domain}",
  "page.back": "Back to the list",
  "page.skip": "Skip to the content",
  "nav.label": "WEDOS DNS pages",
  "nav.domains": "Domains",
  "queue.title": "Job queue",
  "queue.counts": "{queued} queued, {running} running, {dead} failed",
  "table.domain": "Domain",
  "table.owner": "Account",
  "table.clusterOwner": "another server of the cluster",
  "table.state": "Domain state",
  "table.dns": "DNS at WEDOS",
  "table.reason": "Details",
  "table.syncedAt": "Last synced",
  "table.actions": "Actions",
  "table.empty": "No domains yet.",
  "table.never": "never",
  "table.caption": "Domains and the state of their DNS at WEDOS",
  "filter.label": "Show domains",
  "filter.all": "all",
  "filter.problems": "problems",
  "filter.pending": "waiting",
  "filter.active": "active",
  "filter.suspended": "suspended",
  "list.search": "Find domains",
  "list.searchLabel": "Domain or account contains",
  "list.searchButton": "Search",
  "list.clearSearch": "Clear the search",
  "list.summary": "Domains {from}–{to} of {total}",
  "list.noMatch": "No domain or account contains “{search}”.",
  "list.noneInFilter": "No domains in this group.",
  "list.pages": "Pages of the domain list",
  "list.open.suspended": "What you can do",
  "list.open.details": "Details",
  "list.open.problem": "See what is wrong",
  "list.suspended.withdraw.customer":
    "Your account is suspended; this domain's zone is taken off WEDOS until it is unsuspended, and its records are kept for then. You can open the domain to see its records.",
  "list.suspended.withdraw.staff":
    "The account is suspended in the panel; its package withdraws the zone from WEDOS until it is unsuspended (the panel keeps the records). The domain's records and their state at WEDOS can be viewed.",
  "list.suspended.keep.customer":
    "Your account is suspended; this domain's DNS at WEDOS keeps working and your changes are still sent there. You can open the domain to see its records and what WEDOS has.",
  "list.suspended.keep.staff":
    "The account is suspended in the panel; its package keeps the DNS at WEDOS, so the zone keeps working and changes are still sent. The domain's records and their state at WEDOS can be viewed.",
  "records.title": "Records",
  "records.intro":
    "The records come from DirectAdmin's DNS Management; edit them there. This page shows whether WEDOS holds each one.",
  "records.name": "Name",
  "records.type": "Type",
  "records.ttl": "TTL",
  "records.value": "Value",
  "records.state": "At WEDOS",
  "records.in-sync": "in sync",
  "records.pending": "waiting for the next sync",
  "records.by-wedos": "served by WEDOS",
  "records.not-accepted": "not accepted",
  "records.unreadable": "This server's zone file cannot be read: {reason}",
  "records.noZoneFile": "this server has no zone file for the domain",
  "records.notReadNow":
    "it could not be read just now; try again in a minute, and tell the administrator if it stays so",
  "records.filter": "Find records",
  "records.search": "Name, type or value contains",
  "records.anyState": "any state",
  "records.show": "Show",
  "records.summary": "Records {from}–{to} of {total}",
  "records.summaryMatching": "Records {from}–{to} of the {total} that match ({all} in the zone)",
  "records.noneMatch": "No record matches; change or clear the search.",
  "records.previous": "Previous page",
  "records.next": "Next page",
  "records.tooBig":
    "This zone is too large to show on this page. Its records are still synchronised to WEDOS as usual; the administrator can raise the limit.",
  "records.tooBigAdmin":
    "The zone file {path} has {size} bytes; pages read at most {limit} (pages.zoneMaxBytes). Raise pages.zoneMaxBytes to show it here; the sync reads it regardless.",
  "audit.outside-zone": "{name} is not inside this domain, so it cannot be part of its zone",
  "audit.soa": "WEDOS writes the SOA record of every zone itself",
  "audit.apex-ns": "the zone's own name servers are WEDOS's ({nameservers}); set those at the registrar instead",
  "audit.dnssec":
    "{type} is a DNSSEC record: DNSSEC records are made by whoever signs and serves the zone, so this server's keys and signatures cannot be copied to WEDOS",
  "audit.spf-type":
    "the SPF record type is obsolete and WEDOS does not accept it; publish the same text as a TXT record",
  "audit.unsupported-type": "WEDOS DNS does not take {type} records; the zone's other records are synced without them",
  "audit.apex-cname": "a CNAME cannot stand at the domain itself; use A/AAAA records for the bare domain",
  "audit.cname-beside-data": "{name} also has other records, and a CNAME must be alone at its name",
  "audit.wildcard-form": "WEDOS accepts a wildcard only as a single * in the leftmost label",
  "audit.ttl-too-low": "WEDOS accepts TTLs from {min} s; this record's TTL was raised to {min} s",
  "audit.ttl-too-high": "WEDOS accepts TTLs up to {max} s; this record's TTL was lowered to {max} s",
  "audit.mixed-ttl":
    "the {type} records at {name} have different TTLs but WEDOS needs one per set; all use the lowest, {ttl} s",
  "audit.dname":
    "WEDOS DNS does not take DNAME records; give each name that should point elsewhere a CNAME record instead",
  "audit.generic-type": "{type} is a record type without a name in DNS software, and WEDOS DNS does not take it",
  "nameservers.title": "Name servers",
  "nameservers.intro": "Set these name servers at your domain registrar so that WEDOS answers for the domain:",
  "delegation.label": "Delegation to these name servers",
  "delegation.seen": "seen (checked {at})",
  "delegation.notSeen": "not seen yet (checked {at})",
  "delegation.notChecked": "not checked yet",
  "delegation.seenAdvice": "DNS uses WEDOS's name servers for this domain, so WEDOS answers for it.",
  "delegation.partialAdvice":
    "Only some of the domain's name servers are WEDOS's ({found}). At your domain registrar, set exactly the name servers listed above and remove the others.",
  "delegation.elsewhereAdvice":
    "The domain still uses other name servers ({found}). Set the name servers listed above at your domain registrar. After the change it can take up to 48 hours to be seen; this page checks again by itself.",
  "delegation.unregisteredAdvice":
    "DNS does not know this domain yet. If you registered it recently, wait until the registration is finished; otherwise check at your registrar that it is registered and has not expired.",
  "delegation.unansweredAdvice": "The check got no answer this time ({detail}); it is tried again by itself.",
  "delegation.notCheckedAdvice": "The first check runs within a few minutes.",
  "delegation.noNameservers": "none",
  "delegation.nextCheck": "Next check: {at}.",
  "action.sync": "Sync now",
  "action.syncQueued": "A sync of {domain} has been queued; it runs within a minute.",
  "dns.pending": "waiting",
  "dns.active": "active",
  "dns.error": "error",
  "dns.off": "not managed",
  "dns.withdrawn": "withdrawn",
  "dns.removed": "removed",
  "dns.conflict": "conflict",
  "state.active": "active",
  "state.suspended": "suspended",
  "state.deleted": "deleted",
  "progress.label": "Progress",
  "progress.task.sync": "Sync of {domain}",
  "progress.task.purge": "Cache purge of {domain}",
  "progress.task.protectOn": "Switching protection of {domain} on",
  "progress.task.protectOff": "Switching protection of {domain} off",
  "progress.task.testConnection": "Connection test",
  "progress.task.applyDrift": "Applying the changes to {domain}",
  "progress.task.provision": "Setting up {domain} at WEDOS",
  "progress.queued": "waiting in the queue",
  "progress.running": "running",
  "progress.done": "done",
  "progress.failed": "failed ({error})",
  "progress.retrying": "will be tried again ({error})",
  "progress.seeDetails": "the domain's page shows why",
  "progress.refresh": "Refresh to see the progress",
  "error.title": "WEDOS DNS cannot show this page",
  "error.sessionExpired": "Your DirectAdmin session has expired. Please log in to DirectAdmin again.",
  "error.sessionUnverifiable": "Your DirectAdmin session cannot be verified right now. Please try again in a moment.",
  "error.busy": "The plugin is busy. Please try again in a moment.",
  "error.wrongLevel": "This page is for another access level than your account has.",
  "error.whmPrivileges": "This WHM page is for root and for resellers with all privileges (the “all” ACL).",
  "error.csrfMissing": "This form is missing its security token. Reload the page and send the form again.",
  "error.csrfStale": "This form has expired. Reload the page and send the form again.",
  "error.csrfInvalid": "This form's security token is not valid for you. Reload the page and send the form again.",
  "error.notFound": "This page does not exist.",
  "error.jobNotFound": "There is no such failed job; it may have been retried already.",
  "error.conflictNotFound": "There is no such open conflict; it may have been resolved already.",
  "error.sessionChecksPaused":
    "Your DirectAdmin session cannot be verified right now: checks are paused for a while to protect this server. Please try again in a few minutes; if this persists, contact your hosting provider.",
  "page.operations.title": "Operations",
  "page.settings.title": "WAPI settings",
  "page.policies.title": "Package policies",
  "policies.link": "Package policies",
  "operations.link": "Operations: budget, failed jobs, conflicts",
  "page.drift.title": "Conflicts and drift",
  "drift.link": "Conflicts and drift",
  "drift.intro":
    "Zones where WEDOS holds something other than the panel, found by the background check. Nothing changes until you apply: Apply plans the zone again from fresh data and then changes WEDOS.",
  "drift.lastRun": "The check last ran {at}.",
  "drift.notRunYet": "The check has not run yet.",
  "drift.title": "Differences between the panel and WEDOS",
  "drift.none": "No differences found.",
  "drift.found": "Found {at}",
  "drift.counts": "{add} to add, {update} to update, {delete} to delete, {adopt} to take over",
  "drift.steps": "Planned changes",
  "drift.foreign": "Left alone at WEDOS (not created by the plugin):",
  "drift.conflicts": "Panel records that collide with those rows:",
  "drift.unsafe": "Applying is refused without force: {reason}",
  "drift.refused": "The last apply was refused: {reason}",
  "drift.apply": "Apply",
  "drift.force": "Apply anyway",
  "drift.adopt": "Apply and take over the rows not created by the plugin",
  "drift.applyQueued": "{domain} will be planned again and applied within a minute.",
  "drift.applyPending": "An apply is queued.",
  "error.driftNotFound": "There is no such difference; it may have been applied already.",
  "budget.title": "WEDOS requests this hour",
  "budget.gauge": "{used} of {limit} ({reserve} kept for people's actions and new accounts), {rejected} rejected",
  "budget.historyTitle": "Requests per hour, last 24 hours",
  "budget.hour": "Hour",
  "budget.used": "Requests",
  "budget.rejected": "Rejected",
  "audit.title": "WAPI requests (latest 100)",
  "audit.none": "No request has been sent to WEDOS yet.",
  "audit.at": "When",
  "audit.command": "Command",
  "audit.lane": "Lane",
  "audit.outcome": "Outcome",
  "audit.code": "Code",
  "audit.ms": "ms",
  "audit.outcome.success": "success",
  "audit.outcome.retryable": "failed, will be retried",
  "audit.outcome.permanent": "failed",
  "audit.outcome.stop": "failed, requests paused",
  "budget.paused": "Requests to WEDOS are paused: {reason}",
  "disk.full":
    "The disk is full: the filesystem of {dir} has {free} left. Hooks cannot queue their events and jobs wait. Free space there; the daemon resumes by itself and its reconcile finds the accounts and domains whose events were lost.",
  "hookWarnings.title": "Pre hooks that let an action through unchecked",
  "hookWarnings.intro":
    "The plugin failed while the panel waited for its zone-quota check, so these actions went through without it ({total} in all). Fix what the details name; wedos-panel doctor checks again.",
  "hookWarnings.hook": "Hook",
  "jobs.failedTitle": "Failed jobs",
  "jobs.noneFailed": "No job has failed.",
  "jobs.task": "Task",
  "jobs.attempts": "Attempts",
  "jobs.error": "Last error",
  "jobs.at": "Gave up",
  "action.retry": "Retry",
  "action.retryQueued": "Job {id} is queued again.",
  "conflicts.title": "Found at WEDOS, not created by the plugin",
  "conflicts.none": "No conflicts.",
  "conflicts.kind": "What",
  "conflicts.kind.zone": "DNS zone",
  "conflicts.kind.protection": "protection",
  "conflicts.foundAt": "Found",
  "action.adopt": "Adopt",
  "action.ignore": "Ignore",
  "action.adoptQueued": "{domain} will be taken over and synced.",
  "action.ignored": "{domain} will be left alone at WEDOS.",
  "error.domainNotFound": "There is no such domain among the domains you may manage.",
  "error.domainNotActive": "Only an active domain can be synced.",
  "error.protectionNotActive": "The cache can be purged only while protection is active.",
  "action.purge": "Purge cache",
  "action.purgeQueued": "The protection cache of {domain} will be purged within a minute.",
  "protection.title": "Protection (WEDOS Global)",
  "protection.none": "Your hosting package does not include protection for this domain.",
  "protection.plan": "Plan",
  "protection.mode": "Mode",
  "protection.origins": "Origin addresses",
  "protection.status": "Status",
  "protection.activatedAt": "Active since",
  "action.protectionOnQueued": "Protection of {domain} will be switched on within a minute.",
  "action.protectionOffQueued": "Protection of {domain} will be switched off within a minute.",
  "error.protectionNotSwitchable":
    "Protection of this domain cannot be switched here now: its current state does not allow it, its hosting package does not, or the domain is not active. The domain's page shows what can be done.",
  "protection.variant.start": "Start",
  "protection.variant.advanced": "Advanced",
  "protection.variant.expert": "Expert",
  "protection.period.monthly": "monthly",
  "protection.period.yearly": "yearly",
  "error.badRequest": "The request could not be understood.",
  "error.internal": "Something went wrong on the server. The administrator can find the details in the plugin's log.",
  "reason.packageWithoutDns": "the hosting package does not include WEDOS DNS",
  "reason.zoneLeftAlone": "an admin chose to leave the zone that already existed at WEDOS alone",
  "reason.recordsNotSynced": "{count} record(s) not synced; see the domain's records",
  "reason.notConverged": "WEDOS does not match the panel after the sync; it will be retried",
  "reason.withdrawn": "the account is suspended; the zone returns when it is unsuspended",
  "reason.removed": "the domain was deleted in the panel; its zone was removed at WEDOS after the grace period",
  "action.syncJoined":
    "A sync of {domain} is already waiting in the queue; it runs within a minute. Clicking again adds nothing.",
  "action.syncRunning": "A sync of {domain} is running now; there is no need to ask again.",
  "action.syncCooling":
    "{domain} was synced at {last}. A domain is synced on request at most once every {minutes} minutes (WEDOS allows this server only so many requests an hour, shared by all customers), so the next sync is queued for {at}; clicking again will not make it sooner. Changes you make to the domain's DNS in the panel are synced at once anyway.",
  "action.syncOverShare":
    "Your hosting has used its share of this hour's requests to WEDOS, which all customers on this server share. The sync of {domain} is queued for {at}. Changes you make to the domain's DNS in the panel are still synced.",
  "action.purgeJoined":
    "A purge of the protection cache of {domain} is already waiting in the queue; it runs within a minute. Clicking again adds nothing.",
  "action.purgeRunning": "The protection cache of {domain} is being purged now; there is no need to ask again.",
  "action.purgeCooling":
    "The protection cache of {domain} was purged at {last}. It can be purged at most once every {minutes} minutes (WEDOS allows this server only so many requests an hour, shared by all customers), so the next purge is queued for {at}; clicking again will not make it sooner.",
  "action.purgeOverShare":
    "Your hosting has used its share of this hour's requests to WEDOS, which all customers on this server share. The purge of the protection cache of {domain} is queued for {at}.",
  "dns.waiting": "changes waiting",
  "waiting.by": "Changes not yet at WEDOS; expected there by {time}.",
  "waiting.held": "Changes not yet at WEDOS; they are sent once the administrator has fixed the connection to WEDOS.",
  "sending.customer.title": "Changes are waiting for WEDOS",
  "sending.customer.timed":
    "This server is holding back changes to WEDOS for a while: it may send WEDOS only so many requests an hour. Nothing is lost; changes made now are expected at WEDOS by {time}.",
  "sending.customer.held":
    "This server cannot send changes to WEDOS at the moment; the administrator has been told how to fix it. Nothing is lost: your changes are kept and sent as soon as it is fixed.",
  "sending.admin.paused": "Nothing is being sent to WEDOS",
  "sending.admin.budget": "This hour's WEDOS requests for changes are used up",
  "sending.cause.credentials": "WEDOS refused the WAPI login or password (or this server's clock is wrong).",
  "sending.fix.credentials":
    "Enter the right WAPI password on the WAPI settings page (a new password resumes sending at once), or correct the server's clock and press Resume.",
  "sending.cause.ipNotAllowed": "WEDOS does not accept WAPI requests from this server's address {ip}.",
  "sending.fix.ipNotAllowed":
    "Allow {ip} for WAPI in WEDOS's customer administration (WAPI settings), then press Resume.",
  "sending.cause.ipBlocked": "WEDOS has blocked this server's IP address after too many invalid requests.",
  "sending.fix.ipBlocked": "Ask WEDOS support to unblock the address, then press Resume.",
  "sending.cause.rateLimited": "WEDOS's limit of requests per hour for this account is used up.",
  "sending.fix.byItself": "Nothing to do: sending resumes by itself at {time}.",
  "sending.cause.fuse":
    "WEDOS rejected several requests in the last hour; the plugin stopped sending so that WEDOS does not block this server's IP address.",
  "sending.fix.fuse":
    "Find the cause in the WAPI audit log on the Operations page and fix it; sending resumes by itself at {time}.",
  "sending.cause.budget":
    "{used} requests were sent this hour; changes and background work may use {cap}, the rest is kept for people's actions and new accounts.",
  "sending.fix.budget":
    "Nothing to do: sending resumes by itself at {time}. To allow more, raise wapi.hourlyLimit (WEDOS allows 1000) or lower the reserves.",
  "sending.expected.by": "Changes waiting now are expected at WEDOS by {time}.",
  "sending.expected.afterFix": "Changes wait, none lost, until the cause is fixed.",
  "sending.details": "Recorded: {details}",
  "action.resume": "Resume sending",
  "action.resumed": "Sending to WEDOS has resumed; waiting changes go out now.",
  "action.notPaused":
    "Sending was not paused by a cause an administrator fixes; nothing changed (a pause that ends by itself holds).",
} as const;

/** A text's key. */
export type MessageKey = keyof typeof en;

/**
 * The texts that name the panel, as they read on cPanel & WHM: they replace the DirectAdmin wording of `en` there
 * (same parameters). Every other text is the same on both panels.
 */
export const enCpanel = {
  "editor.link": "Edit the records of {domain} in cPanel's Zone Editor",
  "editor.ownerOnly": "The records are edited in cPanel by the account {owner}: log in as {owner} to change them.",
  "records.intro":
    "The records come from this server's zone, which you edit in cPanel's Zone Editor (in WHM: Edit DNS Zone). This page shows whether WEDOS holds each one.",
  "error.sessionExpired": "Your cPanel login could not be confirmed. Please log in to cPanel again.",
  "error.sessionUnverifiable": "Your cPanel login cannot be confirmed right now. Please try again in a moment.",
  "error.sessionChecksPaused":
    "Your cPanel login cannot be confirmed right now: checks are paused for a while to protect this server. Please try again in a few minutes; if this persists, contact your hosting provider.",
  "policy.intro":
    "What the plugin does for the accounts of each hosting package (WHM: Packages). The package * is the default for packages without their own policy.",
  "policy.badPackage": "The package name must be * or a WHM package name (letters, digits, dot, dash, underscore).",
} as const satisfies Partial<Record<MessageKey, string>>;

/** A text that differs between the panels. */
export type PanelMessageKey = keyof typeof enCpanel;
