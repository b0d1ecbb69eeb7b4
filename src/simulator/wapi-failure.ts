/**
 * A command ending in a WAPI error code. Thrown inside command handlers and caught once by the dispatcher,
 * which turns it into an HTTP 200 answer with that code. `detail` is for the simulator's request log only:
 * the answer carries WEDOS's fixed text for the code.
 */
export class WapiFailure extends Error {
  constructor(
    readonly code: number,
    readonly detail: string,
  ) {
    super(`WAPI ${code}: ${detail}`);
    this.name = "WapiFailure";
  }
}
