import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer table is enforced by lint (eslint.config.js, lint/layers.js): each case lints one line of code as if it
// sat at the given path, and expects the boundary rule to fire for a crossing import and to stay quiet for a
// permitted one.
const RULE = "layers/imports-go-down";
const root = fileURLToPath(new URL("../..", import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  // A line that does not parse reports nothing else: that must not pass for a permitted import.
  expect(result.messages.filter((message) => message.fatal)).toEqual([]);
  return result.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

type Case = [file: string, code: string];

function expectCrossing([file, code]: Case, wording: RegExp) {
  it(`${file}: ${code}`, async () => {
    const messages = await boundaryMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(wording);
  });
}

function expectPermitted([file, code]: Case) {
  it(`${file}: ${code}`, async () => {
    expect(await boundaryMessages(file, code)).toEqual([]);
  });
}

const UPWARD = /may not import .*imports only go down the layer table/;

describe("the simulator and the emulators share no code with what they fake", () => {
  for (const crossing of [
    ["src/simulator/x.ts", `import { WapiClient } from "../wapi/client.js";`],
    ["src/simulator/commands/x.ts", `import { verifyCsrf } from "../../web/csrf.js";`],
    ["src/simulator/x.ts", `import { JobStore } from "../store/job-store.js";`],
    ["src/simulator/x.ts", `import { planZone } from "../sync/plan-zone.js";`],
    ["src/simulator/x.ts", `import { Queue } from "../provisioning/queue.js";`],
    // The simulator's own dns/ folder is not src/dns/: the specifier is resolved, not matched as text.
    ["src/simulator/dns/x.ts", `import { parseZoneFile } from "../../dns/index.js";`],
    ["src/emulators/directadmin/x.ts", `import { issueCsrf } from "../../web/csrf.js";`],
    ["src/emulators/cpanel/x.ts", `import type { WapiClient } from "../../wapi/client.js";`],
    ["src/emulators/directadmin/x.ts", `import { readAccounts } from "../../panel/directadmin/reader.js";`],
    ["src/simulator/x.ts", `import { USERS_DIR } from "../panel/directadmin/layout.js";`],
  ] satisfies Case[]) {
    expectCrossing(crossing, UPWARD);
  }
  for (const permitted of [
    ["src/simulator/x.ts", `import { systemClock } from "../clock.js";`],
    ["src/simulator/x.ts", `import { UserError } from "../errors.js";`],
    ["src/simulator/dns/x.ts", `import { encode } from "./message.js";`],
    ["src/simulator/x.ts", `import { createServer } from "node:http"; import { z } from "zod";`],
    ["src/emulators/directadmin/x.ts", `import { startSimulator } from "../../simulator/index.js";`],
    ["src/emulators/cpanel/x.ts", `import { tree } from "../directadmin/tree.js";`],
    ["src/emulators/directadmin/x.ts", `import { USERS_DIR } from "../../panel/directadmin/layout.js";`],
  ] satisfies Case[]) {
    expectPermitted(permitted);
  }
});

describe("web never imports the WAPI client", () => {
  expectCrossing(["src/web/routes/x.ts", `import { WapiBudget } from "../../wapi/budget.js";`], UPWARD);
  expectCrossing(["src/web/x.ts", `export { readCredentials } from "../wapi/credentials.js";`], UPWARD);
  expectCrossing(["src/web/x.ts", `const wapi = await import("../wapi/index.js");`], UPWARD);
  expectPermitted(["src/web/x.ts", `import { Queue } from "../provisioning/queue.js";`]);
  expectPermitted(["src/web/view-models/x.ts", `import type { WapiStatus } from "../../model/wapi-status.js";`]);
});

describe("src/dns/ stays pure", () => {
  expectCrossing(["src/dns/x.ts", `import { readFile } from "node:fs/promises";`], /stays pure: node:fs\/promises/);
  expectCrossing(["src/dns/x.ts", `import { connect } from "node:net";`], /stays pure: node:net/);
  expectCrossing(["src/dns/x.ts", `import packet from "dns-packet";`], /may not use the package dns-packet/);
  expectCrossing(["src/dns/x.ts", `import { systemClock } from "../clock.js";`], UPWARD);
  expectCrossing(["src/dns/x.ts", `import { loadConfig } from "../config/load.js";`], UPWARD);
  expectPermitted(["src/dns/x.ts", `import { domainToASCII } from "node:url";`]);
  expectPermitted(["src/dns/x.ts", `import { UserError } from "../errors.js";`]);
  expectPermitted(["src/dns/x.ts", `import { slices } from "../util/slices.js";`]);
});

describe("stores import nothing above them", () => {
  expectCrossing(["src/store/x.ts", `import type { ZonePlan } from "../sync/plan.js";`], UPWARD);
  expectCrossing(["src/store/x.ts", `import type { Policy } from "../provisioning/policy.js";`], UPWARD);
  expectCrossing(["src/store/sqlite/x.ts", `import type { Panel } from "../../panel/panel.js";`], UPWARD);
  expectPermitted(["src/store/x.ts", `import type { DnsRecord } from "../dns/index.js";`]);
  expectPermitted(["src/store/x.ts", `import type { Policy } from "../model/policy.js";`]);
});

describe("panel and WAPI sit side by side, and the panel never imports web", () => {
  expectCrossing(["src/panel/cpanel/x.ts", `import { WapiClient } from "../../wapi/client.js";`], UPWARD);
  expectCrossing(["src/wapi/x.ts", `import type { Panel } from "../panel/panel.js";`], UPWARD);
  expectCrossing(["src/panel/directadmin/x.ts", `import { pageUrl } from "../../web/urls.js";`], UPWARD);
  expectPermitted(["src/panel/directadmin/x.ts", `import { hookEnv } from "./hook-variables.js";`]);
  expectPermitted(["src/wapi/x.ts", `import { WapiCallStore } from "../store/wapi-call-store.js";`]);
});

describe("only the composition layer imports main.ts", () => {
  for (const folder of ["web", "provisioning", "sync", "store", "panel", "wapi"]) {
    expectCrossing([`src/${folder}/x.ts`, `import type { Services } from "../main.js";`], UPWARD);
  }
  expectCrossing(["src/web/x.ts", `type S = typeof import("../main.js");`], UPWARD);
  for (const file of ["src/cli/x.ts", "src/demo/x.ts", "src/bench/x.ts", "src/serving.ts"]) {
    const specifier = file === "src/serving.ts" ? "./main.js" : "../main.js";
    expectPermitted([file, `import { createServices } from "${specifier}";`]);
  }
});

describe("every folder of src/ has a place in the table, and tests may import anything", () => {
  expectCrossing(["src/reselling/x.ts", `import { z } from "zod";`], /src\/reselling is not in the layer table/);
  expectPermitted(["test/web/x.test.ts", `import { WapiClient } from "../../src/wapi/client.js";`]);
  expectPermitted(["test/simulator/x.test.ts", `import { verifyCsrf } from "../../src/web/csrf.js";`]);
});
