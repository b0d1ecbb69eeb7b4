import { join, resolve } from "node:path";

/** Where the demo keeps everything, under one directory (`./.data` by default). */
export interface DemoPaths {
  root: string;
  /** Marks the directory as the demo's, so a reset never deletes anything else. */
  marker: string;
  /** The running demo's process id (so a second start and a reset can refuse). */
  pid: string;
  /** The generated configuration of the daemon, the hooks and the page scripts (mode 0600). */
  config: string;
  /** The simulated WEDOS account's WAPI password (mode 0600). */
  wapiPassword: string;
  /** The WEDOS simulator's state. */
  simulatorState: string;
  /** The emulated DirectAdmin's tree (usr/local/directadmin, etc/virtual, var/named). */
  directadmin: string;
  /** The emulated panel's password hashes (mode 0600). */
  passwordHashes: string;
  /** The seeded accounts' logins, to print at every start (mode 0600). */
  logins: string;
  /** The plugin's data directory (database, spool). */
  dataDir: string;
  /** The daemon's socket for the page scripts. */
  socket: string;
  /** Where the page scripts leave their proofs (pages.proofDir). */
  proofDir: string;
}

/** The demo's files under `root` (resolved against the working directory). */
export function demoPaths(root: string): DemoPaths {
  const dir = resolve(root);
  return {
    root: dir,
    marker: join(dir, "DEMO"),
    pid: join(dir, "demo.pid"),
    config: join(dir, "config.json"),
    wapiPassword: join(dir, "wapi-password"),
    simulatorState: join(dir, "simulator.json"),
    directadmin: join(dir, "directadmin"),
    passwordHashes: join(dir, "directadmin-passwords.json"),
    logins: join(dir, "demo-logins.json"),
    dataDir: join(dir, "panel"),
    socket: join(dir, "run", "daemon.sock"),
    proofDir: join(dir, "run", "proof"),
  };
}
