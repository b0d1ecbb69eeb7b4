/**
 * An emulated DirectAdmin for tests and the demo: a DirectAdmin tree on disk and the panel actions that change it
 * and run the plugin's real hooks with DirectAdmin's environment. Read it back with `DirectAdminPanel`. For the
 * plugin's pages: logins (sessions.ts), the HTTP API that verifies them (http-api.ts) and running the page scripts
 * as DirectAdmin does (page-runner.ts).
 */
export { EmulatedDirectAdmin } from "./emulated-directadmin.js";
export {
  DEFAULT_HOOK_ORDER,
  EmulatorRefusal,
  type AccountBackup,
  type EmulatorOptions,
  type HookOrder,
  type NewUser,
} from "./options.js";
export type { HookCall, HookRun } from "./hooks.js";
export { fixtureTree, treeLayout } from "./tree.js";
export { seedAccounts, type SeedOptions } from "./seed.js";
export { dnsWriteEnv, readZone, templateRecords, writeZone } from "./zone.js";
export { legacyEncode, type RunningDirectAdminApi } from "./http-api.js";
export { entityEncode, runPluginPage, type PageRun, type PageRunner, type PageVisit } from "./page-runner.js";
export { SessionBook, type DirectAdminSession, type SessionOwner } from "./sessions.js";
export { ALL_ADMINS, EmulatedMessageSystem, type DirectAdminMessage } from "./message-system.js";
