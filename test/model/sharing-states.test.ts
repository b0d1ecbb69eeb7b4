import { describe, expect, it } from "vitest";
import {
  LINK_STATES,
  UNLINK_STATES,
  afterStep,
  mayMove,
  movableFrom,
  overlaps,
  stepsFor,
  type SharingMove,
} from "../../src/model/sharing-states.js";
import { readWedosAccount } from "../../src/model/wedos-account.js";

const MOVES: SharingMove[] = [
  "accept-invitation",
  "mark-step",
  "decline",
  "cancel",
  "withdraw-invitation",
  "expire",
  "revoke",
];

describe("the sharing state rules", () => {
  it("lets each role make exactly its own moves, from exactly their states", () => {
    const allowed = (kind: "link" | "unlink", role: "customer" | "operator") =>
      MOVES.flatMap((move) =>
        (kind === "link" ? LINK_STATES : UNLINK_STATES)
          .filter((state) => mayMove(move, kind, state, role))
          .map((state) => `${move}:${state}`),
      );
    expect(allowed("link", "customer")).toEqual(["accept-invitation:invited", "cancel:requested"]);
    expect(allowed("link", "operator")).toEqual([
      "mark-step:requested",
      "mark-step:in-progress",
      "decline:requested",
      "decline:in-progress",
      "cancel:requested",
      "withdraw-invitation:invited",
    ]);
    expect(allowed("unlink", "customer")).toEqual(["cancel:requested"]);
    expect(allowed("unlink", "operator")).toEqual(["mark-step:requested", "mark-step:in-progress", "cancel:requested"]);
    // Only the plugin expires invitations and revokes a link (when its unlink is done).
    expect(movableFrom("expire", "link")).toEqual(["invited"]);
    expect(movableFrom("revoke", "link")).toEqual(["linked"]);
    expect(LINK_STATES.some((state) => mayMove("expire", "link", state, "operator"))).toBe(false);
    expect(LINK_STATES.some((state) => mayMove("revoke", "link", state, "operator"))).toBe(false);
  });

  it("ends a linked, declined, cancelled, expired or revoked request: nobody moves it further", () => {
    for (const state of ["linked", "declined", "cancelled", "expired", "revoked"] as const)
      for (const role of ["customer", "operator"] as const)
        expect(MOVES.filter((move) => mayMove(move, "link", state, role))).toEqual([]);
  });

  it("lists the steps per service, and reaches linked or revoked only when every step is done", () => {
    expect(stepsFor("link", "protection")).toEqual(["protection-member-added"]);
    expect(stepsFor("link", "both")).toEqual(["protection-member-added", "zone-user-added", "zone-domains-assigned"]);
    expect(stepsFor("unlink", "both")).toEqual(["protection-member-removed", "zone-domains-unassigned"]);
    const steps = stepsFor("link", "zone");
    expect(afterStep("link", steps, ["zone-user-added"])).toBe("in-progress");
    expect(afterStep("link", steps, ["zone-domains-assigned", "zone-user-added"])).toBe("linked");
    expect(afterStep("unlink", stepsFor("unlink", "zone"), ["zone-domains-unassigned"])).toBe("revoked");
    expect([overlaps("both", "zone"), overlaps("zone", "protection"), overlaps("protection", "protection")]).toEqual([
      true,
      false,
      true,
    ]);
  });
});

describe("the customer's WEDOS account", () => {
  it("takes a customer ID of 4–10 digits (spaces allowed) and a plain e-mail, tidied", () => {
    expect(readWedosAccount(" 123 456 ", " Jana.Novak+wedos@Example.CZ ")).toEqual({
      account: { customerId: "123456", email: "Jana.Novak+wedos@example.cz" },
      problems: [],
    });
  });

  it("says what is wrong with each field", () => {
    expect(readWedosAccount("", undefined).problems).toEqual(["customerIdMissing", "emailMissing"]);
    for (const id of ["123", "12345678901", "WD-12345", "12a45", "١٢٣٤٥"])
      expect(readWedosAccount(id, "a@b.cz").problems).toEqual(["customerIdFormat"]);
    for (const email of [
      "jana",
      "jana@",
      "@b.cz",
      "jana@b",
      "ja na@b.cz",
      ".jana@b.cz",
      "jana.@b.cz",
      "j..a@b.cz",
      "jana@-b.cz",
      '"x"@b.cz',
      "jana@b.cz<script>",
      `${"x".repeat(65)}@b.cz`,
      `a@${"b".repeat(250)}.cz`,
    ])
      expect(readWedosAccount("12345", email).problems, email).toEqual(["emailFormat"]);
  });
});
