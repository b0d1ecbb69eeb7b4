import { describe, expect, test } from "vitest";
import { CpanelHookError, eventsFromHookPayload, MAPPED_HOOKS } from "../../../src/panel/cpanel/hook-events.js";
import { CPANEL_HOOKS, hookName } from "../../../src/panel/cpanel/hooks.js";
import type { PanelEvent } from "../../../src/panel/events.js";
import { FIXTURE_NAMES, payload, type FixtureName } from "./support.js";

// One row per registered event: the fixture cPanel sends and the panel events the core receives.
const CASES: Array<[FixtureName, PanelEvent[]]> = [
  [
    "whostmgr-accounts-create",
    [
      {
        kind: "user-created",
        username: "alice",
        domain: "alice.test",
        package: "default",
        ips: [],
        creator: "root",
        restore: false,
      },
    ],
  ],
  ["whostmgr-accounts-remove", [{ kind: "user-destroyed", username: "alice" }]],
  ["whostmgr-accounts-suspendacct", [{ kind: "user-suspended", username: "alice" }]],
  ["whostmgr-accounts-unsuspendacct", [{ kind: "user-activated", username: "alice" }]],
  [
    "whostmgr-accounts-change-package",
    [{ kind: "package-changed", username: "alice", package: "reseller1_Gold Plan" }],
  ],
  [
    "cpanel-api2-addondomain-addaddondomain",
    [{ kind: "domain-created", username: "alice", domain: "alice-shop.test", ips: [], restore: false }],
  ],
  [
    "cpanel-api2-addondomain-deladdondomain",
    [{ kind: "domain-destroyed", username: "alice", domain: "alice-shop.test" }],
  ],
  [
    "cpanel-api2-park-park",
    [{ kind: "pointer-created", username: "alice", pointer: "alice-alias.test", domain: undefined }],
  ],
  [
    "cpanel-api2-park-unpark",
    [{ kind: "pointer-destroyed", username: "alice", pointer: "alice-alias.test", domain: undefined }],
  ],
  ["cpanel-api2-subdomain-addsubdomain", [{ kind: "zone-written", domain: "alice.test", env: undefined }]],
  ["cpanel-api2-subdomain-delsubdomain", [{ kind: "zone-written", domain: "alice.test", env: undefined }]],
  ["cpanel-uapi-subdomain-addsubdomain", [{ kind: "zone-written", domain: "alice.test", env: undefined }]],
  ["cpanel-uapi-dns-mass-edit-zone", [{ kind: "zone-written", domain: "alice.test", env: undefined }]],
  ["cpanel-api2-zoneedit-add-zone-record", [{ kind: "zone-written", domain: "alice.test", env: undefined }]],
  ["cpanel-api2-zoneedit-edit-zone-record", [{ kind: "zone-written", domain: "alice.test", env: undefined }]],
  ["cpanel-api2-zoneedit-remove-zone-record", [{ kind: "zone-written", domain: "alice.test", env: undefined }]],
];

