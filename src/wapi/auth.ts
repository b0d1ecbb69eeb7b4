import { createHash } from "node:crypto";
import { pragueHour } from "./prague-hour.js";

const sha1 = (text: string): string => createHash("sha1").update(text, "utf8").digest("hex");

/**
 * The WAPI auth hash, computed for every request (never cached across an hour boundary):
 * `sha1(login + sha1(password) + HH)` with HH the current two-digit hour in Europe/Prague.
 * https://kb.wedos.com/cs/wapi-api-rozhrani/wapi-zaklady-komunikace-autentizace/
 */
export function wapiAuth(login: string, password: string, epochMs: number): string {
  return sha1(login + sha1(password) + pragueHour(epochMs));
}
