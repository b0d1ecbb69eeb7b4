import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PACKAGE_ROOT } from "../../src/package-info.js";

/** The zone worker as the daemon runs it: compiled (test/global-setup.ts compiles it), as the tests run the sources. */
export const COMPILED_ZONE_WORKER = pathToFileURL(
  join(PACKAGE_ROOT, "build", "lib", "web", "records", "zone-worker.js"),
);
