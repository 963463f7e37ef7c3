/**
 * The task pane (docs/reference/tabs.md, statements.md): Data → Plan → Generate → Share in a ~320 px pane. Excel is
 * reached only through the `excel` prop (TPR App.tsx passes its excel.ts the same way), so
 * tests hand in fakes; errors come back as values and are shown, never swallowed.
 */
import * as React from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";
import type { ColumnMapping, StandardField } from "../../ingest/types";
import type { ExcelOps, WorkbookSnapshot } from "../../render/office/excelOps";
import type { OfficeError } from "../../render/office/errors";
import type { RenderProgress } from "../../render/office/renderReport";
import {
  analyse,
  defaultPeriod,
  noPeriods,
  defaultPlanSheet,
  fieldsFromOtherSheets,
  planProblems,
  remap,
  scoringPeriod,
  sheetsToKeep,
  type Analysis,
} from "../pipeline";
import { loadReportTools, type LoadReportTools, type ReportTools } from "../reportTools";
import { loadStatementTools, type LoadStatementTools } from "../statements";
import { scoringInputOf } from "../scoringInput";
import { partLoadFailed } from "../../render/office/tabWriter";
import { DataSection } from "./DataSection";
import { GenerateSection, type RunState } from "./GenerateSection";
import { HistorySection, type HistoryOutcome } from "./HistorySection";
import { closeInWorkbook, reopenInWorkbook, workbookHistory, type WorkbookHistory } from "../history";
import { PlanSection } from "./PlanSection";
import { LazyShareSection, LazyWhatIfSection, preloadSections } from "./lazySections";
import { useShare, type ScoringResult } from "./useShare";

export interface AppProps {
  excel: ExcelOps;
  initialLang: Lang;
  /** The statement builder and xlsx writer; by default loaded with `import()` on first use (own chunk). */
  statementTools?: LoadStatementTools;
  /** The report builder; by default loaded with `import()` on the first Generate or report copy (own chunk). */
  reportTools?: LoadReportTools;
}

type TabKey = "data" | "plan" | "generate" | "share" | "whatIf";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    minWidth: "0",
    maxWidth: "480px",
  },
  header: {
    display: "flex",
    alignItems: "flex-end",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  language: {
    minWidth: "0",
    width: "120px",
  },
  languageDropdown: {
    // Fluent's Dropdown has a 250px min-width; the pane is ~320px wide.
    minWidth: "0",
    width: "100%",
  },
  tabs: {
    // Five tabs are wider than a 320 px pane in English: the last ones wrap to a second line, never off-screen.
    flexWrap: "wrap",
  },
});

function messageOf(lang: Lang, e: OfficeError): string {
  return t(lang, e.messageKey, e.params as Record<string, string | number> | undefined);
}

/** Lets React paint the new stage before a long synchronous step (cleaning, scoring). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An unexpected exception as one line for the user (no stack). */
function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

