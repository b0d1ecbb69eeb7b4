import { DnsDataError } from "./errors.js";
import type { FieldCodec } from "./foreign-fields.js";
import type { Fields } from "./rdata-fields.js";

/**
 * The LOC record (RFC 1876) as BIND reads and prints it: `d [m [s]] N|S d [m [s]] E|W alt[m] [size[m] [hp[m]
 * [vp[m]]]]`, size 1 m, horizontal precision 10,000 m and vertical precision 10 m when left out. Angles are held
 * as thousandths of an arc second from 2^31, the altitude in centimetres from 100,000 m below the reference.
 */

const EQUATOR = 2 ** 31;
const ALTITUDE_BASE = 10_000_000;
const DEFAULTS = [100, 1_000_000, 1_000] as const;

function angle(fields: Fields, hemispheres: string, max: number): number {
  const degrees = number(fields.word("degrees"), "degrees", /^\d+$/);
  let minutes = 0;
  let seconds = 0;
  let next = fields.word("a hemisphere");
  if (/^\d+$/.test(next)) {
    minutes = number(next, "minutes", /^\d+$/);
    next = fields.word("a hemisphere");
    if (/^\d/.test(next)) {
      seconds = Math.round(number(next, "seconds", /^\d+(?:\.\d{1,3})?$/) * 1000);
      next = fields.word("a hemisphere");
    }
  }
  const hemisphere = next.toUpperCase();
  if (hemisphere.length !== 1 || !hemispheres.includes(hemisphere))
    throw new DnsDataError(`LOC needs ${hemispheres.split("").join(" or ")} here, not '${next}'`);
  if (degrees > max || minutes > 59 || seconds > 59_999)
    throw new DnsDataError(`LOC position ${degrees} ${minutes} ${seconds / 1000} is out of range`);
  const value = ((degrees * 60 + minutes) * 60_000 + seconds) * (hemisphere === hemispheres[1] ? -1 : 1);
  return EQUATOR + value;
}

function number(text: string, what: string, form: RegExp): number {
  if (!form.test(text)) throw new DnsDataError(`LOC ${what} '${text}' is not a valid number`);
  return Number(text);
}

/** Metres with up to two decimals and an optional `m`, as centimetres. */
function centimetres(text: string, what: string, signed: boolean): number {
  const match = (signed ? /^(-?)(\d+)(?:\.(\d{1,2}))?m?$/ : /^()(\d+)(?:\.(\d{1,2}))?m?$/).exec(text);
  if (match === null) throw new DnsDataError(`LOC ${what} '${text}' is not metres (e.g. 10m or 2.50m)`);
  const value = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  return match[1] === "-" ? -value : value;
}

/** A size or precision as RFC 1876's mantissa/exponent byte (mantissa × 10^exponent centimetres). */
function precisionByte(cm: number, what: string): number {
  let exponent = 0;
  while (cm >= 10 * 10 ** exponent && exponent < 9) exponent += 1;
  const mantissa = Math.floor(cm / 10 ** exponent);
  if (mantissa > 9) throw new DnsDataError(`LOC ${what} is too large`);
  return (mantissa << 4) | exponent;
}

function precisionText(byte: number): string {
  const cm = (byte >> 4) * 10 ** (byte & 0x0f);
  return cm >= 100 && cm % 100 === 0 ? `${cm / 100}m` : `${Math.floor(cm / 100)}.${String(cm % 100).padStart(2, "0")}m`;
}

function angleText(value: number, hemispheres: string): string {
  const offset = value - EQUATOR;
  const abs = Math.abs(offset);
  const seconds = abs % 60_000;
  const minutes = Math.floor(abs / 60_000) % 60;
  const degrees = Math.floor(abs / 3_600_000);
  return `${degrees} ${minutes} ${Math.floor(seconds / 1000)}.${String(seconds % 1000).padStart(3, "0")} ${hemispheres[offset < 0 ? 1 : 0]}`;
}

const u32 = (value: number) =>
  String.fromCharCode((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);

export const LOC_FIELD: FieldCodec = {
  fromText: (fields) => {
    const latitude = angle(fields, "NS", 90);
    const longitude = angle(fields, "EW", 180);
    const altitude = centimetres(fields.word("an altitude"), "altitude", true) + ALTITUDE_BASE;
    if (altitude < 0 || altitude > 0xffff_ffff)
      throw new DnsDataError("LOC altitude is out of range (-100000.00m to 42849672.95m)");
    const sizes = DEFAULTS.map((fallback, index) => {
      const what = ["size", "horizontal precision", "vertical precision"][index] as string;
      return precisionByte(fields.done ? fallback : centimetres(fields.word(what), what, false), what);
    });
    return { wire: String.fromCharCode(0, ...sizes) + u32(latitude) + u32(longitude) + u32(altitude) };
  },
  toText: (reader) => {
    if (reader.u8() !== 0) throw new DnsDataError("LOC wire data has a version other than 0");
    const [size, horizontal, vertical] = [reader.u8(), reader.u8(), reader.u8()];
    const [latitude, longitude, altitude] = [reader.u32(), reader.u32(), reader.u32() - ALTITUDE_BASE];
    const metres = `${altitude < 0 ? "-" : ""}${Math.floor(Math.abs(altitude) / 100)}.${String(Math.abs(altitude) % 100).padStart(2, "0")}m`;
    return {
      text: [
        angleText(latitude, "NS"),
        angleText(longitude, "EW"),
        metres,
        precisionText(size),
        precisionText(horizontal),
        precisionText(vertical),
      ].join(" "),
    };
  },
};
