/** Step 1 (docs/reference/input.md): the detected sales table, a column Dropdown per standard field, row counts. */
import * as React from "react";
import { Dropdown, Field, MessageBar, MessageBarBody, Option, Text } from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";
import type { CurrencyConversion } from "../../currency/convert";
import type { ColumnMapping, Reconciliation, SplitSummary, StandardField } from "../../ingest/types";
import { columnLetters } from "../../sheet";
import { STANDARD_FIELDS } from "../pipeline";
import { useSectionStyles } from "./styles";

export interface DataSectionProps {
  lang: Lang;
  mapping: ColumnMapping | null;
  reconciliation: Reconciliation | null;
  /** Fields read from another sheet (a Ratings sheet's manager rating) because the table has no column for them. */
  otherSheets: Partial<Record<StandardField, string[]>>;
  /** Split credit found (docs/reference/input.md "Split credit"); null when none. */
  split?: SplitSummary | null;
  /** Amounts in several currencies (docs/reference/input.md "Currencies"); null when the table is in one. */
  currency?: CurrencyConversion | null;
  error: string | null;
  onRemap: (field: StandardField, col: number | null) => void;
}

const NOT_USED = "none";

/** Split credit columns: listed only when the table has them, so a table without them shows what it always did. */
const SPLIT_FIELDS: readonly StandardField[] = ["deal", "split", "splitAmount"];

export function DataSection({
  lang,
  mapping,
  reconciliation,
  otherSheets,
  split,
  currency,
  error,
  onRemap,
}: DataSectionProps) {
  const styles = useSectionStyles();
  const headerText = (col: number) => {
    const h = mapping?.headers.find((x) => x.col === col)?.header ?? "";
    return `${columnLetters(col)} · ${h}`;
  };
  return (
    <section className={styles.section} aria-label={t(lang, "ui.section.data")}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {mapping && (
        <Field label={t(lang, "ui.data.table")}>
          <Text>{t(lang, "ui.data.tableAt", { sheet: mapping.sheet, row: mapping.headerRow })}</Text>
        </Field>
      )}
      {reconciliation && (
        <Text className={styles.muted}>
          {t(lang, "ui.data.rows", {
            rows: reconciliation.rowsRead,
            used: reconciliation.rowsUsed,
            excluded: reconciliation.rowsExcluded,
          })}
        </Text>
      )}
      {split && (
        <Text className={styles.muted}>
          {t(lang, "ui.data.split", { deals: split.deals, shared: split.sharedRows, not100: split.dealsNot100 })}
        </Text>
      )}
      {currency && <Text className={styles.muted}>{currencyLine(lang, currency)}</Text>}
      {mapping &&
        [...STANDARD_FIELDS, ...SPLIT_FIELDS.filter((f) => mapping.columns[f] !== undefined)].map((field) => {
          const col = mapping.columns[field];
          const label = t(lang, `ui.field.${field}`);
          // Not in the sales table but read from another sheet: say where, rather than "(not used)".
          const sheets = col === undefined ? otherSheets[field] : undefined;
          const sheetList = sheets?.join(lang === "zh" ? "、" : ", ");
          const unmapped = sheetList ? t(lang, "ui.data.fromSheet", { sheet: sheetList }) : t(lang, "ui.data.notUsed");
          return (
            <Field
              key={field}
              label={label}
              hint={sheetList ? t(lang, "ui.data.fromSheetHint", { sheet: sheetList }) : undefined}
            >
              <Dropdown
                value={col === undefined ? unmapped : headerText(col)}
                selectedOptions={[col === undefined ? NOT_USED : String(col)]}
                onOptionSelect={(_, data) =>
                  onRemap(field, data.optionValue === NOT_USED || !data.optionValue ? null : Number(data.optionValue))
                }
              >
                <Option value={NOT_USED}>{t(lang, "ui.data.notUsed")}</Option>
                {mapping.headers.map((h) => (
                  <Option key={h.col} value={String(h.col)} text={headerText(h.col)}>
                    {headerText(h.col)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          );
        })}
    </section>
  );
}

/** What was done with several currencies, in one line: converted with the Rates sheet, or only the main one kept. */
export function currencyLine(lang: Lang, c: CurrencyConversion): string {
  if (c.ratesSheet === null) return t(lang, "ui.data.currencyNoRates", { target: c.target });
  const currencies = [...new Set(c.uses.map((u) => u.currency))].join(t(lang, "ui.data.currencySeparator"));
  const rows = c.uses.reduce((n, u) => n + u.rows, 0);
  return rows === 0
    ? t(lang, "ui.data.currencyNone", { target: c.target, sheet: c.ratesSheet })
    : t(lang, "ui.data.currency", { target: c.target, sheet: c.ratesSheet, rows, currencies });
}
