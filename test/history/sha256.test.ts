import { createHash } from "crypto";
import { sha256Hex } from "../../src/history/sha256";
import { canonicalJson, planFingerprint } from "../../src/history/fingerprint";
import { defaultPlan } from "../../src/plan";

describe("sha256Hex", () => {
  it("gives the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("agrees with Node's crypto on lengths around the block edges and on CJK text", () => {
    const texts = ["王小明", "历史记录 2025-Q4", "€¥£", "😀", "é\u0301", "lone \ud800 surrogate"];
    for (let n = 50; n <= 130; n++) texts.push("x".repeat(n));
    for (const s of texts) expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
  });
});

describe("planFingerprint", () => {
  it("is the same for the same rules whatever the key order or scored period", () => {
    const plan = defaultPlan("en");
    const reversed = Object.fromEntries(Object.entries({ ...plan, scoredPeriod: "2026-Q1" }).reverse());
    const shuffled = JSON.parse(JSON.stringify(reversed));
    expect(planFingerprint(shuffled)).toBe(planFingerprint(plan));
    expect(planFingerprint(plan)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when a rule changes", () => {
    const plan = defaultPlan("en");
    const other = { ...plan, bonus: { ...plan.bonus, targetBonus: plan.bonus.targetBonus + 1 } };
    expect(planFingerprint(other)).not.toBe(planFingerprint(plan));
  });

  it("writes keys in code-point order and leaves undefined members out", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: "x" }] })).toBe('{"a":[1,{"c":"x"}],"b":1}');
  });
});
