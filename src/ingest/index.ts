/** Public API of the ingest layer (SPEC §3.1–3.2): find the sales table, clean it, report issues. */
export * from "./types";
export { findSalesTable, isReservedSheet } from "./findTable";
export { ingest, type IngestOptions } from "./ingest";
export { matchHeader, matchHeaderRank, normaliseHeader, headerSynonyms, fieldLabel, type HeaderMatch } from "./headers";
export {
  normaliseRepName,
  parseAmount,
  parseDate,
  parseYesNo,
  dateToSerial,
  serialToYmd,
  ymdToSerial,
  currencyOfFormat,
  isoOfSymbol,
  type AmountParse,
  type DateParse,
} from "./parse";