describe("cPanel hook payloads → panel events", () => {
  test.each(CASES)("%s", (name, expected) => {
    expect(eventsFromHookPayload(payload(name))).toEqual(expected);
  });

  test("every registered event has a fixture and a mapping, and nothing else is mapped", () => {
    expect(CASES.map(([name]) => name)).toEqual([...FIXTURE_NAMES]);
    expect(FIXTURE_NAMES.map((name) => hookName(payload(name).context))).toEqual(CPANEL_HOOKS.map(hookName));
    expect([...MAPPED_HOOKS].sort()).toEqual(CPANEL_HOOKS.map(hookName).sort());
  });

  test.each([
    ["an IP address in createacct's ip is the account's address", { ip: "192.0.2.44" }, { ips: ["192.0.2.44"] }],
    ["a dedicated-IP flag is not an address", { ip: "y" }, { ips: [] }],
    ["an IDN domain in any case becomes punycode", { domain: "BÜCHER.test." }, { domain: "xn--bcher-kva.test" }],
    ["no plan: no package", { plan: "" }, { package: undefined }],
    ["a reseller owns the account", { owner: "reseller1" }, { creator: "reseller1" }],
  ])("Accounts::Create: %s", (_title, data, expected) => {
    expect(eventsFromHookPayload(payload("whostmgr-accounts-create", data))[0]).toMatchObject(expected);
  });

  test("a domain parked on another domain of the account points there; delsubdomain with rootdomain uses it", () => {
    expect(eventsFromHookPayload(payload("cpanel-api2-park-park", { args: { topdomain: "alice-shop.test" } }))).toEqual(
      [{ kind: "pointer-created", username: "alice", pointer: "alice-alias.test", domain: "alice-shop.test" }],
    );
    expect(
      eventsFromHookPayload(
        payload("cpanel-api2-subdomain-delsubdomain", { args: { domain: "a.b.alice.test", rootdomain: "alice.test" } }),
      ),
    ).toEqual([{ kind: "zone-written", domain: "alice.test", env: undefined }]);
  });

  test("an API call cPanel reports as failed changes nothing (API 2 runs post hooks after failures)", () => {
    expect(
      eventsFromHookPayload(
        payload("cpanel-api2-addondomain-addaddondomain", {
          output: [{ result: 0, reason: "The domain already exists." }],
        }),
      ),
    ).toEqual([]);
    expect(
      eventsFromHookPayload(payload("cpanel-uapi-subdomain-addsubdomain", { result: { status: 0, errors: ["No."] } })),
    ).toEqual([]);
    expect(
      eventsFromHookPayload(
        payload("cpanel-api2-zoneedit-add-zone-record", {
          output: [{ result: { status: 0, statusmsg: "Invalid record." } }],
        }),
      ),
    ).toEqual([]);
  });

  const rejected = (input: unknown) => {
    try {
      eventsFromHookPayload(input);
    } catch (error) {
      expect(error).toBeInstanceOf(CpanelHookError);
      return (error as Error).message;
    }
    throw new Error("the payload was accepted");
  };
  const tail = "; the event was kept in the spool's rejected/ folder — check the cPanel version's hook payload";

  test.each<[string, unknown, string]>([
    [
      "not an object",
      "hello",
      "cPanel hook: not a Standardized Hooks payload ((top level): Invalid input: expected object, received string)",
    ],
    [
      "no context",
      { data: {} },
      "cPanel hook: not a Standardized Hooks payload (context: Invalid input: expected object, received undefined)",
    ],
    [
      "an event not registered",
      { context: { category: "Whostmgr", event: "Accounts::Modify", stage: "post" }, data: {} },
      "Whostmgr::Accounts::Modify: this event is not one wedos-panel registers",
    ],
    [
      "a pre hook",
      {
        ...payload("whostmgr-accounts-remove"),
        context: { category: "Whostmgr", event: "Accounts::Remove", stage: "pre" },
      },
      'Whostmgr::Accounts::Remove: stage "pre": wedos-panel registers post hooks only',
    ],
    [
      "every bad field at once",
      payload("whostmgr-accounts-create", { user: "../root", domain: "not a domain", plan: 7 }),
      'Whostmgr::Accounts::Create: data.user: is not a cPanel user name; data.domain: "not a domain" is not a valid domain name; data.plan: Invalid input: expected string, received number',
    ],
    [
      "a missing field",
      payload("whostmgr-accounts-change-package", { new_pkg: "" }),
      "Whostmgr::Accounts::change_package: data.new_pkg is missing",
    ],
    [
      "an addon without its account",
      payload("cpanel-api2-addondomain-addaddondomain", { user: undefined }),
      "Cpanel::Api2::AddonDomain::addaddondomain: data.user is missing",
    ],
    [
      "a subdomain name without a parent",
      payload("cpanel-api2-subdomain-delsubdomain", { args: { domain: "blog" } }),
      'Cpanel::Api2::SubDomain::delsubdomain: data.args.domain: "blog" is not a subdomain of a domain',
    ],
  ])("rejects %s with the reason", (_title, input, message) => {
    expect(rejected(input)).toBe(`${message}${tail}`);
  });

  test("the password is never read, so it never appears in a reason", () => {
    const message = rejected(payload("whostmgr-accounts-create", { domain: "bad domain" }));
    expect(message).not.toContain("Tr0ub4dor");
  });
});
