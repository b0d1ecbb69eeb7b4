import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { openDatabase } from "../../src/store/database.js";
import { WapiCircuitStore } from "../../src/store/wapi-circuit-store.js";
import { WapiCircuit } from "../../src/wapi/circuit.js";
import { resultError } from "../../src/wapi/classify.js";
import { WapiPausedError } from "../../src/wapi/errors.js";
import { tempDir } from "../support/temp-dir.js";

const START = "2026-03-10T13:20:00Z"; // 14:20 Prague
const HOUR = 3_600_000;

function setup() {
  const file = join(tempDir(), "db.sqlite");
  const clock = new ManualClock(START);
  const circuitFor = (fingerprint = "config-a") =>
    new WapiCircuit(new WapiCircuitStore(openDatabase(file)), clock, fingerprint);
  return { clock, circuitFor };
}

const credentialsError = (now: number) => resultError("ping", { code: 2050, result: "Authentication failure" }, now);

describe("WapiCircuit", () => {
  it("pauses every process after a stop answer and says why and until when", () => {
    const { clock, circuitFor } = setup();
    circuitFor().openForStop(credentialsError(clock.now()));
    const other = circuitFor();
    const error = (() => {
      try {
        other.beforeSend("dns-rows-list");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(WapiPausedError);
    expect((error as WapiPausedError).message).toBe(
      'WAPI dns-rows-list not sent: requests to WEDOS are paused — WEDOS rejected the credentials (code 2050 "Authentication failure"); check wapi.login and the WAPI password (set in the WEDOS customer administration under WAPI, not the login password) and that this server\'s clock is correct, since the auth hash uses the current Prague hour; requests stay paused until the configuration changes or the cool-down passes (paused since 14:20; one test request will be tried after 15:20 Prague time; after fixing the cause run "wedos-panel wapi-resume" to resume now)',
    );
  });

  it("lets exactly one probe through after the cool-down, and doubles the cool-down when it fails again", () => {
    const { clock, circuitFor } = setup();
    const a = circuitFor();
    const b = circuitFor();
    a.openForStop(credentialsError(clock.now()));
    clock.advance(HOUR);
    expect(() => a.beforeSend("ping")).not.toThrow();
    expect(() => b.beforeSend("ping")).toThrow(WapiPausedError);
    a.openForStop(credentialsError(clock.now()));
    expect(a.status()).toMatchObject({ strikes: 2, retryAt: clock.now() + 2 * HOUR });
  });

  it("closes when the configuration changes, since the admin fixed the credentials", () => {
    const { clock, circuitFor } = setup();
    circuitFor("old-password").openForStop(credentialsError(clock.now()));
    expect(() => circuitFor("new-password").beforeSend("ping")).not.toThrow();
    expect(circuitFor().status()).toBeUndefined();
  });

  it("ends a credentials pause in a running process once its settings change, for the worker's check too", () => {
    const { clock } = setup();
    let fingerprint = "old-password";
    const circuit = new WapiCircuit(
      new WapiCircuitStore(openDatabase(join(tempDir(), "db.sqlite"))),
      clock,
      () => fingerprint,
    );
    circuit.openForStop(credentialsError(clock.now()));
    expect(circuit.status()?.reason).toBe("credentials");
    fingerprint = "new-password";
    expect(circuit.status()).toBeUndefined();
    expect(() => circuit.beforeSend("ping")).not.toThrow();
  });

  it("lets an admin's Test connection through a pause for wrong credentials, never through an IP block", () => {
    const { clock, circuitFor } = setup();
    const circuit = circuitFor();
    circuit.openForStop(credentialsError(clock.now()));
    expect(() => circuit.beforeSend("ping")).toThrow(WapiPausedError);
    expect(() => circuit.beforeSend("ping", true)).not.toThrow();
    circuit.openForStop(resultError("ping", { code: 2052, result: "IP blocked" }, clock.now()));
    expect(() => circuit.beforeSend("ping", true)).toThrow(WapiPausedError);
  });

  it("does not close an IP block on a configuration change", () => {
    const { clock, circuitFor } = setup();
    circuitFor("a").openForStop(resultError("ping", { code: 2052, result: "IP blocked" }, clock.now()));
    expect(() => circuitFor("b").beforeSend("ping")).toThrow(WapiPausedError);
  });

  it("resumes by itself after a time-bound pause (2006)", () => {
    const { clock, circuitFor } = setup();
    const circuit = circuitFor();
    circuit.openUntil(
      "rate-limited",
      "WEDOS's limit of requests per hour is used up (code 2006)",
      Date.parse("2026-03-10T14:00:00Z"),
      2006,
    );
    expect(() => circuit.beforeSend("ping")).toThrow("sending resumes at 15:00 Prague time");
    clock.set("2026-03-10T14:00:00Z");
    expect(() => circuit.beforeSend("ping")).not.toThrow();
    expect(circuit.status()).toBeUndefined();
  });

  it("ends early only what a fix ends: an admin's word any pause but a time-bound one, new settings only theirs", () => {
    const { clock, circuitFor } = setup();
    const planned = clock.now() + HOUR;
    circuitFor("a").openUntil("rate-limited", "WEDOS's limit of requests per hour is used up", planned, 2006);
    expect(circuitFor("a").endFixedPause("admin")).toBeUndefined();
    expect(circuitFor("a").status()?.reason).toBe("rate-limited");
    circuitFor("a").openForStop(resultError("ping", { code: 2052, result: "IP blocked" }, clock.now()));
    expect(circuitFor("b").endFixedPause("new-settings")).toBeUndefined();
    expect(circuitFor("a").endFixedPause("admin")).toBe(planned);
    circuitFor("a").openForStop(credentialsError(clock.now()));
    expect(circuitFor("a").endFixedPause("new-settings")).toBeUndefined();
    expect(circuitFor("b").endFixedPause("new-settings")).toBe(planned);
    expect(circuitFor("a").status()).toBeUndefined();
  });

  it("is closed by a success and by an admin reset", () => {
    const { clock, circuitFor } = setup();
    const circuit = circuitFor();
    circuit.openForStop(credentialsError(clock.now()));
    expect(circuit.endFixedPause("admin")).toBe(clock.now() + HOUR);
    expect(circuit.status()).toBeUndefined();
    circuit.openForStop(credentialsError(clock.now()));
    circuit.onSuccess();
    expect(circuit.status()).toBeUndefined();
  });
});
