/**
 * The emulated DirectAdmin's web front: the panel a person (or a browser test) clicks through — login, accounts,
 * domains, DNS, and the plugin's pages in the panel frame — over the emulator's tree and real hooks.
 */
export { startDirectAdminFront, type FrontOptions, type RunningFront } from "./front-server.js";
export { PasswordBook } from "./password-book.js";
export { parseRawResponse, type RawResponse } from "./raw-response.js";
