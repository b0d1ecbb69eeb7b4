// A Debian 11 (bullseye, glibc 2.31) root made with debootstrap --variant=minbase, cached (cache.mjs): the portable
// drivers are compiled in it, and the matrix installs the package in copies of it (chroot.mjs).
import { execFileSync } from "node:child_process";
import { cached, filesKey, keyOf } from "./cache.mjs";
import { DEBIAN } from "./targets.mjs";

/** The compiler for the drivers; curl for the page entry scripts; passwd and util-linux (useradd, runuser, setpriv) come with minbase. */
const PACKAGES = ["g++", "make", "python3", "curl", "ca-certificates"];

/** The root's directory, made (a few minutes, once) or reused. */
export function debianRoot(log = () => {}) {
  const key = keyOf(DEBIAN, PACKAGES, filesKey([new URL(import.meta.url).pathname]));
  return cached(`debian-${DEBIAN.suite}`, key, (dir) => {
    log(`making a Debian ${DEBIAN.suite} root with debootstrap (once; cached)`);
    execFileSync(
      "debootstrap",
      ["--variant=minbase", `--include=${PACKAGES.join(",")}`, DEBIAN.suite, dir, DEBIAN.mirror],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    execFileSync("chroot", [dir, "apt-get", "clean"], { stdio: "ignore" });
  });
}
