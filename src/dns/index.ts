/**
 * The DNS record layer: one canonical record model, the BIND zone-file reader, BIND's presentation form, and
 * conversion to and from WEDOS rows. See README.md in this folder for the decisions (TXT carriage, hex case, errors,
 * unsupported types).
 */
export type {
  AData,
  AaaaData,
  CaaData,
  DnsRecord,
  DsData,
  GenericData,
  GenericType,
  ModelledType,
  MxData,
  RecordData,
  RecordDataByType,
  SoaData,
  SrvData,
  SshfpData,
  SvcbData,
  TargetData,
  TlsaData,
  TxtData,
} from "./record.js";
export { MAX_TTL, MODELLED_TYPES, isModelledType } from "./record.js";
export {
  DnsDataError,
  UnsupportedRecordError,
  ZoneFileError,
  describeProblem,
  describeProblems,
  PROBLEMS_LISTED,
  type ZoneFileProblem,
} from "./errors.js";
export { formatIpv6, parseIpv4, parseIpv6 } from "./addresses.js";
export {
  isAtOrBelow,
  nameFromAbsoluteText,
  nameFromRelativeText,
  nameFromText,
  presentationName,
  zoneNameFromText,
} from "./normalise.js";
export { parseZoneFile, parseZoneFileSteps, type ZoneFileOptions, type ZoneFileResult } from "./zone-file.js";
export { formatRdata, formatRecord } from "./presentation.js";
export { canonicalRdataKey, recordToWedosRow, wedosRowToRecord, type WedosRow } from "./wedos-row.js";
/** Building blocks for a panel's own record formats (DirectAdmin's dns_write_post reader is in panel/directadmin/). */
export { labelsOfName, nameFromLabels, parseNameLabels, type Labels } from "./normalise.js";
export { checkOwnerName, parseRdata } from "./rdata-text.js";
export { parseTtlText } from "./text-codec.js";
export { tokenizeValue, type Token } from "./tokenizer.js";
