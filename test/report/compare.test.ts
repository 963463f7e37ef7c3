// The two name orders (src/report/compare.ts): listing order (pinyin for Chinese) and the tie rule's code points.
import { compareCodePoints, compareNames } from "../../src/report/compare";

describe("compareNames: the order names are listed in", () => {
  it("puts Chinese names in pinyin order, not character-code order", () => {
    const names = ["周杰", "刘洋", "赵敏", "吴婷", "张伟", "王芳", "陈静", "李娜"];
    expect([...names].sort(compareNames)).toEqual(["陈静", "李娜", "刘洋", "王芳", "吴婷", "张伟", "赵敏", "周杰"]);
    // By character code 张 (U+5F20) comes before 王 (U+738B): the order this replaces.
    expect([...names].sort(compareCodePoints)).toEqual([
      "刘洋",
      "吴婷",
      "周杰",
      "张伟",
      "李娜",
      "王芳",
      "赵敏",
      "陈静",
    ]);
  });

  it("puts Latin names alphabetically, ignoring case, with numbers in number order", () => {
    expect(["bob", "Alice", "Carol", "Rep 10", "Rep 2"].sort(compareNames)).toEqual([
      "Alice",
      "bob",
      "Carol",
      "Rep 2",
      "Rep 10",
    ]);
  });

  it("is a total order: names the collation holds equal fall back to code points", () => {
    expect(compareNames("ANNA", "anna")).toBe(-compareNames("anna", "ANNA"));
    expect(compareNames("ANNA", "anna")).not.toBe(0);
    expect(compareNames("赵敏", "赵敏")).toBe(0);
  });
});
