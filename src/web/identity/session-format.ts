/**
 * What the code relies on of DirectAdmin's session id and key (docs/reference/directadmin.md#sessions-csrf-and-the-api):
 * each is 16 to 256 characters of letters, digits and `-_.~+/=` — what hex, base64 and base64url tokens are made
 * of. Anything else (empty, short, long, a `;` that would smuggle a second cookie into the replay) is refused before
 * DirectAdmin is asked, so malformed sessions cost nothing and never count as failed logins there.
 */
const SESSION_PART = /^[A-Za-z0-9._~+/=-]{16,256}$/;

/** Why a session cannot be DirectAdmin's, or undefined when its id and key have the expected form. */
export function malformedSession(id: string, key: string): string | undefined {
  if (!SESSION_PART.test(id)) return "the session id is not 16 to 256 letters, digits or -_.~+/=";
  if (!SESSION_PART.test(key)) return "the session key is not 16 to 256 letters, digits or -_.~+/=";
  return undefined;
}
