/**
 * Step 4 (docs/reference/statements.md), from the manager's goal: send the director a report-only copy (no sales rows, no
 * PERF formulas), send each rep their statement (all in one zip), or — folded away — send this whole workbook,
 * whose one preparation step replaces the PERF formulas with their values (listed first, replaced on confirmation).
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
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
import { t, tCount, type Lang } from "../../i18n";
import type { OfficeError } from "../../render/office/errors";
import type { StatementProgress } from "../statements";
import type { PrepareState, ReportCopyState, ShareControls, StatementsState } from "./useShare";
import { useSectionStyles } from "./styles";

/** Rows listed before "…and N more": enough to see what will change without a long scroll in a 320 px pane. */
export const SHOWN_CELLS = 20;

export interface ShareSectionProps {
  lang: Lang;
  share: ShareControls;
  /** The report copy and the statements need what Generate needs: a cleaned sales table and a valid plan. */
  canScore: boolean;
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
  block: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  download: {
    // A long Chinese or English file name wraps inside the pane rather than widening it.
    overflowWrap: "anywhere",
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
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

/** Reading and loading are short; writing the files is most of the time; zipping stored files is quick. */
function progressValue(p: StatementProgress | { stage: "reading" }): number {
  if (p.stage === "reading") return 0.02;
  if (p.stage === "loading") return 0.05;
  if (p.stage === "building") return 0.1;
  if (p.stage === "zipping") return 0.97;
  return 0.1 + (0.85 * (p.index - 1)) / Math.max(1, p.total);
}

/** The download link: a native <a download>, reachable by Tab and opened with Enter. */
function DownloadLink({ fileName, url }: { fileName: string; url: string }) {
  const local = useStyles();
  return (
    <Link href={url} download={fileName} className={local.download}>
      {fileName}
    </Link>
  );
}

function ReportCopyBlock({
  lang,
  state,
  share,
  canScore,
  busy,
}: {
  lang: Lang;
  state: ReportCopyState;
  share: ShareControls;
  canScore: boolean;
  busy: boolean;
}) {
  const styles = useSectionStyles();
  const local = useStyles();
  return (
    <div className={local.block}>
      <Subtitle2 as="h2">{t(lang, "share.director.title")}</Subtitle2>
      <Text className={styles.muted}>{t(lang, "share.director.hint")}</Text>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!canScore || busy || share.busy}
          onClick={() => void share.makeReportCopy()}
        >
          {t(lang, "share.director.create")}
        </Button>
      </div>
      {state.status === "running" && <Spinner size="tiny" label={t(lang, `share.director.${state.progress.stage}`)} />}
      {state.status === "done" && (
        <>
          {state.copy.openError && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{messageOf(lang, state.copy.openError)}</MessageBarBody>
            </MessageBar>
          )}
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {state.copy.opened
                ? t(lang, "share.director.opened", { period: state.copy.period })
                : t(lang, "share.director.ready", { period: state.copy.period })}
            </MessageBarBody>
          </MessageBar>
          <Text>
            {t(lang, state.copy.opened ? "share.director.alsoDownload" : "share.director.download")}{" "}
            <DownloadLink {...state.link} />
          </Text>
          <Text className={styles.muted}>
            {t(lang, state.copy.opened ? "share.director.pdfOpened" : "share.director.pdfDownloaded")}
          </Text>
        </>
      )}
      {state.status === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "share.director.failed")}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function StatementsBlock({
  lang,
  state,
  share,
  canScore,
  busy,
}: {
  lang: Lang;
  state: StatementsState;
  share: ShareControls;
  canScore: boolean;
  busy: boolean;
}) {
  const styles = useSectionStyles();
  const local = useStyles();
  const running = state.status === "running";
  const outcome = state.status === "done" ? state.outcome : null;
  const written = outcome ? outcome.opened.length + outcome.downloads.length : 0;
  const disabled = !canScore || busy || share.busy;
  return (
    <div className={local.block}>
      <Subtitle2 as="h2">{t(lang, "share.statements.title")}</Subtitle2>
      <Text className={styles.muted}>{t(lang, "share.statements.hint")}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled} onClick={() => void share.createAll()}>
          {t(lang, "share.statements.create")}
        </Button>
        {share.canOpenEach && !running && (
          <Button disabled={disabled} onClick={() => void share.createAll(true)}>
            {t(lang, "share.statements.openEach")}
          </Button>
        )}
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
            {/* Opening them one by one keeps those opened; the zip is made only of a complete set. */}
            {t(lang, outcome.opened.length > 0 ? "share.statements.cancelled" : "share.statements.cancelledNoZip", {
              done: written,
              total: outcome.total,
            })}
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
            {tCount(lang, "share.statements.opened", outcome.opened.length, { period: outcome.period })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && state.zip && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {tCount(lang, "share.statements.zipReady", state.outcome.downloads.length, {
                period: state.outcome.period,
              })}
            </MessageBarBody>
          </MessageBar>
          <Text>
            <DownloadLink {...state.zip} />
          </Text>
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
    </div>
  );
}

/** Sending the whole workbook: its one preparation step, replacing the PERF formulas with their values. */
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
    <div className={local.panel}>
      <Text className={styles.muted}>{t(lang, "share.workbook.hint")}</Text>
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
    </div>
  );
}

export function ShareSection({ lang, share, canScore, busy }: ShareSectionProps) {
  const styles = useSectionStyles();
  // A replace under way (or its outcome) keeps the whole-workbook step open when the user comes back to the tab.
  const workbookOpen = share.prepare.status !== "idle";
  return (
    <section className={styles.section} aria-label={t(lang, "ui.section.share")}>
      <ReportCopyBlock lang={lang} state={share.reportCopy} share={share} canScore={canScore} busy={busy} />
      <Divider />
      <StatementsBlock lang={lang} state={share.statements} share={share} canScore={canScore} busy={busy} />
      <Divider />
      <Accordion collapsible defaultOpenItems={workbookOpen ? ["workbook"] : []}>
        <AccordionItem value="workbook">
          <AccordionHeader as="h2" expandIconPosition="end">
            {t(lang, "share.workbook.title")}
          </AccordionHeader>
          <AccordionPanel>
            <PrepareBlock lang={lang} state={share.prepare} share={share} busy={busy} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
