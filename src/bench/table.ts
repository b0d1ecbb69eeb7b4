/** Prints benchmark rows as an aligned text table. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** Runs `task` `iterations` times and returns operations per second and the median duration in µs. */
export async function measure(
  iterations: number,
  task: (i: number) => unknown,
): Promise<{ perSecond: number; medianMicros: number }> {
  const durations: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await task(i);
    durations.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  durations.sort((a, b) => a - b);
  return {
    perSecond: (iterations / total) * 1000,
    medianMicros: (durations[Math.floor(durations.length / 2)] ?? 0) * 1000,
  };
}
