import { sha256Hex } from "../util/sha256.js";
import type { WapiCredentialsWriter, WapiSettings } from "../model/wapi-settings.js";
import type { Secret } from "../util/secret.js";

/**
 * The WAPI settings in use, replaceable while the daemon runs: the admin's settings page saves new ones and the
 * next request uses them (a request already on its way finishes with the settings it started with). The client,
 * the circuit and the pages read them from here, so there is one current value.
 */
export class WapiCredentials implements WapiCredentialsWriter {
  #current: WapiSettings;

  constructor(initial: WapiSettings) {
    this.#current = initial;
  }

  current(): WapiSettings {
    return this.#current;
  }

  replace(next: WapiSettings): void {
    this.#current = next;
  }

  /** Hash of URL, login and password: lets the circuit notice that an admin changed the settings. */
  fingerprint(): string {
    const { url, login, password } = this.#current;
    return credentialsFingerprint(url, login, password);
  }
}

/** Hash of URL, login and password (never stored or shown as anything but this hash). */
export function credentialsFingerprint(url: string, login: string, password: Secret): string {
  return sha256Hex(`${url}\n${login}\n${password.reveal()}`);
}
