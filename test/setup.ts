import { afterEach, beforeEach, vi } from "vitest";

// A console error or warning during a test is a bug to fix, not noise to ignore: it fails the test.
let spies: Array<ReturnType<typeof vi.spyOn>> = [];

beforeEach(() => {
  spies = [vi.spyOn(console, "error"), vi.spyOn(console, "warn")];
});

afterEach(() => {
  const calls = spies.flatMap((spy) => spy.mock.calls);
  for (const spy of spies) spy.mockRestore();
  if (calls.length > 0) {
    throw new Error(
      `console.error/warn was called during the test:\n${calls.map((c) => c.map(String).join(" ")).join("\n")}`,
    );
  }
});
