/**
 * The What-if tab's result (docs/reference/whatif.md): the rep's score, rank, status and bonus now and with the change,
 * announced politely to screen readers as they change, then the payout points ahead with what each KPI alone needs.
 */
import * as React from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";
import { kpiDisplayName } from "../../plan";
import { pctText } from "../../report/bonusText";
import { statusText } from "../../report/formulas";
import type { ScoredRep } from "../../report/score";
import { kpiUnit, type PayoutPoint, type WhatIfBaseline, type WhatIfResult } from "../../report/whatIf";
import { changeText, moneyText, type MoneyStyle } from "../whatIfText";
import { useSectionStyles } from "./styles";

const useStyles = makeStyles({
  table: { tableLayout: "fixed", width: "100%" },
  label: { width: "30%" },
  changed: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  heading: { fontWeight: tokens.fontWeightSemibold },
  point: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

interface ResultTableProps {
  lang: Lang;
  result: WhatIfResult;
  money: MoneyStyle;
  period: string;
}

export function ResultTable({ lang, result, money, period }: ResultTableProps) {
  const own = useStyles();
  const { before, after, reps } = result;
  const status = (r: ScoredRep) => statusText(lang, r.status) || t(lang, "whatIf.statusNone");
  const rows: [string, (r: ScoredRep) => string][] = [
    [t(lang, "whatIf.score"), (r) => pctText(r.score)],
    [t(lang, "whatIf.rank"), (r) => t(lang, "whatIf.rankOf", { rank: r.rank, reps })],
    [t(lang, "whatIf.status"), status],
    [t(lang, "whatIf.bonus"), (r) => moneyText(r.payout, money)],
  ];
  const caption = t(lang, "whatIf.result", { period });
  return (
    <div aria-live="polite">
      <Table size="extra-small" className={own.table} aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={own.label}>{caption}</TableHeaderCell>
            <TableHeaderCell>{t(lang, "whatIf.now")}</TableHeaderCell>
            <TableHeaderCell>{t(lang, "whatIf.after")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([label, show]) => {
            const now = show(before);
            const then = show(after);
            return (
              <TableRow key={label}>
                <TableCell>{label}</TableCell>
                <TableCell>{now}</TableCell>
                <TableCell className={now === then ? undefined : own.changed}>{then}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

interface NextPointsProps {
  lang: Lang;
  result: WhatIfResult;
  base: WhatIfBaseline;
  money: MoneyStyle;
}

function pointTitle(lang: Lang, p: PayoutPoint, money: MoneyStyle): string {
  const score = pctText(p.score);
  if (p.kind === "top" || p.kind === "leave") return t(lang, `whatIf.point.${p.kind}`, { rival: p.rival ?? "", score });
  const payout = p.payout === null ? "" : moneyText(p.payout, money);
  return t(lang, `whatIf.point.${p.kind}`, { score, payout });
}

export function NextPoints({ lang, result, base, money }: NextPointsProps) {
  const styles = useSectionStyles();
  const own = useStyles();
  const kpis = base.plan.kpis;
  return (
    <div className={own.point}>
      <Text as="h2" size={300} className={own.heading}>
        {t(lang, "whatIf.next")}
      </Text>
      {result.next.length === 0 && <Text className={styles.muted}>{t(lang, "whatIf.nextNone")}</Text>}
      {result.next.map((p) => {
        const changes = p.changes.flatMap((c, k) =>
          c === null
            ? []
            : [
                t(lang, "whatIf.change", {
                  kpi: kpiDisplayName(kpis[k], lang),
                  change: changeText(c, kpiUnit(kpis[k]), money),
                }),
              ],
        );
        return (
          <div key={p.kind} className={own.point}>
            <Text>{pointTitle(lang, p, money)}</Text>
            {changes.length > 0 ? (
              <ul className={styles.list}>
                {changes.map((line) => (
                  <li key={line}>
                    <Text>{line}</Text>
                  </li>
                ))}
              </ul>
            ) : (
              <Text className={styles.muted}>{t(lang, "whatIf.changeNone")}</Text>
            )}
          </div>
        );
      })}
    </div>
  );
}
