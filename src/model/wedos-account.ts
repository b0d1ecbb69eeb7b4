/**
 * The customer's own WEDOS account as a sharing request names it: their WEDOS customer ID and the e-mail of that
 * account (docs/sharing-with-wedos-accounts.md). Pure checks with the reason a value was refused.
 */

export interface WedosAccount {
  customerId: string;
  email: string;
}

/**
 * A WEDOS customer ID as we accept it: 4 to 10 digits (spaces taken out). WEDOS does not publish its format; the
 * customer numbers it shows are digits only, so anything else is refused rather than passed to an admin who would
 * type it into WEDOS's administration (docs/decisions/0055).
 */
const CUSTOMER_ID = /^[0-9]{4,10}$/;
/** A plain address: ASCII local part of letters, digits and . _ % + - (no dots at its ends), a domain with a TLD. */
const LOCAL_PART = "[A-Za-z0-9_%+-]+(?:\\.[A-Za-z0-9_%+-]+)*";
const DOMAIN_PART = "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";
const EMAIL = new RegExp(`^${LOCAL_PART}@${DOMAIN_PART}$`);

export type AccountProblem = "customerIdMissing" | "customerIdFormat" | "emailMissing" | "emailFormat";

/** The account, tidied (spaces out of the ID, the address trimmed and its domain lower-cased), or what is wrong. */
export function readWedosAccount(
  customerId: string | undefined,
  email: string | undefined,
): { account: WedosAccount; problems: [] } | { account: undefined; problems: AccountProblem[] } {
  const problems: AccountProblem[] = [];
  const id = (customerId ?? "").replace(/\s+/g, "");
  if (id === "") problems.push("customerIdMissing");
  else if (!CUSTOMER_ID.test(id)) problems.push("customerIdFormat");
  const address = (email ?? "").trim();
  if (address === "") problems.push("emailMissing");
  else if (address.length > 254 || (address.split("@")[0] ?? "").length > 64 || !EMAIL.test(address))
    problems.push("emailFormat");
  if (problems.length > 0) return { account: undefined, problems };
  const at = address.lastIndexOf("@");
  return { account: { customerId: id, email: address.slice(0, at) + address.slice(at).toLowerCase() }, problems: [] };
}

/** The account a stored request names, if its details hold one. */
export function accountOf(details: Record<string, unknown>): WedosAccount | undefined {
  const { customerId, email } = details;
  return typeof customerId === "string" && typeof email === "string" ? { customerId, email } : undefined;
}
