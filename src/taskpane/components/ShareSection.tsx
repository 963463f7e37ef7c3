/**
 * Step 4 (docs/reference/statements.md): prepare the workbook for sharing (PERF formulas → values, listed first, replaced on
 * confirmation) and create one statement workbook per scored rep (opened in Excel, or offered for download).
 */
import * as React from "react";
import {
  Button,
  Divider,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";
import type { OfficeError } from "../../render/office/errors";
import type { StatementProgress } from "../statements";
import type { PrepareState, ShareControls, StatementsState } from "./useShare";
import { useSectionStyles } from "./styles";

/** Rows listed before "…and N more": enough to see what will change without a long scroll in a 320 px pane. */
export const SHOWN_CELLS = 20;

export interface ShareSectionProps {
  lang: Lang;
  share: ShareControls;
  /** Statements need what Generate needs: a cleaned sales table and a valid plan. */
  canCreateStatements: boolean;
  /** Another action (Generate, creating the Plan) is writing to the workbook. */
  busy: boolean;
}

const useStyles = makeStyles({
  table: {
    // A fixed layout lets long formulas truncate instead of widening the pane.
    tableLayout: "fixed",
    width: "100%",
    minWidth: "0",
  },
  sheetCol: { width: "30%" },
  cellCol: { width: "16%" },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
  },
  links: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

function messageOf(lang: Lang, e: OfficeError): string {
  return t(lang, e.messageKey, e.params as Record<string, string | number> | undefined);
}

function progressLabel(lang: Lang, p: StatementProgress | { stage: "reading" }): string {
  return p.stage === "writing"
    ? t(lang, "share.statements.writing", { index: p.index, total: p.total, rep: p.rep })
    : t(lang, `share.statements.${p.stage}`);
}

/** Reading and loading are short; writing the files is most of the time. */
function progressValue(p: StatementProgress | { stage: "reading" }): number {
  if (p.stage === "reading") return 0.02;
  if (p.stage === "loading") return 0.05;
  if (p.stage === "building") return 0.1;
  return 0.1 + (0.9 * (p.index - 1)) / Math.max(1, p.total);
}

function PrepareBlock({
  lang,
  state,
  share,
  busy,
}: {
  lang: Lang;
  state: PrepareState;
  share: ShareControls;
  busy: boolean;
}) {
  const styles = useSectionStyles();
  const local = useStyles();
  const cells = state.status === "found" || state.status === "replacing" ? state.cells : null;
  return (
    <>
      <Subtitle2 as="h2">{t(lang, "share.title")}</Subtitle2>
      <Text className={styles.muted}>{t(lang, "share.hint")}</Text>
      <div className={styles.row}>
        <Button disabled={busy || share.busy} onClick={() => void share.find()}>
          {t(lang, "share.find")}
        </Button>
      </div>
      {state.status === "finding" && <Spinner size="tiny" label={t(lang, "share.finding")} />}
      {cells && cells.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t(lang, "share.none")}</MessageBarBody>
        </MessageBar>
      )}
      {cells && cells.length > 0 && (
        <>
          <Text>{t(lang, "share.found", { count: cells.length })}</Text>
          <Table size="extra-small" aria-label={t(lang, "share.tableLabel")} className={local.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={local.sheetCol}>{t(lang, "share.col.sheet")}</TableHeaderCell>
                <TableHeaderCell className={local.cellCol}>{t(lang, "share.col.cell")}</TableHeaderCell>
                <TableHeaderCell>{t(lang, "share.col.formula")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {cells.slice(0, SHOWN_CELLS).map((c) => (
                <TableRow key={`${c.sheet}!${c.address}`}>
                  <TableCell>
                    <TableCellLayout truncate title={c.sheet}>
                      {c.sheet}
                    </TableCellLayout>
                  </TableCell>
                  <TableCell>{c.address}</TableCell>
                  <TableCell>
                    <TableCellLayout truncate title={c.formula} className={local.formula}>
                      {c.formula}
                    </TableCellLayout>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {cells.length > SHOWN_CELLS && (
            <Text className={styles.muted}>{t(lang, "share.more", { count: cells.length - SHOWN_CELLS })}</Text>
          )}
          {state.status === "found" && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t(lang, "share.confirm", { count: cells.length })}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={busy || state.status !== "found"}
              onClick={() => void share.replace()}
            >
              {t(lang, "share.replace")}
            </Button>
            <Button disabled={state.status !== "found"} onClick={share.dismiss}>
              {t(lang, "share.keep")}
            </Button>
          </div>
        </>
      )}
      {state.status === "replacing" && (
        <div className={styles.row}>
          <Spinner size="tiny" label={t(lang, "share.replacing")} />
          <Button size="small" onClick={share.cancelReplace}>
            {t(lang, "ui.cancel")}
          </Button>
        </div>
      )}
      {state.status === "replaced" && (
        <MessageBar intent="success">
          <MessageBarBody>{t(lang, "share.done", { count: state.count })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{messageOf(lang, state.error)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function StatementsBlock({
  lang,
  state,
  share,
  canCreate,
  busy,
}: {
  lang: Lang;
  state: StatementsState;
  share: ShareControls;
  canCreate: boolean;
  busy: boolean;
}) {
  const styles = useSectionStyles();
  const local = useStyles();
  const running = state.status === "running";
  const outcome = state.status === "done" ? state.outcome : null;
  const written = outcome ? outcome.opened.length + outcome.downloads.length : 0;
  return (
    <>
      <Subtitle2 as="h2">{t(lang, "share.statements.title")}</Subtitle2>
      <Text className={styles.muted}>{t(lang, "share.statements.hint")}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!canCreate || busy || share.busy} onClick={() => void share.createAll()}>
          {t(lang, "share.statements.create")}
        </Button>
        {running && <Button onClick={share.cancelStatements}>{t(lang, "ui.cancel")}</Button>}
      </div>
      {running && (
        <Field label={progressLabel(lang, state.progress)} validationState="none">
          <ProgressBar value={progressValue(state.progress)} max={1} />
        </Field>
      )}
      {outcome && outcome.total === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t(lang, "share.statements.none", { period: outcome.period })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.cancelled && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t(lang, "share.statements.cancelled", { done: written, total: outcome.total })}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.openError && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{messageOf(lang, outcome.openError)}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.opened.length > 0 && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t(lang, "share.statements.opened", { count: outcome.opened.length, period: outcome.period })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && state.links.length > 0 && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t(lang, "share.statements.ready", { count: state.links.length, period: state.outcome.period })}
            </MessageBarBody>
          </MessageBar>
          <ul className={local.links} aria-label={t(lang, "share.statements.title")}>
            {state.links.map((l) => (
              <li key={l.url}>
                <Link href={l.url} download={l.fileName}>
                  {l.fileName}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {state.status === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "share.statements.failed")}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

export function ShareSection({ lang, share, canCreateStatements, busy }: ShareSectionProps) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-label={t(lang, "ui.section.share")}>
      <PrepareBlock lang={lang} state={share.prepare} share={share} busy={busy} />
      <Divider />
      <StatementsBlock lang={lang} state={share.statements} share={share} canCreate={canCreateStatements} busy={busy} />
    </section>
  );
}
