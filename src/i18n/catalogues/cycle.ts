/**
 * The pay cycle across periods (docs/reference/tabs.md Trends and Coaching, plan.md "Streak rule"): scores, ranks and
 * statuses over the closed periods, the review streak, the prior period's actuals that growth targets refer to, and
 * the follow-up of the last closed period's Coaching reps.
 */
import type { Catalogue } from "../index";

export const cycleMessages: Catalogue = {
  en: {
    planSectionStreak: "Review streak",
    planHintStreak:
      "A period meets the rule when the KPI's growth over the period before, or its attainment, is at least the value below. The Trends tab shows each rep's run of consecutive periods that meet it, ending with the scored period. Clear the three values to drop the rule.",
    planStreakKpi: "Streak KPI",
    planStreakOf: "Streak on",
    planStreakAtLeast: "Streak at least",
    planStreakGrowthTooLow: "{field} must be greater than -100% (a growth rate)",

    "cycle.prior.title": "Actuals of the prior period {prior}",
    "cycle.prior.note": "Growth targets on the Scorecard are these actuals × (1 + the Plan tab's growth).",
    "cycle.scores.title": "Score by period",
    "cycle.ranks.title": "Rank by period",
    "cycle.statuses.title": "Status by period",
    "cycle.note":
      "Closed periods as the Pay history records them (values); {period} from the Scorecard (formulas). A blank cell: the rep was not scored that period, or the period was not closed.",
    "cycle.chart.scores": "Score by period",
    "cycle.chart.scoresTop": "Score by period: the top {n} reps",
    "cycle.streak.title": "Streak: {kpi} {of} at least {atLeast}",
    "cycle.streak.note":
      "A period counts when its value is at least the Plan tab's {cell}. The streak counts the periods in a row that do, back from {period}: a period below it, without a value or not closed ends the run.",
    "cycle.streak.hdr": "Streak (periods)",

    "coach.followUp.title": "Follow-up: Coaching reps of {period}",
    "coach.followUp.note": "Each rep marked Coaching when {period} was closed, and the change in score since.",
    "coach.followUp.none": "No rep was marked Coaching in {period}.",
    "coach.followUp.hdr.score": "Score {period}",
    "coach.followUp.hdr.rank": "Rank {period}",
    "coach.followUp.hdr.status": "Status {period}",
    "coach.followUp.hdr.change": "Change in score",
    "coach.followUp.notScored": "Not scored in {period}",
  },
  zh: {
    planSectionStreak: "连续达标",
    planHintStreak:
      "某考核期指标的环比增长（或达成率）不低于下方数值，即为该期达标。“趋势”工作表列出每名销售员截至本考核期连续达标的期数。清空下方三格即取消此规则。",
    planStreakKpi: "达标指标",
    planStreakOf: "达标口径",
    planStreakAtLeast: "达标线",
    planStreakGrowthTooLow: "{field}必须大于 -100%（环比增长）",

    "cycle.prior.title": "上一考核期（{prior}）实际值",
    "cycle.prior.note": "绩效评分工作表中的增长目标 = 此处实际值 ×（1 + 考核方案中的增长率）。",
    "cycle.scores.title": "各考核期综合得分",
    "cycle.ranks.title": "各考核期排名",
    "cycle.statuses.title": "各考核期状态",
    "cycle.note":
      "已关闭的考核期取自历史记录（数值）；{period} 取自绩效评分工作表（公式）。空白表示该销售员当期未参与评分，或该考核期尚未关闭。",
    "cycle.chart.scores": "各考核期综合得分",
    "cycle.chart.scoresTop": "各考核期综合得分：排名前 {n} 的销售员",
    "cycle.streak.title": "连续达标：{kpi}{of}不低于 {atLeast}",
    "cycle.streak.note":
      "数值不低于考核方案中达标线（{cell}）的考核期计为达标。从 {period} 往前数连续达标的期数；遇到未达标、无数值或尚未关闭的考核期即止。",
    "cycle.streak.hdr": "连续达标期数",

    "coach.followUp.title": "辅导跟进：{period} 待辅导的销售员",
    "coach.followUp.note": "{period} 关闭时标为待辅导的销售员，以及此后综合得分的变化。",
    "coach.followUp.none": "{period} 没有待辅导的销售员。",
    "coach.followUp.hdr.score": "{period} 综合得分",
    "coach.followUp.hdr.rank": "{period} 排名",
    "coach.followUp.hdr.status": "{period} 状态",
    "coach.followUp.hdr.change": "综合得分变化",
    "coach.followUp.notScored": "{period} 未参与评分",
  },
};
