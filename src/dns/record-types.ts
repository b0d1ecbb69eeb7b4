import { isModelledType, type ForeignType, type ModelledType } from "./record.js";
import { typeCodeOfName, typeNameOfCode } from "./type-names.js";

/**
 * What a type token in a zone file stands for. BIND prints a type it knows by its mnemonic, so `TYPE1 \# 4 0A000001`
 * is an A record. We model the types in record.ts; a type BIND knows that we do not model is "foreign" and carried
 * as RFC 3597 data under its mnemonic; a type BIND does not know is carried as RFC 3597 generic data (`TYPEnnn`).
 */
export type TypeLookup =
  | { kind: "modelled"; type: ModelledType }
  | { kind: "generic"; type: `TYPE${number}`; code: number }
  | { kind: "foreign"; type: ForeignType; code: number }
  | { kind: "meta"; type: string }
  | { kind: "obsolete"; type: string }
  | { kind: "unknown" };

/**
 * Resolves a type token (`mx`, `TYPE15`, `TYPE65280`) case-insensitively. Meta types (OPT, 128–255: AXFR, ANY…)
 * cannot appear in zone data.
 */
export function lookupType(token: string): TypeLookup {
  const code = typeCodeOfName(token);
  if (code === undefined || code === 0) return { kind: "unknown" };
  const name = typeNameOfCode(code);
  if (code === 41 || (code >= 128 && code <= 255)) return { kind: "meta", type: name ?? `TYPE${code}` };
  if (name === undefined) return { kind: "generic", type: `TYPE${code}`, code };
  // BIND refuses MD and MF in zone data, in any form (RFC 973 replaced them with MX).
  if (name === "MD" || name === "MF") return { kind: "obsolete", type: name };
  if (isModelledType(name)) return { kind: "modelled", type: name };
  return { kind: "foreign", type: name as ForeignType, code };
}
