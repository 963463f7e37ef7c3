/**
 * Step 3 (docs/reference/tabs.md): the period it will score (chosen on the Plan tab), Generate, a ProgressBar naming
 * the stage, Cancel, then the outcome, the data issues in words and a button per tab.
 */
import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";
import { issueCounts, issueSentence } from "../issueSummary";
import type { Report } from "../../report/model";
import type { RenderedSheet } from "../../render/office/renderReport";
import { useSectionStyles } from "./styles";

export type RunState =
  | { status: "idle" }
  | { status: "running"; stage: string; value: number }
  | { status: "done"; summary: Report["summary"]; sheets: RenderedSheet[] }
  /** lines: one per problem (each naming its cell), listed under the message. */
  | { status: "failed"; message: string; lines?: string[] };

export interface GenerateSectionProps {
  lang: Lang;
  run: RunState;
  /** The period Generate will score (docs/reference/plan.md); null when no row is dated. */
  period: string | null;
  canGenerate: boolean;
  /** Shows the Plan tab, where the period is chosen. */
  onChangePeriod: () => void;
  onGenerate: () => void;
  onCancel: () => void;
  onOpen: (sheet: string) => void;
}

/** Who was scored, the Top and Coaching names, then the data issues in words. */
export function summaryText(lang: Lang, s: Report["summary"]): string {
  const none = t(lang, "ui.done.none");
  const list = (names: string[]) => (names.length ? names.join(lang === "zh" ? "、" : ", ") : none);
  const scored = t(lang, "ui.done.summary", {
    reps: s.repsScored,
    period: s.period,
    top: list(s.top),
    coaching: list(s.coaching),
  });
  return `${scored}${lang === "zh" ? "" : " "}${issueSentence(lang, issueCounts(s))}`;
}

export function GenerateSection({
  lang,
  run,
  period,
  canGenerate,
  onChangePeriod,
  onGenerate,
  onCancel,
  onOpen,
}: GenerateSectionProps) {
  const styles = useSectionStyles();
  const running = run.status === "running";
  return (
    <section className={styles.section} aria-label={t(lang, "ui.section.generate")}>
      <div className={styles.row}>
        <Text weight="semibold">
          {period ? t(lang, "ui.generate.period", { period }) : t(lang, "ui.generate.noPeriod")}
        </Text>
        <Button size="small" appearance="transparent" disabled={running} onClick={onChangePeriod}>
          {t(lang, "ui.generate.changePeriod")}
        </Button>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!canGenerate || running} onClick={onGenerate}>
          {t(lang, "ui.generate")}
        </Button>
        {running && <Button onClick={onCancel}>{t(lang, "ui.cancel")}</Button>}
      </div>
      {running && (
        <Field label={run.stage} validationState="none">
          <ProgressBar value={run.value} max={1} />
        </Field>
      )}
      {run.status === "done" && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t(lang, "ui.done.title")}</MessageBarTitle>
              {summaryText(lang, run.summary)}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.row}>
            {run.sheets.map((s) => (
              <Button key={s.name} size="small" onClick={() => onOpen(s.name)}>
                {t(lang, "ui.open", { sheet: s.name })}
              </Button>
            ))}
          </div>
        </>
      )}
      {run.status === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "ui.failed.title")}</MessageBarTitle>
            {run.message}
            {run.lines && (
              <ul className={styles.list}>
                {run.lines.map((line, i) => (
                  <li key={`${i}:${line}`}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
