import { describe, expect, it } from "vitest";
import { sendingFinishes, type SendingWindow } from "../../src/provisioning/estimate.js";

const at = (iso: string) => Date.parse(iso);
const caps = { interactive: 900, lifecycle: 1000, records: 800, background: 800 };

function window(overrides: Partial<SendingWindow> = {}): SendingWindow {
  return {
    now: at("2026-07-01T10:20:00Z"),
    budget: { used: 700, renewsAt: at("2026-07-01T11:00:00Z"), caps },
    lane: "background",
    notBefore: undefined,
    msPerRequest: 500,
    ...overrides,
  };
}

describe("sendingFinishes", () => {
  it("sends what this hour still allows the lane at once", () => {
    expect(sendingFinishes(100, window())).toBe(at("2026-07-01T10:20:50Z"));
  });

  it("waits for the next hours once the lane's cap is reached, each hour its cap", () => {
    // 100 now, 800 from 11:00, 800 from 12:00, the last 300 from 13:00.
    expect(sendingFinishes(2000, window())).toBe(at("2026-07-01T13:02:30Z"));
  });

  it("lets a more urgent lane use the reserves kept from background work", () => {
    expect(sendingFinishes(250, window({ lane: "lifecycle" }))).toBe(at("2026-07-01T10:22:05Z"));
    expect(sendingFinishes(250, window())).toBe(at("2026-07-01T11:01:15Z"));
  });

  it("starts after a pause that ends by itself, in that hour's budget", () => {
    expect(sendingFinishes(10, window({ notBefore: at("2026-07-01T11:15:00Z") }))).toBe(at("2026-07-01T11:15:05Z"));
  });

  it("never promises a time to a lane without a share of the hour", () => {
    expect(sendingFinishes(1, window({ budget: { used: 0, renewsAt: 0, caps: { ...caps, background: 0 } } }))).toBe(
      undefined,
    );
  });
});
