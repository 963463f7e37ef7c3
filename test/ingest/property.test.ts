// Property (docs/reference/cleaning.md): on random messy sheets, rows read = used + excluded, and the
// amounts reconcile exactly — checked against an independent decimal.js sum of every amount.
import Decimal from "decimal.js";
import { ingest, parseAmount } from "../../src/ingest";
import type { IngestResult, RawCell } from "../../src/ingest";

const Dec = Decimal.clone({ precision: 60 });

/** mulberry32: small, seeded, reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function messyRow(r: () => number): RawCell[] {
  const rep = pick(r, ["Ann", " Ann ", "Bob", "Ｂｏｂ", "", null, { error: "#N/A" }, "Cai  Li", "Cai Li"]);
  const date = pick<RawCell>(r, [
    46092,
    46100.5,
    "2026-03-11",
    "2026/3/1",
    "2026年3月2日",
    "2026-04",
    "soon",
    null,
    "3/11/2026",
  ]);
  const amounts: (() => RawCell)[] = [
    () => Math.round(r() * 1e6) / 100,
    () => Math.round(r() * 1e5),
    () => -Math.round(r() * 1e4),
    () => r() * 1e4, // many decimals: the decimal.js path of the sum
    () => Math.round(r() * 1e12) + 0.25, // huge: beyond the scaled-integer limit
    () => `$${(Math.round(r() * 1e6) / 100).toLocaleString("en-US")}`,
    () => `${(Math.round(r() * 1000) / 100).toFixed(2)}万`,
    () => `(${Math.round(r() * 1000)})`,
    () => `${Math.round(r() * 1000) / 10}%`,
    () => "n/a",
    () => null,
    () => ({ error: "#DIV/0!" }),
    () => 0.1,
    () => 0.2,
  ];
  const amount = pick(r, amounts)();
  const sat = pick<RawCell>(r, [0.9, "85%", 1, null, "good", 0.75]);
  const isNew = pick<RawCell>(r, ["Yes", "no", "是", "maybe", null, 1]);
  return [rep, date, amount, pick(r, ["C1", "C2"]), isNew, sat];
}

describe("reconciliation property", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %d: read = used + excluded, amounts exact", (seed) => {
    const r = rng(seed);
    const values: RawCell[][] = [["Rep", "Date", "Amount", "Customer", "New", "CSAT"]];
    const n = 500 + Math.floor(r() * 1500);
    for (let i = 0; i < n; i++) {
      values.push(r() < 0.03 ? [] : messyRow(r));
      if (r() < 0.01) values.push(values[values.length - 1]); // identical duplicates
    }
    const res = ingest([{ name: "S", values }]) as IngestResult;
    const rec = res.reconciliation;
    expect(rec.rowsRead).toBe(rec.rowsUsed + rec.rowsExcluded);
    expect(rec.rowsUsed).toBe(res.rows.length);
    // Nothing vanishes: rows not read are listed as ignored runs after the block's end.
    const ignored = res.issues.filter((i) => i.reasonKey === "rowsAfterBlankIgnored");
    const cut = ignored.length > 0 ? (ignored[0].row as number) : values.length + 1;
    const nonBlank = values.slice(1).filter((v) => v.length > 0).length;
    expect(rec.rowsRead + ignored.reduce((s, i) => s + Number(i.params?.count), 0)).toBe(nonBlank);

    // Independent sums: every readable amount of the rows read, and the amounts of the rows used.
    let read = new Dec(0);
    for (const v of values.slice(1, cut - 1)) {
      if (v.length === 0) continue;
      const p = parseAmount(v[2]);
      if (p.ok) read = read.plus(new Dec(String(p.value)));
    }
    const used = res.rows.reduce((s, x) => s.plus(new Dec(String(x.amount))), new Dec(0));
    expect(rec.amountRead).toBe(read.toFixed());
    expect(rec.amountUsed).toBe(used.toFixed());
    expect(new Dec(rec.amountUsed).plus(rec.amountExcluded).toFixed()).toBe(rec.amountRead);

    // Each excluded row is listed at least once as "excluded"; no used row is.
    const excludedRows = new Set(res.issues.filter((i) => i.action === "excluded").map((i) => i.row));
    expect(excludedRows.size).toBe(rec.rowsExcluded);
    for (const row of res.rows) expect(excludedRows.has(row.sheetRow)).toBe(false);
  });
});
