/**
 * The What-if tab (docs/reference/whatif.md): pick a rep, type KPI actuals or hypothetical deals, and the rep's score,
 * rank, status and bonus follow as you type, with what each KPI alone needs to reach the next payout point. It reads
 * the rows the pane already holds and scores them with the report's engine in the browser; nothing is written.
 */
import * as React from "react";
import { useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type Decimal from "decimal.js";
import { t, type Lang } from "../../i18n";
import type { IngestResult } from "../../ingest/types";
import { kpiDisplayName } from "../../plan";
import type { Plan } from "../../plan/types";
import { dec } from "../../engine/index";
import type { ScoredRep } from "../../report/score";
import {
  dealInPeriod,
  dealMovesKpi,
  kpiUnit,
  whatIf,
  whatIfBaselines,
  type HypotheticalDeal,
  type WhatIfBaseline,
} from "../../report/whatIf";
import { isoDateOfSerial } from "../../sheet";
import { kpiValueText, moneyStyle, moneyText, readTyped, serialOfIsoDate, type MoneyStyle } from "../whatIfText";
import { useSectionStyles } from "./styles";
import { NextPoints, ResultTable } from "./WhatIfResult";

export interface WhatIfSectionProps {
  lang: Lang;
  /** The cleaned sales rows the pane read; null when there is no sales table. */
  ingested: IngestResult | null;
  /** The plan in force; null when the Plan sheet has problems. */
  plan: Plan | null;
  /** The period Generate would score (chosen on the Plan tab); null = the report's default. */
  period: string | null;
}

const useStyles = makeStyles({
  full: { minWidth: "0", width: "100%" },
  heading: { fontWeight: tokens.fontWeightSemibold },
  deals: {
    margin: 0,
    paddingLeft: "0",
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  deal: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

interface DraftDeal {
  amount: string;
  date: string;
  newCustomer: boolean;
  customer: string;
}

type DealCheck = { deal: HypotheticalDeal | null; amountError: string | null; dateError: string | null };

export function WhatIfSection({ lang, ingested, plan, period }: WhatIfSectionProps) {
  const styles = useSectionStyles();
  // Scored once per data, plan and period: the report's own scoring of the period is the "now".
  // With several plans (docs/reference/plan.md "A plan per role or team") one baseline per plan: a rep is re-ranked
  // among their own plan's reps (docs/reference/whatif.md).
  const bases = useMemo(
    () => (ingested && plan ? whatIfBaselines(ingested, plan, period) : null),
    [ingested, plan, period],
  );
  const base = bases?.[0] ?? null;
  const [rep, setRep] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  if (!base || !plan || !ingested) {
    return (
      <section className={styles.section} aria-label={t(lang, "ui.section.whatIf")}>
        <MessageBar intent="info">
          <MessageBarBody>{t(lang, "whatIf.cannot")}</MessageBarBody>
        </MessageBar>
      </section>
    );
  }
  const reps = bases!.flatMap((b) => b.scored.reps);
  const chosen = reps.find((r) => r.rep === rep) ?? null;
  const chosenBase = bases!.find((b) => chosen !== null && b.scored.reps.includes(chosen)) ?? base;
  const money = moneyStyle(plan.currency ?? ingested.currencyGuess, plan.currencyDecimals);
  return (
    <section className={styles.section} aria-label={t(lang, "ui.section.whatIf")}>
      <Text className={styles.muted}>{t(lang, "whatIf.intro")}</Text>
      {reps.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t(lang, "whatIf.noReps", { period: base.scored.period })}</MessageBarBody>
        </MessageBar>
      )}
      {reps.length > 0 && (
        <Field label={t(lang, "whatIf.rep")}>
          <Dropdown
            value={chosen ? chosen.rep : ""}
            selectedOptions={chosen ? [chosen.rep] : []}
            onOptionSelect={(_, d) => d.optionValue && setRep(d.optionValue)}
          >
            {reps.map((r) => (
              <Option key={r.rep} value={r.rep} text={r.rep}>
                {t(lang, "whatIf.repOption", { rank: r.rank, rep: r.rep })}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {chosen && (
        <RepWhatIf
          // Another rep, another period (its deals' dates would fall outside) or Clear: start from the report again.
          key={`${chosen.rep}\u0000${base.scored.period}\u0000${round}`}
          lang={lang}
          base={chosenBase}
          rep={chosen}
          money={money}
          onClear={() => setRound((n) => n + 1)}
        />
      )}
    </section>
  );
}

interface RepWhatIfProps {
  lang: Lang;
  base: WhatIfBaseline;
  rep: ScoredRep;
  money: MoneyStyle;
  onClear: () => void;
}

/** One rep's changes and their result; remounted (empty) for another rep or period, or after Clear. */
function RepWhatIf({ lang, base, rep, money, onClear }: RepWhatIfProps) {
  const styles = useSectionStyles();
  const own = useStyles();
  const plan = base.plan;
  const { range, period } = base.scored;
  const firstDay = isoDateOfSerial(range.startSerial);
  const lastDay = isoDateOfSerial(range.endSerial);
  const emptyDraft: DraftDeal = { amount: "", date: lastDay, newCustomer: false, customer: "" };
  const [typed, setTyped] = useState<string[]>(() => plan.kpis.map(() => ""));
  const [deals, setDeals] = useState<HypotheticalDeal[]>([]);
  const [draft, setDraft] = useState<DraftDeal>(emptyDraft);

  const units = plan.kpis.map(kpiUnit);
  const reads = typed.map((s, k) => readTyped(s, units[k]));
  const readsField = (field: string) =>
    plan.kpis.some((kpi, k) => kpi.measure.field === field && dealMovesKpi(base, k));
  const askNewCustomer = base.hasNewCustomerColumn && readsField("newCustomer");
  const askCustomer = readsField("customer");
  const dealsMatter = plan.kpis.some((_, k) => dealMovesKpi(base, k));

  const check = (d: DraftDeal): DealCheck => {
    const amount = readTyped(d.amount, "money");
    const serial = serialOfIsoDate(d.date);
    const dateOk = serial !== null && dealInPeriod(base, serial);
    const amountError = amount.kind === "bad" ? t(lang, "whatIf.badNumber", { text: d.amount }) : null;
    const dateError = dateOk ? null : t(lang, "whatIf.dateOutside", { period, from: firstDay, to: lastDay });
    if (amount.kind !== "ok" || !dateOk) return { deal: null, amountError, dateError };
    const customer = d.customer.trim();
    const deal = {
      amount: amount.value.toNumber(),
      dateSerial: serial,
      newCustomer: askNewCustomer && d.newCustomer,
      customer: askCustomer && customer ? customer : null,
    };
    return { deal, amountError, dateError };
  };
  const drafted = check(draft);
  const counted = drafted.deal ? [...deals, drafted.deal] : deals;
  const actuals = reads.map((r) => (r.kind === "ok" ? r.value : null));
  const result = whatIf(base, rep.rep, { actuals, deals: counted })!;

  const addDeal = (e: React.FormEvent) => {
    e.preventDefault();
    if (!drafted.deal) return;
    setDeals([...deals, drafted.deal]);
    setDraft({ ...emptyDraft, date: draft.date });
  };
  const value = (x: Decimal | null, k: number) =>
    x === null ? t(lang, "whatIf.none") : kpiValueText(x, units[k], money);
  const dealText = (d: HypotheticalDeal) =>
    t(lang, d.newCustomer ? "whatIf.dealNew" : "whatIf.deal", {
      date: isoDateOfSerial(d.dateSerial),
      amount: moneyText(dec(d.amount), money),
    });

  return (
    <>
      <ResultTable lang={lang} result={result} money={money} period={period} />
      <NextPoints lang={lang} result={result} base={base} money={money} />
      {dealsMatter && (
        <form className={own.form} onSubmit={addDeal} aria-label={t(lang, "whatIf.deals")}>
          <Text as="h2" size={300} className={own.heading}>
            {t(lang, "whatIf.deals")}
          </Text>
          <Text className={styles.muted}>{t(lang, "whatIf.dealsHint")}</Text>
          {deals.length > 0 && (
            <ul className={own.deals}>
              {deals.map((d, i) => (
                <li key={i} className={own.deal}>
                  <Text>{dealText(d)}</Text>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={t(lang, "whatIf.removeDealLabel", {
                      date: isoDateOfSerial(d.dateSerial),
                      amount: moneyText(dec(d.amount), money),
                    })}
                    onClick={() => setDeals(deals.filter((_, j) => j !== i))}
                  >
                    {t(lang, "whatIf.removeDeal")}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <Field
            label={t(lang, "whatIf.amount")}
            validationState={drafted.amountError ? "error" : "none"}
            validationMessage={drafted.amountError ?? undefined}
          >
            <Input
              className={own.full}
              inputMode="decimal"
              value={draft.amount}
              contentBefore={money.symbol || undefined}
              onChange={(_, d) => setDraft({ ...draft, amount: d.value })}
            />
          </Field>
          <Field
            label={t(lang, "whatIf.date")}
            validationState={drafted.dateError ? "error" : "none"}
            validationMessage={drafted.dateError ?? undefined}
          >
            <Input
              className={own.full}
              type="date"
              min={firstDay}
              max={lastDay}
              value={draft.date}
              onChange={(_, d) => setDraft({ ...draft, date: d.value })}
            />
          </Field>
          {askCustomer && (
            <Field label={t(lang, "whatIf.customer")}>
              <Input
                className={own.full}
                value={draft.customer}
                onChange={(_, d) => setDraft({ ...draft, customer: d.value })}
              />
            </Field>
          )}
          {askNewCustomer && (
            <Checkbox
              label={t(lang, "whatIf.newCustomer")}
              checked={draft.newCustomer}
              onChange={(_, d) => setDraft({ ...draft, newCustomer: d.checked === true })}
            />
          )}
          <div className={styles.row}>
            <Button type="submit" disabled={!drafted.deal}>
              {t(lang, "whatIf.addDeal")}
            </Button>
          </div>
        </form>
      )}
      <Text as="h2" size={300} className={own.heading}>
        {t(lang, "whatIf.actuals")}
      </Text>
      <Text className={styles.muted}>{t(lang, "whatIf.actualsHint")}</Text>
      {rep.active !== undefined && (
        <Text className={styles.muted}>
          {t(lang, "whatIf.prorated", {
            // As the Scorecard's Proration column shows it (0.00%).
            factor: `${rep.proration.times(100).toFixed(2)}%`,
            from: isoDateOfSerial(rep.active.from),
            to: isoDateOfSerial(rep.active.to),
          })}
        </Text>
      )}
      {plan.kpis.map((kpi, k) => {
        const now = rep.kpis[k];
        const hint = now.target
          ? t(lang, "whatIf.kpiNow", { actual: value(now.actual, k), target: value(now.target, k) })
          : t(lang, "whatIf.kpiNoTarget", { actual: value(now.actual, k) });
        const bad = reads[k].kind === "bad";
        return (
          <Field
            key={`${k}:${kpi.name}`}
            label={kpiDisplayName(kpi, lang)}
            hint={hint}
            validationState={bad ? "error" : "none"}
            validationMessage={bad ? t(lang, "whatIf.badNumber", { text: typed[k] }) : undefined}
          >
            <Input
              className={own.full}
              inputMode="decimal"
              value={typed[k]}
              placeholder={now.actual === null ? "" : value(now.actual, k)}
              onChange={(_, d) => setTyped(typed.map((s, i) => (i === k ? d.value : s)))}
            />
          </Field>
        );
      })}
      <div className={styles.row}>
        <Button onClick={onClear}>{t(lang, "whatIf.clear")}</Button>
      </div>
    </>
  );
}
