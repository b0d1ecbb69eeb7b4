import { describe, expect, it } from "vitest";
import { applyResult, describeSent } from "../../src/sync/apply-result.js";

const said = (...sent: string[]) =>
  describeSent(applyResult(sent, sent.includes("dns-domain-commit"), true, undefined));

describe("what an apply says it sent", () => {
  it("counts each kind of request as sent, in the singular or plural", () => {
    expect(said("dns-row-add", "dns-domain-commit")).toBe("Sent 1 row change and one commit");
    expect(said("dns-domain-add", "dns-row-add", "dns-row-add", "dns-domain-commit")).toBe(
      "Sent the zone's creation, 2 row changes and one commit",
    );
    expect(said("dns-row-delete", "dns-row-add", "dns-rows-list", "dns-domain-commit")).toBe(
      "Sent 2 row changes, one commit and a listing to confirm answers that said a change was already made",
    );
    expect(said("dns-domain-commit")).toBe("Sent one commit");
    expect(said("dns-domain-axfr-run")).toBe("Sent a transfer request");
  });

  it("counts reads apart from writes", () => {
    expect(applyResult(["dns-row-add", "dns-rows-list", "dns-domain-commit"], true, true, undefined).writes).toBe(2);
  });
});
