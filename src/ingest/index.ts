/** Public API of the ingest layer (docs/reference/input.md, cleaning.md): find the sales table, clean it, report issues. */
export * from "./types";
export { findSalesTable, isReservedSheet } from "./findTable";
export { ingest, type IngestOptions } from "./ingest";
export { matchHeader, matchHeaderRank, normaliseHeader, headerSynonyms, fieldLabel, type HeaderMatch } from "./headers";
export {
  normaliseRepName,
  parseAmount,
  parseDate,
  parseYesNo,
  currencyOfFormat,
  isoOfSymbol,
  type AmountParse,
  type DateParse,
} from "./parse";
export { usualDates, usualDatesAndSpan, USUAL_GAP_MONTHS, type DatesAndSpan, type UsualDates } from "./usualDates";
