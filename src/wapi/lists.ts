/**
 * WAPI lists (`domain`, `row`, `service`, …) arrive in several shapes, because WEDOS serialises PHP arrays:
 * a JSON array, an object keyed by numeric strings, a single item object, or nothing at all when empty
 * (`[]`, `{}`, a missing key, a missing `data`). This turns every shape into an array.
 * docs/reference/wapi.md#list-shapes
 */
export function normaliseList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  if (Array.isArray(value)) return value;
  if (typeof value !== "object") return [value];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [];
  const isKeyedList = entries.every(
    ([key, item]) => /^[a-z]*\d+$/i.test(key) && typeof item === "object" && item !== null,
  );
  if (!isKeyedList) return [value];
  // Keys such as "24", "11" (or the KB's "row1") are PHP array keys: keep their numeric order, ignore their values.
  return entries
    .sort(([a], [b]) => Number(a.replace(/\D/g, "")) - Number(b.replace(/\D/g, "")))
    .map(([, item]) => item);
}
