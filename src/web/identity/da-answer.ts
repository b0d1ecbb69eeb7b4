import { AppError } from "../../errors.js";
import { ACCOUNT_NAME, isLevel, type SessionVerdict } from "./identity.js";

/**
 * Reads DirectAdmin's answer to CMD_API_SHOW_USER_CONFIG. The legacy API answers `key=value&…` with every value
 * url-encoded, digits included (`gzv%30%39%30%38a`), so the whole body is decoded as form data and nothing is split
 * by hand (docs/reference/directadmin.md#sessions-csrf-and-the-api). An HTML page instead of data, `error=1`, or a
 * missing or odd username/usertype means the session did not verify.
 */
export function parseUserConfigAnswer(body: string): SessionVerdict {
  const text = body.trim();
  if (text.startsWith("<"))
    throw unverified("DirectAdmin answered with an HTML page instead of the account's settings");
  const fields = new URLSearchParams(text);
  if (fields.get("error") === "1")
    throw unverified(`DirectAdmin answered error=1 (${(fields.get("text") ?? "").slice(0, 200)})`);
  const username = fields.get("username") ?? "";
  const usertype = fields.get("usertype") ?? "";
  if (!ACCOUNT_NAME.test(username)) throw unverified("DirectAdmin's answer has no valid username");
  if (!isLevel(usertype)) throw unverified(`DirectAdmin's answer has an unknown usertype "${usertype.slice(0, 20)}"`);
  const language = fields.get("language") ?? undefined;
  return { username, usertype, language: language === "" ? undefined : language };
}

function unverified(message: string): AppError {
  return new AppError("session_unverifiable", `session check: ${message}`, { retryable: true });
}
