/** "2026-03-10 09:00 UTC": a moment to the minute, the same for every reader whatever their machine's zone. */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
