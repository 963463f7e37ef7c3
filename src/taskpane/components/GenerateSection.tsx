/** Step 3 (docs/reference/tabs.md): Generate, a ProgressBar naming the stage, Cancel, then the outcome and a button per tab. */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";
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
  canGenerate: boolean;
  onGenerate: () => void;
  onCancel: () => void;
  onOpen: (sheet: string) => void;
}

export function summaryText(lang: Lang, s: Report["summary"]): string {
  const none = t(lang, "ui.done.none");
  const list = (names: string[]) => (names.length ? names.join(lang === "zh" ? "、" : ", ") : none);
  return t(lang, "ui.done.body", {
    reps: s.repsScored,
    period: s.period,
    top: list(s.top),
    coaching: list(s.coaching),
    issues: s.issues,
  });
}

export function GenerateSection({ lang, run, canGenerate, onGenerate, onCancel, onOpen }: GenerateSectionProps) {
  const styles = useSectionStyles();
  const running = run.status === "running";
  return (
    <section className={styles.section} aria-label={t(lang, "ui.section.generate")}>
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
