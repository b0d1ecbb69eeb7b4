/**
 * An emulated cPanel & WHM for tests: a cPanel tree on disk (read back with `CpanelPanel`), the events that
 * change it, each followed by the plugin's real hook script run with cPanel's payload on stdin, and the plugin's
 * page entries run as cpsrvd runs them.
 */
export {
  EmulatedCpanel,
  type CpanelHookPayload,
  type CpanelHookRun,
  type EmulatedCpanelOptions,
} from "./emulated-cpanel.js";
export { CpanelTreeFiles, cpanelFixtureTree } from "./tree.js";
export { runCpanelPage, type CpanelPageRun, type CpanelPageVisit } from "./page-runner.js";
