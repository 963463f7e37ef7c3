/** Per-rep aggregation (docs/reference/plan.md aggregates; docs/reference/numbers.md exact sums). */
import { Accumulator, aggregateByRep, ExactSum, isTrueValue, sumByRepAndPeriod } from "../../src/engine/aggregate";

describe("ExactSum reads doubles through their shortest decimal (docs/reference/numbers.md)", () => {
  it.each([
    [[0.1, 0.2], "0.3"],
    [[0.1, 0.2, -0.3], "0"],
    [[1234567.89, 0.01, -0.9], "1234567"],
    [[1e-7, 2e-7], "3e-7"],
    [[0.123456789, 1], "1.123456789"],
    [[9007199254740991, 1], "9007199254740992"],
    [[1e20, 1, -1e20], "1"],
  ])("%j sums to %s", (values, expected) => {
    const s = new ExactSum();
    for (const v of values) s.add(v);
    expect(s.value().toString()).toBe(expected);
  });

  it("keeps exact past the safe-integer range of the scaled fast path", () => {
    const s = new ExactSum();
    for (let i = 0; i < 2000; i++) s.add(99999999999.99);
    expect(s.value().toString()).toBe("199999999999980");
    const t = new ExactSum();
    for (let i = 0; i < 1000; i++) t.add(9e10);
    expect(t.value().toString()).toBe("90000000000000");
  });
});

describe("Accumulator", () => {
  it.each([
    ["sum", [1.5, null, 2, "x", 0.25], "3.75"],
    ["average", [1, null, 2, 4], "2.333333333333333333333333333333333333333"],
    ["count", [1, null, "", "a", false], "3"],
    ["count_unique", ["A", " A", "B", null, "b"], "3"],
    ["count_true", [true, false, "yes", "是", 1, "no", null, "Y"], "5"],
  ] as const)("%s of %j is %s", (kind, values, expected) => {
    const a = new Accumulator(kind);
    for (const v of values) a.add(v);
    expect(a.result()!.toString()).toBe(expected);
  });

  it("an average over no values has no result", () => {
    expect(new Accumulator("average").result()).toBeNull();
  });

  it.each([
    [true, true],
    ["TRUE", true],
    ["n", false],
    [0, false],
    ["maybe", false],
  ])("isTrueValue(%j) = %s", (v, expected) => {
    expect(isTrueValue(v)).toBe(expected);
  });
});

describe("aggregateByRep", () => {
  const rows = [
    { rep: "A", dateSerial: 10, amount: 1, team: "East" },
    { rep: "A", dateSerial: 12, amount: 2, team: "West" },
    { rep: "B", dateSerial: 11, amount: 5, team: null },
    { rep: "A", dateSerial: 20, amount: 7, team: "North" },
  ];
  it("sums per rep within each range in one pass, team of the latest row", () => {
    const [now, later] = aggregateByRep(
      rows,
      [
        { aggregate: "sum", read: (r) => r.amount },
        { aggregate: "count", read: (r) => r.amount },
      ],
      [
        { startSerial: 10, endSerial: 15 },
        { startSerial: 16, endSerial: 30 },
      ],
      (r) => r.team,
    );
    expect(
      [...now.entries()].map(([rep, a]) => [rep, a.rows, a.team, a.cells.map((c) => c.result()!.toString())]),
    ).toEqual([
      ["A", 2, "West", ["3", "2"]],
      ["B", 1, null, ["5", "1"]],
    ]);
    expect(later.get("A")!.cells[0].result()!.toString()).toBe("7");
    expect(later.has("B")).toBe(false);
  });

  it("sums per rep and period key", () => {
    const m = sumByRepAndPeriod(
      rows,
      (r) => r.amount,
      (s) => (s < 15 ? "P1" : "P2"),
    );
    expect(m.get("A")!.get("P1")!.toString()).toBe("3");
    expect(m.get("A")!.get("P2")!.toString()).toBe("7");
    expect([...m.get("B")!.keys()]).toEqual(["P1"]);
  });
});
