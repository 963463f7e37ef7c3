/** The comparison rule of the LibreOffice check: 1e-9 relative for numbers, exact for text, errors never equal. */
import { sameValue } from "./compareFormulas";

describe("sameValue", () => {
  it.each([
    [1.0181818181818181, 1.01818181818182, true], // LibreOffice saves 15 significant digits
    [0.1 + 0.2, 0.3, true],
    [1, 1.00001, false],
    [4604.57, 4604.57, true],
    [0, 1e-12, true],
    ["Top", "Top", true],
    ["Top", "Coaching", false],
    ["", null, true], // a formula returning "" reads back as blank
    [null, { error: "#N/A" }, false],
    [5, "5", false],
  ] as const)("%p vs %p → %p", (a, b, expected) => {
    expect(sameValue(a as never, b as never)).toBe(expected);
  });
});
