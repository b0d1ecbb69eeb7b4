import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { PACKAGE_ROOT } from "../../package-info.js";
import type { RawConnection } from "./connection.js";
import type { DriverCandidate } from "./driver.js";

const requireHere = createRequire(import.meta.url);

/** Where a package carries the portable build for this platform and Node.js ABI (build/native/ makes them). */
export function shippedNativeBuild(root = PACKAGE_ROOT): string {
  return join(
    root,
    "native",
    `${process.platform}-${process.arch}`,
    `node-abi${process.versions.modules}`,
    "better_sqlite3.node",
  );
}

/**
 * The better-sqlite3 driver with a given addon file: the package's portable build, or better-sqlite3's own build in
 * node_modules (a development checkout, where `npm install` compiled or fetched it for this Node.js).
 */
export function nativeCandidates(): DriverCandidate[] {
  const shipped = shippedNativeBuild();
  return [
    {
      route: `the package's portable build ${relative(PACKAGE_ROOT, shipped)}`,
      binding: () => (existsSync(shipped) ? shipped : undefined),
      absent: `no ${relative(PACKAGE_ROOT, shipped)} in this package (it carries builds for Linux x86_64 with Node.js 20, 22 and 24)`,
    },
    {
      route: "better-sqlite3's own build in node_modules",
      binding: ownBuild,
      absent: "better-sqlite3 in node_modules has no build/Release/better_sqlite3.node (a package carries none)",
    },
  ].map(({ route, binding, absent }) => ({
    name: "native" as const,
    route,
    load() {
      const file = binding();
      if (file === undefined) return { absent };
      const BetterSqlite = loadBetterSqlite();
      new BetterSqlite(":memory:", { nativeBinding: file }).close(); // loads the addon: fails here when it cannot
      return {
        detail: `better-sqlite3 ${betterSqliteVersion()}, ${route}`,
        open: (path: string) => openNative(new BetterSqlite(path, { nativeBinding: file })),
      };
    },
  }));
}

function ownBuild(): string | undefined {
  let manifest: string;
  try {
    manifest = requireHere.resolve("better-sqlite3/package.json");
  } catch {
    return undefined;
  }
  const file = join(dirname(manifest), "build", "Release", "better_sqlite3.node");
  return existsSync(file) ? file : undefined;
}

function loadBetterSqlite(): typeof BetterSqlite3 {
  return requireHere("better-sqlite3") as typeof BetterSqlite3;
}

function betterSqliteVersion(): string {
  return (requireHere("better-sqlite3/package.json") as { version: string }).version;
}

function openNative(db: BetterSqlite3.Database): RawConnection {
  return {
    prepare(sql) {
      const statement = db.prepare(sql);
      return {
        run: (params) => {
          const result = statement.run(...params);
          return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
        },
        get: (params) => statement.get(...params),
        all: (params) => statement.all(...params),
      };
    },
    exec: (sql) => void db.exec(sql),
    pragma: (source) => db.pragma(source, { simple: true }),
    backup: async (destination) => void (await db.backup(destination)),
    close: () => db.close(),
  };
}
