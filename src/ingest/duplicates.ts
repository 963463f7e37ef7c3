/**
 * Identical duplicate sales rows (docs/reference/cleaning.md): kept and listed, naming the first copy. Open
 * addressing on a hash of date, amount and rep spelling; a hash hit is confirmed cell by cell across the block.
 */
import type { RawCell, SalesRow } from "./types";

/** A well-mixed int32 hash (murmur3 finaliser) of a row's date, amount and rep spelling. */
function mix(dateSerial: number, amount: number, repId: number): number {
  let h = Math.imul(dateSerial, 0x9e3779b1) ^ Math.imul(amount | 0, 0x85ebca77) ^ Math.imul(repId, 0xc2b2ae3d);
  h ^= Math.imul(((amount * 1000) % 1000) | 0, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function sameCell(a: RawCell | undefined, b: RawCell | undefined): boolean {
  if (a === b) return true;
  const an = a === undefined || a === null || a === "";
  const bn = b === undefined || b === null || b === "";
  if (an || bn) return an && bn;
  if (typeof a === "object" && typeof b === "object") return a!.error === b!.error;
  return false;
}

function sameRow(a: RawCell[], b: RawCell[], lo: number, hi: number): boolean {
  for (let c = lo; c <= hi; c++) if (!sameCell(a[c], b[c])) return false;
  return true;
}

export class DuplicateRows {
  /** Pairs (1 + index into the used rows, full hash), 0 = empty: one cache line per probe, and a row object is
   * only touched when the full hash matches. At most half full. */
  private readonly table: Int32Array;
  private readonly mask: number;

  /**
   * @param capacity most rows that will be added
   * @param values the sheet's cells; `firstRow` its first sheet row; `lo`..`hi` the block's columns
   */
  constructor(
    capacity: number,
    private readonly values: RawCell[][],
    private readonly firstRow: number,
    private readonly lo: number,
    private readonly hi: number,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /**
   * The sheet row of an earlier used row identical to this one, or -1 after remembering this one as
   * `rows[index]` (the caller stores it there next).
   */
  firstCopyOf(
    rows: readonly SalesRow[],
    index: number,
    cells: RawCell[],
    dateSerial: number,
    amount: number,
    rep: string,
    repId: number,
  ): number {
    const table = this.table;
    const h = mix(dateSerial, amount, repId);
    let slot = h & this.mask;
    for (;;) {
      const k = table[slot << 1];
      if (k === 0) {
        table[slot << 1] = index + 1;
        table[(slot << 1) | 1] = h;
        return -1;
      }
      const other = table[(slot << 1) | 1] === h ? rows[k - 1] : undefined;
      if (
        other !== undefined &&
        other.dateSerial === dateSerial &&
        other.amount === amount &&
        other.rep === rep &&
        sameRow(this.values[other.sheetRow - this.firstRow], cells, this.lo, this.hi)
      ) {
        return other.sheetRow;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}
