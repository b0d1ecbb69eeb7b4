// The portable build and the matrix need root (chroot, mount) and Debian's debootstrap; say so plainly when not.
import { execFileSync } from "node:child_process";

/** @param {string} what the thing being made, for the message */
export function requireRootTools(what, tools = ["debootstrap", "chroot", "mount", "objdump"]) {
  if (process.getuid?.() !== 0)
    throw new Error(
      `${what} needs root: it makes a Debian 11 root with debootstrap and works in it with chroot and mount. Run it as root (CI does), or build a package that is not portable with: node build/package.mjs --unportable-native`,
    );
  const missing = tools.filter((tool) => !onPath(tool));
  if (missing.length > 0)
    throw new Error(
      `${what} needs ${missing.join(", ")}, not found on PATH; install them with: apt-get install debootstrap binutils coreutils mount`,
    );
}

function onPath(tool) {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
