/** Step 2 (docs/reference/plan.md): the Plan sheet's rules (or a button to create it), the scored period, plan errors by cell. */
import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
} from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";
import { kpiDisplayName } from "../../plan";
import { plansOf } from "../../plan/plans";
import { planProblems, type PlanInfo } from "../pipeline";
import { useSectionStyles } from "./styles";

export interface PlanSectionProps {
  lang: Lang;
  plan: PlanInfo;
  periods: string[];
  period: string | null;
  busy: boolean;
  onPeriod: (key: string) => void;
  onCreatePlan: () => void;
}

function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

export function PlanSection({ lang, plan, periods, period, busy, onPeriod, onCreatePlan }: PlanSectionProps) {
  const styles = useSectionStyles();
  const problems = planProblems(plan, lang);
  return (
    <section className={styles.section} aria-label={t(lang, "ui.section.plan")}>
      {plan.sheetName === null && plan.errors.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t(lang, "ui.plan.missing")}</MessageBarBody>
        </MessageBar>
      )}
      {plan.sheetName === null && (
        <div className={styles.row}>
          <Button appearance="secondary" disabled={busy} onClick={onCreatePlan}>
            {t(lang, "ui.plan.create")}
          </Button>
        </div>
      )}
      {problems && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{problems.title}</MessageBarTitle>
            <ul className={styles.list}>
              {problems.lines.map((line, i) => (
                <li key={`${i}:${line}`}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {plan.plan && (
        <Field label={plan.sheetName ? t(lang, "ui.plan.fromSheet", { sheet: plan.sheetName }) : undefined}>
          <Text className={styles.muted}>
            {t(lang, "ui.plan.period", { kind: t(lang, `ui.periodKind.${plan.plan.period}`) })}
          </Text>
          {/* Several plans (docs/reference/plan.md "A plan per role or team"): each under its name. */}
          {plansOf(plan.plan).map((p, pi, all) => (
            <React.Fragment key={`${pi}:${p.name ?? ""}`}>
              {all.length > 1 && <Text weight="semibold">{t(lang, "plans.section", { plan: p.name ?? "" })}</Text>}
              <ul className={styles.list}>
                {p.kpis.map((k, i) => (
                  <li key={`${i}:${k.name}`}>
                    <Text>
                      {t(lang, "ui.plan.kpi", {
                        name: kpiDisplayName(k, lang),
                        weight: percent(k.weight),
                        group: t(lang, `ui.group.${k.group}`),
                      })}
                    </Text>
                  </li>
                ))}
              </ul>
            </React.Fragment>
          ))}
        </Field>
      )}
      <Field label={t(lang, "ui.period.label")}>
        <Dropdown
          disabled={periods.length === 0}
          value={period ?? t(lang, "ui.period.none")}
          selectedOptions={period ? [period] : []}
          onOptionSelect={(_, data) => data.optionValue && onPeriod(data.optionValue)}
        >
          {[...periods].reverse().map((p) => (
            <Option key={p} value={p}>
              {p}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </section>
  );
}
