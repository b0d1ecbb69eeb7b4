import type { Secret } from "../util/secret.js";

/** Where and as whom the plugin talks to WEDOS. */
export interface WapiSettings {
  url: string;
  login: string;
  password: Secret;
  /** Where the password came from (a file path or an environment variable's name), for pages and `doctor`. */
  passwordSource: string | undefined;
}

/**
 * The WAPI settings in use, as the admin's settings page reads and replaces them (the next request uses the new
 * ones). Only this: the page never reaches the client, the budget or the circuit.
 */
export interface WapiCredentialsWriter {
  current(): WapiSettings;
  replace(next: WapiSettings): void;
}
