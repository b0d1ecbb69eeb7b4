/**
 * The Standardized Hooks events the plugin registers on cPanel & WHM
 * (docs/reference/cpanel.md#standardized-hooks), all at the `post` stage and none blocking: an event is recorded
 * after cPanel did it and can never stop cPanel from doing it. `cpanel/hooks/wedos-panel-hook --describe` prints
 * exactly this list for manage_hooks (a test holds them equal).
 *
 * - Whostmgr events run as root (guide-to-standardized-hooks-whostmgr-functions).
 * - Cpanel events (`Api2::…`, `UAPI::…`) run as the cPanel user; `escalateprivs` makes cPanel run the hook as root,
 *   because it writes to the hooks' spool, which only root may write (docs/decisions/0020).
 *
 * Addon, parked and subdomain changes are taken from the cPanel API calls the cPanel interface makes. The
 * Whostmgr `Domain::park`/`Domain::addsubdomain` events would also fire for them, but an addon domain is, inside
 * cPanel, a domain parked on a subdomain, so those events would describe an addon as a pointer to a subdomain;
 * changes made around these calls (WHM, restores, DNS clustering) are found by the reconciler instead. Record
 * changes come from the Zone Editor's calls (UAPI DNS::mass_edit_zone, and the older API 2 ZoneEdit functions).
 */
export interface CpanelHookRegistration {
  category: "Whostmgr" | "Cpanel";
  event: string;
  stage: "post";
  /** Run the hook as root although the event runs as the cPanel user (Cpanel category only). */
  escalateprivs?: 1;
}

export const CPANEL_HOOKS: readonly CpanelHookRegistration[] = [
  { category: "Whostmgr", event: "Accounts::Create", stage: "post" },
  { category: "Whostmgr", event: "Accounts::Remove", stage: "post" },
  { category: "Whostmgr", event: "Accounts::suspendacct", stage: "post" },
  { category: "Whostmgr", event: "Accounts::unsuspendacct", stage: "post" },
  { category: "Whostmgr", event: "Accounts::change_package", stage: "post" },
  { category: "Cpanel", event: "Api2::AddonDomain::addaddondomain", stage: "post", escalateprivs: 1 },
  { category: "Cpanel", event: "Api2::AddonDomain::deladdondomain", stage: "post", escalateprivs: 1 },
  { category: "Cpanel", event: "Api2::Park::park", stage: "post", escalateprivs: 1 },
  { category: "Cpanel", event: "Api2::Park::unpark", stage: "post", escalateprivs: 1 },
  { category: "Cpanel", event: "Api2::SubDomain::addsubdomain", stage: "post", escalateprivs: 1 },
  { category: "Cpanel", event: "Api2::SubDomain::delsubdomain", stage: "post", escalateprivs: 1 },
  { category: "Cpanel", event: "UAPI::SubDomain::addsubdomain", stage: "post", escalateprivs: 1 },
  { category: "Cpanel", event: "UAPI::DNS::mass_edit_zone", stage: "post", escalateprivs: 1 },
  { category: "Cpanel", event: "Api2::ZoneEdit::add_zone_record", stage: "post", escalateprivs: 1 },
  { category: "Cpanel", event: "Api2::ZoneEdit::edit_zone_record", stage: "post", escalateprivs: 1 },
  { category: "Cpanel", event: "Api2::ZoneEdit::remove_zone_record", stage: "post", escalateprivs: 1 },
];

/** `Category::Event`, the name the spool bookkeeping and error messages use (`Whostmgr::Accounts::Create`). */
export function hookName(hook: { category: string; event: string }): string {
  return `${hook.category}::${hook.event}`;
}
