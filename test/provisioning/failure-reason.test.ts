import { describe, expect, it } from "vitest";
import { AppError, withContext } from "../../src/errors.js";
import { failureReason } from "../../src/provisioning/failure-reason.js";
import { resultError } from "../../src/wapi/classify.js";
import { WapiPausedError, WapiTransportError } from "../../src/wapi/errors.js";

const NOW = Date.parse("2026-03-10T09:00:00Z");
const refusal = (code: number, result: string) => resultError("dns-domain-add", { code, result }, NOW);

describe("why a job failed, as a reason", () => {
  it("names WEDOS's answer by what it means, keeping the command, code and WEDOS's words as parameters", () => {
    const limit = failureReason(
      withContext("provision dave.test", refusal(2322, "Maximum number of DNS domains exceeded")),
    );
    expect(limit).toMatchObject({
      code: "wedos-zone-limit",
      params: { command: "dns-domain-add", wapiCode: 2322, result: "Maximum number of DNS domains exceeded" },
    });
    expect(limit.detail).toMatch(/^provision dave\.test: WAPI dns-domain-add: WEDOS refused the request \(code 2322/);
    expect(failureReason(refusal(2310, "Unable to add another record to the domain")).code).toBe("wedos-row-limit");
    expect(failureReason(refusal(2283, "Invalid amount or insufficient credit")).code).toBe("wedos-credit");
    expect(failureReason(refusal(2314, "Invalid record data")).code).toBe("wedos-refused");
    expect(failureReason(refusal(2006, "Requests limit exceeded")).code).toBe("wedos-hour-limit");
    expect(failureReason(refusal(2050, "Authentication failure")).code).toBe("sending-paused");
    expect(failureReason(refusal(4000, "Internal error")).code).toBe("wedos-failing");
    expect(failureReason(new WapiPausedError("ping", "wrong password", NOW)).code).toBe("sending-paused");
    expect(failureReason(new WapiTransportError("ping", "api.wedos.com", "ECONNRESET")).code).toBe("wedos-unreachable");
  });

  it("calls anything else this server's own failure, its message kept for the admin", () => {
    const missing = new AppError("zone_file_unreadable", "the panel has no zone file /var/named/x.test.db for x.test");
    expect(failureReason(missing)).toEqual({ code: "zone-file-missing", params: {}, detail: missing.message });
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/x/big.test.db'"), {
      code: "ENOENT",
    });
    expect(failureReason(enoent, `gave up after 3 attempts: ${enoent.message}`)).toEqual({
      code: "internal",
      params: {},
      detail: "gave up after 3 attempts: ENOENT: no such file or directory, open '/x/big.test.db'",
    });
  });
});
