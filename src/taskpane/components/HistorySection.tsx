/**
 * The Pay history on the Generate tab (docs/reference/history.md): which periods are closed, Close period for the
 * report's own period, Reopen as a confirmed action, and what happened. Excel is reached only through the callbacks.
 */
import * as React from "react";
import { useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
} from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";
import type { WorkbookHistory } from "../history";
import { useSectionStyles } from "./styles";

export type HistoryOutcome =
  | { status: "idle" }
  | { status: "busy" }
  | { status: "done"; message: string }
  /** lines: one per problem, each naming its cell. */
  | { status: "failed"; message: string; lines?: string[] };

export interface HistorySectionProps {
  lang: Lang;
  /** The workbook's Pay history as last read; null while none is read. */
  history: WorkbookHistory | null;
  outcome: HistoryOutcome;
  /** Another write is under way (Generate, statements): the actions wait. */
  busy: boolean;
  onClose: () => void;
  onReopen: (period: string) => void;
}

export function HistorySection({ lang, history, outcome, busy, onClose, onReopen }: HistorySectionProps) {
  const styles = useSectionStyles();
  const [chosen, setChosen] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  if (!history) return null;
  const working = busy || outcome.status === "busy";
  const closed = history.ok ? history.record.history.periods.map((p) => p.period) : [];
  const pending = history.ok ? history.record.pending : null;
  const pendingClosed = !!pending && closed.includes(pending.period);
  const toReopen = chosen && closed.includes(chosen) ? chosen : (closed.at(-1) ?? null);
  const list = closed.join(lang === "zh" ? "、" : ", ");
  return (
    <section className={styles.section} aria-label={t(lang, "ui.history.heading")}>
      <Text weight="semibold">{t(lang, "ui.history.heading")}</Text>
      {history.ok && (
        <Text>
          {closed.length > 0 ? t(lang, "ui.history.closedList", { periods: list }) : t(lang, "ui.history.noneClosed")}
          {pending &&
            (lang === "zh" ? "" : " ") +
              t(lang, pendingClosed ? "ui.history.pendingClosed" : "ui.history.pending", { period: pending.period })}
        </Text>
      )}
      {history.ok && pending && !pendingClosed && (
        <div className={styles.row}>
          <Button appearance="primary" disabled={working} onClick={onClose}>
            {t(lang, "ui.history.close", { period: pending.period })}
          </Button>
        </div>
      )}
      {history.ok && closed.length > 0 && (
        <div className={styles.row}>
          <Field label={t(lang, "ui.history.reopenPeriod")}>
            <Dropdown
              value={toReopen ?? ""}
              selectedOptions={toReopen ? [toReopen] : []}
              onOptionSelect={(_, d) => d.optionValue && setChosen(d.optionValue)}
              disabled={working}
            >
              {closed.map((p) => (
                <Option key={p} value={p}>
                  {p}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button disabled={working || !toReopen} onClick={() => setConfirming(true)}>
            {t(lang, "ui.history.reopen")}
          </Button>
        </div>
      )}
      {toReopen && (
        <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t(lang, "ui.history.confirmTitle", { period: toReopen })}</DialogTitle>
              <DialogContent>{t(lang, "ui.history.confirmBody", { period: toReopen })}</DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setConfirming(false);
                    onReopen(toReopen);
                  }}
                >
                  {t(lang, "ui.history.confirm")}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t(lang, "ui.cancel")}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
      {outcome.status === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      {(outcome.status === "failed" || !history.ok) && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {outcome.status === "failed" ? outcome.message : !history.ok ? history.title : ""}
            {(() => {
              const lines = outcome.status === "failed" ? outcome.lines : !history.ok ? history.lines : undefined;
              return lines ? (
                <ul className={styles.list}>
                  {lines.map((line, i) => (
                    <li key={`${i}:${line}`}>{line}</li>
                  ))}
                </ul>
              ) : null;
            })()}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
