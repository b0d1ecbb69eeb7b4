/** The emulated panels' own DNS records and zone files (shared by the emulated DirectAdmin and cPanel). */
export {
  absolute,
  fieldsOf,
  formatRdata,
  formatRecord,
  numberField,
  quote,
  sameRecord,
  textField,
  ZoneRecordError,
  type ZoneRecord,
} from "./record.js";
export { DEFAULT_TTL, formatZoneText, parseZoneText } from "./zone-text.js";
