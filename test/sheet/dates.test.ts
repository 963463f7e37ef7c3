/** Excel date serials and the 1900 leap-year rule (docs/reference/sheet.md "Dates"). */
import {
  dateToSerial,
  FIRST_EXACT_SERIAL,
  isDateSerial,
  isoDateOfSerial,
  MAX_DATE_SERIAL,
  PHANTOM_LEAP_DAY_SERIAL,
  serialFromDayCountDate,
  serialOfDay,
  serialToYmd,
  ymdToSerial,
} from "../../src/sheet";

describe("serials as Excel numbers them", () => {
  it.each([
    [1, 1900, 1, 1],
    [31, 1900, 1, 31],
    [59, 1900, 2, 28],
    [61, 1900, 3, 1],
    [366, 1900, 12, 31],
    [367, 1901, 1, 1],
    [25569, 1970, 1, 1],
    [36526, 2000, 1, 1],
    [46022, 2025, 12, 31],
    [46092, 2026, 3, 11],
    [MAX_DATE_SERIAL, 9999, 12, 31],
  ])("serial %i is %i-%i-%i", (serial, y, m, d) => {
    expect(serialToYmd(serial)).toEqual({ y, m, d });
    expect(serialOfDay(y, m, d)).toBe(serial);
  });

  it("serial 60 is the phantom 1900-02-29 Excel shows, and no date maps to it", () => {
    expect(PHANTOM_LEAP_DAY_SERIAL).toBe(60);
    expect(serialToYmd(60)).toEqual({ y: 1900, m: 2, d: 29 });
    expect(serialOfDay(1900, 2, 28)).toBe(59);
    expect(serialOfDay(1900, 3, 1)).toBe(61);
    expect(serialOfDay(1900, 2, 29)).toBe(61); // day 29 of a 28-day February runs over to 1 March
    expect(ymdToSerial(1900, 2, 29)).toBeNull();
  });

  it("every day from 1900-01-01 to 2100 round-trips, and serials only skip 60", () => {
    let prev = 0;
    for (let serial = 1; serial <= 73051; serial++) {
      if (serial === 60) continue;
      const { y, m, d } = serialToYmd(serial);
      expect(serialOfDay(y, m, d)).toBe(serial);
      expect(serial - prev).toBe(prev === 59 ? 2 : 1);
      prev = serial;
    }
  });

  it("time of day is dropped", () => expect(serialToYmd(46092.75)).toEqual({ y: 2026, m: 3, d: 11 }));

  it("months and days may run over (period arithmetic)", () => {
    expect(serialOfDay(2025, 13, 1)).toBe(serialOfDay(2026, 1, 1));
    expect(serialOfDay(2026, 3, 0)).toBe(serialOfDay(2026, 2, 28));
    expect(serialOfDay(2026, 0, 1)).toBe(serialOfDay(2025, 12, 1));
  });
});

describe("what SalesPerf reads as a date: 1900-03-01 to 9999-12-31", () => {
  it.each([
    [2026, 3, 11, 46092],
    [2024, 2, 29, 45351],
    [1900, 3, 1, 61],
    [9999, 12, 31, MAX_DATE_SERIAL],
  ])("%i-%i-%i → %i", (y, m, d, serial) => expect(ymdToSerial(y, m, d)).toBe(serial));

  it.each([
    [2026, 2, 30],
    [2025, 2, 29],
    [2026, 13, 1],
    [2026, 0, 1],
    [2026, 4, 31],
    [1900, 2, 28],
    [1900, 1, 1],
    [1899, 12, 31],
    [10000, 1, 1],
  ])("%i-%i-%i is refused", (y, m, d) => expect(ymdToSerial(y, m, d)).toBeNull());

  it("isDateSerial", () => {
    expect(isDateSerial(FIRST_EXACT_SERIAL)).toBe(true);
    expect(isDateSerial(46092.5)).toBe(true);
    expect(isDateSerial(60)).toBe(false);
    expect(isDateSerial(1)).toBe(false);
    expect(isDateSerial(MAX_DATE_SERIAL + 0.99)).toBe(true);
    expect(isDateSerial(MAX_DATE_SERIAL + 1)).toBe(false);
    expect(isDateSerial(NaN)).toBe(false);
  });

  it("ISO text of a serial", () => {
    expect(isoDateOfSerial(46027)).toBe("2026-01-05");
    expect(isoDateOfSerial(59)).toBe("1900-02-28");
  });
});

describe("JS Dates", () => {
  it("a UTC Date → serial with Excel's rule, time as a fraction", () => {
    expect(dateToSerial(new Date(Date.UTC(2026, 2, 11)))).toBe(46092);
    expect(dateToSerial(new Date(Date.UTC(2026, 2, 11, 12)))).toBe(46092.5);
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(dateToSerial(new Date(Date.UTC(1900, 1, 28)))).toBe(59);
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(1);
  });

  it("a Date counted from 1899-12-30 without the phantom day (exceljs) gives its serial back", () => {
    const dayCountDate = (serial: number) => new Date(Math.round((serial - 25569) * 86400000));
    for (const serial of [1, 45, 59, 60, 61, 46092, 46092.25]) {
      expect(serialFromDayCountDate(dayCountDate(serial))).toBe(serial);
    }
    // From 1900-03-01 on both readings agree.
    expect(dateToSerial(dayCountDate(46092))).toBe(46092);
    expect(dateToSerial(dayCountDate(45))).toBe(44);
  });
});
