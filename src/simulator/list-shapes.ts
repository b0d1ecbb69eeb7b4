/**
 * How lists are written into responses. Real WAPI answers sometimes carry a JSON array and sometimes an object
 * keyed by numeric strings (a PHP array whose keys are not 0..n-1), and the empty and single-item cases are
 * undocumented (docs/reference/wapi.md#list-shapes). The simulator can emit every form so clients meet all of them.
 */

export type ListShapeMode = "array" | "keyed" | "rotate";

type NonEmptyShape = "array" | "keyed" | "single";
type EmptyShape = "absent-data" | "absent-key" | "array" | "object";

/** Order of the rotation; `single` only applies to one-item lists. */
const NON_EMPTY_ROTATION: readonly NonEmptyShape[] = ["array", "keyed", "single"];
const EMPTY_ROTATION: readonly EmptyShape[] = ["absent-key", "array", "object", "absent-data"];

/** Chooses the encoding of each list in a response, per the configured mode. */
export class ListShaper {
  private nonEmptyTurn = 0;
  private emptyTurn = 0;

  constructor(private readonly mode: ListShapeMode) {}

  /**
   * The response `data` holding `items` under `key`, merged with `extra` fields; undefined when the chosen
   * empty form is "no data at all". In "rotate" mode each call takes the next form in turn, deterministically.
   */
  wrap(
    key: string,
    items: readonly object[],
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> | undefined {
    if (items.length === 0) {
      const shape = this.emptyShape();
      if (shape === "absent-data") return Object.keys(extra).length === 0 ? undefined : { ...extra };
      if (shape === "absent-key") return { ...extra };
      return { ...extra, [key]: shape === "array" ? [] : {} };
    }
    const shape = this.nonEmptyShape(items.length);
    if (shape === "array") return { ...extra, [key]: [...items] };
    if (shape === "single") return { ...extra, [key]: items[0] };
    return { ...extra, [key]: keyedObject(items) };
  }

  reset(): void {
    this.nonEmptyTurn = 0;
    this.emptyTurn = 0;
  }

  private emptyShape(): EmptyShape {
    if (this.mode === "array") return "array";
    if (this.mode === "keyed") return "object";
    const shape = EMPTY_ROTATION[this.emptyTurn % EMPTY_ROTATION.length] ?? "array";
    this.emptyTurn += 1;
    return shape;
  }

  private nonEmptyShape(length: number): NonEmptyShape {
    if (this.mode === "array") return "array";
    if (this.mode === "keyed") return "keyed";
    const rotation = length === 1 ? NON_EMPTY_ROTATION : NON_EMPTY_ROTATION.slice(0, 2);
    const shape = rotation[this.nonEmptyTurn % rotation.length] ?? "array";
    this.nonEmptyTurn += 1;
    return shape;
  }
}

/**
 * Items keyed by numeric strings that are neither 0..n-1 nor consecutive (like the captured "24", "11", "16"),
 * so a client that indexes the object as if it were an array fails visibly. JSON keeps integer-like keys in
 * ascending order, so ascending keys with gaps preserve the item order.
 */
function keyedObject(items: readonly object[]): Record<string, object> {
  const result: Record<string, object> = {};
  items.forEach((item, index) => {
    result[String(11 + index * 5 + (index % 3))] = item;
  });
  return result;
}