export function App({
  excel,
  initialLang,
  statementTools = loadStatementTools,
  reportTools = loadReportTools,
}: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<TabKey>("data");
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | null>(null);
  const [loadError, setLoadError] = useState<OfficeError | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [period, setPeriod] = useState<string | null>(null);
  const [run, setRun] = useState<RunState>({ status: "idle" });
  const [notice, setNotice] = useState<string | null>(null);
  const [creatingPlan, setCreatingPlan] = useState(false);
  const [historyOutcome, setHistoryOutcome] = useState<HistoryOutcome>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    const r = await excel.readSheets();
    if (r.ok) {
      setSnapshot(r.value);
      setLoadError(null);
    } else setLoadError(r.error);
  }, [excel]);

  // A write that a closed or reloaded pane left unfinished is settled before the first read, without asking.
  useEffect(() => {
    void (async () => {
      const recovered = await excel.recover();
      if (!recovered.ok) setNotice(messageOf(lang, recovered.error));
      else if (recovered.value.outcome !== "none") {
        setNotice(t(lang, `recovery.${recovered.value.outcome}.${recovered.value.op}`));
      }
      await load();
    })();
  }, [excel, load]); // once per pane: `lang` only words the notice

  const analysis = useMemo((): Analysis | null => {
    if (!snapshot) return null;
    try {
      return analyse(snapshot.sheets, snapshot.addinTabs, lang, mapping);
    } catch (e) {
      // A bug below must not blank the pane: show it as the data problem it is.
      return {
        mapping: null,
        ingested: null,
        dataError: oneLine(e),
        plan: { sheetName: null, plan: null, errors: [], errorSheet: null },
        ...noPeriods(),
      };
    }
  }, [snapshot, lang, mapping]);
  // The Share and What-if tabs are their own chunks: fetched once the data is shown (lazySections.tsx).
  const shown = analysis !== null;
  useEffect(() => {
    if (shown) preloadSections();
  }, [shown]);
  const history = useMemo(
    (): WorkbookHistory | null => (snapshot ? workbookHistory(snapshot.sheets, lang, snapshot.addinTabs) : null),
    [snapshot, lang],
  );
  const chosenPeriod =
    analysis && period && analysis.periods.includes(period) ? period : analysis ? defaultPeriod(analysis) : null;
  const canScore = !!analysis?.ingested && !!analysis.plan.plan;

  /** Statements score exactly what Generate would: a fresh read, the same mapping, plan, period and Pay history. */
  const readScoringInput = async (): Promise<ScoringResult> => {
    const read = await excel.readSheets();
    if (!read.ok) return { ok: false, message: messageOf(lang, read.error) };
    setSnapshot(read.value);
    return scoringInputOf(read.value, lang, mapping, period);
  };

  const share = useShare({
    lang,
    excel,
    tools: statementTools,
    reportTools,
    readScoringInput,
    onWorkbookChanged: () => void load(),
  });
  const canGenerate = canScore && run.status !== "running" && !share.busy && historyOutcome.status !== "busy";

  const onRemap = (field: StandardField, col: number | null) => {
    if (analysis?.mapping) setMapping(remap(analysis.mapping, field, col));
  };

  const onCreatePlan = async () => {
    setCreatingPlan(true);
    const r = await excel.writePlanSheet(defaultPlanSheet(lang), lang);
    setCreatingPlan(false);
    setNotice(r.ok ? null : messageOf(lang, r.error));
    await load();
  };

  const onOpen = async (name: string) => {
    const r = await excel.activateSheet(name);
    setNotice(r.ok ? null : messageOf(lang, r.error));
  };

  const onCancel = () => abort.current?.abort();

  const stageLabel = (p: RenderProgress): string =>
    p.stage === "writing"
      ? t(lang, "ui.stage.writing", { sheet: p.sheet ?? "" })
      : p.stage === "cleaning"
        ? t(lang, "ui.stage.cleaning-up")
        : t(lang, `ui.stage.${p.stage}`);

  const onGenerate = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const cancelled = () => setRun({ status: "failed", message: t(lang, "ui.cancelledEarly") });
    try {
      setRun({ status: "running", stage: t(lang, "ui.stage.reading"), value: 0 });
      const read = await excel.readSheets();
      if (!read.ok) return setRun({ status: "failed", message: messageOf(lang, read.error) });
      if (controller.signal.aborted) return cancelled();
      setSnapshot(read.value);

      setRun({ status: "running", stage: t(lang, "ui.stage.cleaning"), value: 0.1 });
      await nextPaint();
      const fresh = analyse(read.value.sheets, read.value.addinTabs, lang, mapping);
      if (fresh.dataError || !fresh.ingested) return setRun({ status: "failed", message: fresh.dataError ?? "" });
      // A Plan or Targets sheet it cannot read stops Generate before anything is written, listing every problem.
      const problems = planProblems(fresh.plan, lang);
      if (problems || !fresh.plan.plan) {
        return setRun({ status: "failed", message: problems?.title ?? "", lines: problems?.lines });
      }
      // The Pay history is carried forward; one changed by hand stops Generate, naming each cell (history.md).
      const found = workbookHistory(read.value.sheets, lang, read.value.addinTabs);
      if (!found.ok) return setRun({ status: "failed", message: found.title, lines: found.lines });
      if (controller.signal.aborted) return cancelled();

      setRun({ status: "running", stage: t(lang, "ui.stage.scoring"), value: 0.2 });
      await nextPaint();
      let tools: ReportTools;
      try {
        tools = await reportTools();
      } catch (e) {
        return setRun({ status: "failed", message: messageOf(lang, partLoadFailed(e)) });
      }
      if (controller.signal.aborted) return cancelled();
      const usePeriod = scoringPeriod(fresh, period);
      const report = tools.buildPaneReport(
        fresh,
        read.value.sheets.map((s) => s.name),
        read.value.addinTabs,
        usePeriod,
        lang,
        found.record.history,
      );
      if (controller.signal.aborted) return cancelled();

      const written = await excel.renderReport(report, {
        ...sheetsToKeep(read.value.sheets, fresh, report),
        signal: controller.signal,
        onProgress: (p) =>
          setRun({ status: "running", stage: stageLabel(p), value: 0.3 + (0.7 * p.done) / Math.max(1, p.total) }),
      });
      if (!written.ok) setRun({ status: "failed", message: messageOf(lang, written.error) });
      else setRun({ status: "done", summary: report.summary, sheets: written.value.sheets });
    } catch (e) {
      setRun({ status: "failed", message: oneLine(e) });
    } finally {
      abort.current = null;
      void load();
    }
  };

  /** Close period or Reopen (docs/reference/history.md): a fresh read, the new Pay history tab written all or nothing. */
  const changeHistory = async (reopen: string | null) => {
    setHistoryOutcome({ status: "busy" });
    try {
      const read = await excel.readSheets();
      if (!read.ok) return setHistoryOutcome({ status: "failed", message: messageOf(lang, read.error) });
      setSnapshot(read.value);
      const found = workbookHistory(read.value.sheets, lang, read.value.addinTabs);
      if (!found.ok) return setHistoryOutcome({ status: "failed", message: found.title, lines: found.lines });
      const at = new Date().toISOString();
      const change = reopen === null ? closeInWorkbook(found, lang, at) : reopenInWorkbook(found, lang, reopen, at);
      if (!change.ok) return setHistoryOutcome({ status: "failed", message: change.message });
      const written = await excel.replaceTab(change.sheet, lang);
      setHistoryOutcome(
        written.ok
          ? { status: "done", message: change.message }
          : { status: "failed", message: messageOf(lang, written.error) },
      );
    } catch (e) {
      setHistoryOutcome({ status: "failed", message: oneLine(e) });
    } finally {
      void load();
    }
  };

  const languageField = (
    <Field label={t(lang, "ui.language")} className={styles.language}>
      <Dropdown
        className={styles.languageDropdown}
        value={t(lang, `ui.lang.${lang}`)}
        selectedOptions={[lang]}
        onOptionSelect={(_, d) => d.optionValue && setLang(d.optionValue as Lang)}
      >
        <Option value="en">{t("en", "ui.lang.en")}</Option>
        <Option value="zh">{t("zh", "ui.lang.zh")}</Option>
      </Dropdown>
    </Field>
  );

  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <div className={styles.header}>
        <Title3 as="h1">{t(lang, "ui.title")}</Title3>
        {languageField}
      </div>
      {loadError && (
        <MessageBar intent="error">
          <MessageBarBody>
            {messageOf(lang, loadError)}{" "}
            <Button size="small" appearance="transparent" onClick={() => void load()}>
              {t(lang, "ui.reload")}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {!analysis && !loadError && <Spinner size="small" label={t(lang, "ui.loading")} />}
      {analysis && (
        <>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabKey)}
            size="small"
          >
            <Tab value="data">{t(lang, "ui.section.data")}</Tab>
            <Tab value="plan">{t(lang, "ui.section.plan")}</Tab>
            <Tab value="generate">{t(lang, "ui.section.generate")}</Tab>
            <Tab value="share">{t(lang, "ui.section.share")}</Tab>
            <Tab value="whatIf">{t(lang, "ui.section.whatIf")}</Tab>
          </TabList>
          {tab === "data" && (
            <DataSection
              lang={lang}
              mapping={analysis.mapping}
              reconciliation={analysis.ingested?.reconciliation ?? null}
              otherSheets={fieldsFromOtherSheets(analysis.ingested)}
              split={analysis.ingested?.split ?? null}
              currency={analysis.ingested?.currencyConversion ?? null}
              error={analysis.dataError}
              onRemap={onRemap}
            />
          )}
          {tab === "plan" && (
            <PlanSection
              lang={lang}
              plan={analysis.plan}
              periods={analysis.periods}
              period={chosenPeriod}
              busy={creatingPlan || run.status === "running"}
              onPeriod={setPeriod}
              onCreatePlan={() => void onCreatePlan()}
            />
          )}
          {tab === "generate" && (
            <GenerateSection
              lang={lang}
              run={run}
              period={chosenPeriod}
              canGenerate={canGenerate}
              onChangePeriod={() => setTab("plan")}
              onGenerate={() => void onGenerate()}
              onCancel={onCancel}
              onOpen={(name) => void onOpen(name)}
            />
          )}
          {tab === "generate" && (
            <HistorySection
              lang={lang}
              history={history}
              outcome={historyOutcome}
              busy={run.status === "running" || creatingPlan || share.busy}
              onClose={() => void changeHistory(null)}
              onReopen={(p) => void changeHistory(p)}
            />
          )}
          {tab === "share" && (
            <LazyShareSection
              lang={lang}
              share={share}
              canScore={canScore}
              busy={creatingPlan || run.status === "running"}
            />
          )}
          {tab === "whatIf" && (
            <LazyWhatIfSection
              lang={lang}
              ingested={analysis.ingested}
              plan={analysis.plan.plan}
              period={chosenPeriod}
            />
          )}
        </>
      )}
    </main>
  );
}
