// What the portable drivers are built for and checked against (docs/decisions/0009). One Node.js per supported
// major: a driver is built against an ABI (process.versions.modules), which every release of that major shares.
export const NODE_VERSIONS = ["20.20.2", "22.23.5", "24.22.3"];

/** The oldest C library the drivers may need: EL 8 (AlmaLinux, Rocky, CloudLinux 8) has glibc 2.28, GCC 8's libstdc++. */
export const CEILINGS = { GLIBC: "2.28", GLIBCXX: "3.4.25" };

/** Where they are built: Debian 11 (glibc 2.31, GCC 10), with libm's newer symbols pinned back (pin-glibc.h). */
export const DEBIAN = { suite: "bullseye", mirror: "http://deb.debian.org/debian" };

/** The drivers' directory inside a package: native/<platform>-<arch>/node-abi<ABI>/better_sqlite3.node. */
export const PLATFORM = "linux-x64";
