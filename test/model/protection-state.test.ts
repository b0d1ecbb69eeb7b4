import { describe, expect, it } from "vitest";
import {
  actionAllowed,
  allowedActions,
  PROTECTION_ACTIONS,
  PROTECTION_PHASES,
  protectionPhase,
  showsActiveSince,
  STORED_PROTECTION_STATES,
  type ProtectionAction,
  type ProtectionFacts,
  type ProtectionPhase,
} from "../../src/model/protection-state.js";

const facts = (overrides: Partial<ProtectionFacts>): ProtectionFacts => ({
  stored: undefined,
  included: true,
  wanted: false,
  chosenOff: false,
  domainActive: true,
  zoneFailed: false,
  retrying: false,
  lapsed: false,
  ...overrides,
});

describe("the one state of a domain's protection", () => {
  it.each([
    // Nothing at WEDOS.
    [{ included: false }, "not-included"],
    [{}, "off"],
    [{ stored: "removed" }, "off"],
    [{ stored: "removed", included: false }, "not-included"],
    [{ wanted: true }, "ordered"],
    [{ stored: "removed", wanted: true }, "ordered"],
    [{ wanted: true, zoneFailed: true }, "zone-failed"],
    // An order in flight is "ordering" whatever was chosen since: its outcome decides.
    [{ stored: "ordering", wanted: true }, "ordering"],
    [{ stored: "ordering", chosenOff: true }, "ordering"],
    [{ stored: "pending", wanted: true }, "activating"],
    [{ stored: "pending", chosenOff: true }, "switching-off"],
    [{ stored: "active", wanted: true }, "active"],
    [{ stored: "active", chosenOff: true }, "switching-off"],
    // A package changed to "off" (nobody chose) leaves a running service alone: it stays active.
    [{ stored: "active", included: false }, "active"],
    [{ stored: "pending", included: false }, "activating"],
    // The package's fixed plan outweighs an old "off" choice: nothing ends the service.
    [{ stored: "active", wanted: true, chosenOff: true }, "active"],
    [{ stored: "error", wanted: true }, "order-failed"],
    [{ stored: "error", wanted: true, retrying: true }, "ordered"],
    [{ stored: "error", chosenOff: true }, "off"],
    [{ stored: "cancel-failed", chosenOff: true }, "cancel-failed"],
    [{ stored: "cancel-failed", chosenOff: true, retrying: true }, "switching-off"],
    // No order is sent for a suspended or deleted domain: nothing runs, nothing is "ordered".
    [{ wanted: true, domainActive: false }, "off"],
    [{ stored: "removed", wanted: true, domainActive: false, included: false }, "not-included"],
    [{ stored: "error", wanted: true, domainActive: false }, "off"],
    [{ stored: "active", wanted: true, domainActive: false }, "active"],
    // A failed zone matters only while nothing was ordered.
    [{ stored: "active", wanted: true, zoneFailed: true }, "active"],
    // Lapsed under its offer: the package still wants it, yet nothing orders it until a person does.
    [{ stored: "removed", wanted: true, lapsed: true }, "lapsed"],
    [{ stored: "removed", lapsed: true }, "lapsed"],
    [{ stored: "removed", wanted: true, lapsed: true, domainActive: false }, "lapsed"],
    [{ stored: "removed", wanted: true, lapsed: true, zoneFailed: true }, "lapsed"],
    // A person ordered it again (a choice after the lapse): the order's job sends it.
    [{ stored: "removed", wanted: true, lapsed: true, retrying: true }, "ordered"],
    // Switched off again after the lapse: still lapsed, nothing to order.
    [{ stored: "removed", chosenOff: true, lapsed: true, retrying: true }, "lapsed"],
    [{ stored: "removed", lapsed: true, included: false }, "not-included"],
  ] as const)("%o → %s", (given, phase) => {
    expect(protectionPhase(facts(given))).toBe(phase);
  });

  it("reaches every state, and every stored state leads to one", () => {
    const seen = new Set<ProtectionPhase>();
    for (const stored of [undefined, ...STORED_PROTECTION_STATES])
      for (const included of [false, true])
        for (const wanted of [false, true])
          for (const chosenOff of [false, true])
            for (const domainActive of [false, true])
              for (const zoneFailed of [false, true])
                for (const retrying of [false, true])
                  for (const lapsed of [false, true])
                    seen.add(
                      protectionPhase({
                        stored,
                        included,
                        wanted,
                        chosenOff,
                        domainActive,
                        zoneFailed,
                        retrying,
                        lapsed,
                      }),
                    );
    expect([...seen].sort()).toEqual([...PROTECTION_PHASES].sort());
  });

  it("shows 'Active since' only while active", () => {
    expect(PROTECTION_PHASES.filter(showsActiveSince)).toEqual(["active"]);
  });
});

/** Every state × every action, for a customer whose package lets them switch protection on an active domain. */
const TABLE: Readonly<Record<ProtectionPhase, readonly ProtectionAction[]>> = {
  "not-included": [],
  off: ["order"],
  ordered: ["cancel"],
  ordering: [],
  activating: ["cancel"],
  active: ["purge", "cancel"],
  "switching-off": [],
  "order-failed": ["order", "cancel"],
  "zone-failed": ["cancel"],
  "cancel-failed": ["cancel"],
  lapsed: ["order"],
};

describe("the actions each state allows", () => {
  const customer = { switchable: true, domainActive: true, admin: false };
  const cells = PROTECTION_PHASES.flatMap((phase) =>
    PROTECTION_ACTIONS.map((action) => [phase, action, TABLE[phase].includes(action)] as const),
  );

  it.each(cells)("%s: %s → %s", (phase, action, allowed) => {
    expect(actionAllowed(action, phase, customer)).toBe(allowed);
  });

  it("lists the allowed actions in the page's order", () => {
    for (const phase of PROTECTION_PHASES) expect(allowedActions(phase, customer)).toEqual(TABLE[phase]);
  });

  it("never lets anyone switch while an order is in flight or a service is being switched off", () => {
    for (const phase of ["ordering", "switching-off"] as const)
      for (const admin of [false, true])
        expect(allowedActions(phase, { switchable: true, domainActive: true, admin })).toEqual([]);
  });

  it("offers no order or cancellation where the package does not let the customer choose; purge stays", () => {
    const fixed = { switchable: false, domainActive: true, admin: false };
    for (const phase of PROTECTION_PHASES)
      expect(allowedActions(phase, fixed)).toEqual(TABLE[phase].filter((action) => action === "purge"));
  });

  it("lets an admin retry a failed order or cancellation, or order a lapsed service, under a fixed package", () => {
    const admin = { switchable: false, domainActive: true, admin: true };
    const allowed = PROTECTION_PHASES.flatMap((phase) =>
      allowedActions(phase, admin)
        .filter((action) => action !== "purge")
        .map((action) => `${phase}:${action}`),
    );
    expect(allowed).toEqual(["order-failed:order", "cancel-failed:cancel", "lapsed:order"]);
  });

  it("orders or cancels nothing for a domain that is not active (suspended or deleted); purge stays", () => {
    for (const admin of [false, true]) {
      const inactive = { switchable: true, domainActive: false, admin };
      for (const phase of PROTECTION_PHASES)
        expect(allowedActions(phase, inactive)).toEqual(TABLE[phase].filter((action) => action === "purge"));
    }
  });
});
