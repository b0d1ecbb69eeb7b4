import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { cpanelFixtureTree } from "../../src/panel/cpanel/emulator/index.js";
import { tempDir } from "../support/temp-dir.js";

// The cPanel daemon runs as its own account without any capability (docs/decisions/0011): it cannot read the 0600
// proof file a customer's page entry leaves, and must still know whose it is. Real accounts here (the test runs as
// root to be them): the customer makes the proof as the entry does, the daemon's account checks it.
const DAEMON = 64_211;
const ALICE = 64_212;

function as(uid: number, args: string[]) {
  return spawnSync("setpriv", [`--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", ...args], { encoding: "utf8" });
}

describe("the cPanel page proof, checked by the daemon's account without any capability", () => {
  test("proves the customer who made a private proof file the daemon may not read; the same proof twice proves nothing", () => {
    const dir = tempDir("wedos-panel-proof-");
    chmodSync(dir, 0o755);
    const layout = cpanelFixtureTree(join(dir, "cpanel"));
    writeFileSync(layout.userFile("alice"), "DNS=alice.test\nPLAN=default\n");
    // Readable here for brevity: the account check is the panel's (on a server, through the panel reader).
    execFileSync("chmod", ["-R", "a+rX", join(dir, "cpanel")]);
    const passwd = join(dir, "passwd");
    writeFileSync(passwd, `alice:x:${ALICE}:${ALICE}::/home/alice:/bin/bash\n`, { mode: 0o644 });
    // The daemon made the directory at its start (its RuntimeDirectory, then prepareProofDir).
    const run = join(dir, "run");
    mkdirSync(run, { mode: 0o755 });
    chownSync(run, DAEMON, DAEMON);
    const proofDir = join(run, "proof");

    const name = "0123456789abcdef0123456789abcdef";
    const nonce = "ab".repeat(32);
    const script = join(dir, "verify.mjs");
    writeFileSync(
      script,
      `import { readFile } from "node:fs/promises";
import { CpanelProofVerifier, prepareProofDir } from ${JSON.stringify(join(PACKAGE_ROOT, "build/lib/web/identity/cpanel-proof.js"))};
import { CpanelPanel } from ${JSON.stringify(join(PACKAGE_ROOT, "build/lib/panel/cpanel/reader.js"))};
import { cpanelLayout } from ${JSON.stringify(join(PACKAGE_ROOT, "build/lib/panel/cpanel/layout.js"))};
const [step, proof] = process.argv.slice(2);
if (step === "prepare") { prepareProofDir(${JSON.stringify(proofDir)}); process.exit(0); }
const panel = new CpanelPanel(cpanelLayout(${JSON.stringify({ varDir: layout.varDir, etcDir: layout.etcDir, zoneDir: layout.zoneDir })}));
const verifier = new CpanelProofVerifier({ dir: ${JSON.stringify(proofDir)}, panel, passwdFile: ${JSON.stringify(passwd)} });
const content = await readFile(${JSON.stringify(join(proofDir, name))}).then(() => "readable", (error) => error.code);
const verdict = await verifier.verify(proof, undefined).then((v) => v, (error) => ({ refused: error.message }));
console.log(JSON.stringify({ content, verdict }));`,
      { mode: 0o644 },
    );
    expect(as(DAEMON, [process.execPath, script, "prepare"]).status).toBe(0);
    // What index.live.pl does as the customer: O_CREAT|O_EXCL, 0600, the nonce inside.
    const made = as(ALICE, ["sh", "-c", `umask 077 && printf %s "${nonce}" > "${join(proofDir, name)}"`]);
    expect(made.status, made.stderr).toBe(0);

    const checked = as(DAEMON, [process.execPath, script, "verify", `${name}:${nonce}`]);
    expect(checked.status, checked.stderr).toBe(0);
    expect(JSON.parse(checked.stdout)).toEqual({ content: "EACCES", verdict: { username: "alice", usertype: "user" } });

    // Once checked the proof is gone; the same proof again opens nothing.
    const again = as(DAEMON, [process.execPath, script, "verify", `${name}:${nonce}`]);
    expect(JSON.parse(again.stdout)).toEqual({ content: "ENOENT", verdict: { refused: "cPanel page proof refused: the proof file cannot be opened (ENOENT)" } });
  });
});
