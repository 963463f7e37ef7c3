/**
 * Several plans in one workbook (docs/reference/plan.md "A plan per role or team"): the Plan sheet's "Plan name" row,
 * the Plan column of the Targets sheet, their errors, and the report's section titles.
 */
export const plansMessages = {
  en: {
    planLabelPlanName: "Plan name",
    planHintPlanName:
      "the reps on this plan are named in the Plan column of the Targets or Teams sheet; a rep named on none takes the first plan",
    planHintMorePlans: "a further plan: its own KPIs, bonus and ranking; the period and currency are the first plan's",
    planNameMissing: "the sheet holds several plans: each needs a plan name",
    planNameDuplicate: 'two plans are named "{name}" (cell {first})',
    planSettingOnFirstPlan: '"{label}" is set once, on the first plan: the plans share it',
    planUnknownPlan: '"{plan}" is not a plan of the Plan sheet ({allowed})',
    planRepTwoPlans: "{rep} is already on plan {plan} (cell {first})",
    planJsonNameMissing: "the plan holds several plans: each needs a name",
    planJsonNameDuplicate: 'two plans are named "{name}"',
    "plans.section": "Plan: {plan}",
    "plans.bonusTotal": "Total, {plan}",
    "plans.chartRepScore": "Score by rep, {plan}, {period}",
    "plans.chartTeamScore": "Average score by team, {plan}, {period}",
  },
  zh: {
    planLabelPlanName: "方案名称",
    planHintPlanName: "适用本方案的销售员在目标表或团队表的“方案”列中指定；未指定的销售员适用第一个方案",
    planHintMorePlans: "另一个考核方案：指标、奖金和排名各自设置；考核周期和币种沿用第一个方案",
    planNameMissing: "本表包含多个考核方案，每个方案都要填写方案名称",
    planNameDuplicate: "有两个方案都叫“{name}”（单元格 {first}）",
    planSettingOnFirstPlan: "“{label}”只在第一个方案中设置，各方案共用",
    planUnknownPlan: "“{plan}”不是考核方案表中的方案（{allowed}）",
    planRepTwoPlans: "{rep} 已指定方案 {plan}（单元格 {first}）",
    planJsonNameMissing: "包含多个考核方案时，每个方案都要填写 name",
    planJsonNameDuplicate: "有两个方案都叫“{name}”",
    "plans.section": "考核方案：{plan}",
    "plans.bonusTotal": "合计（{plan}）",
    "plans.chartRepScore": "销售员综合得分（{plan}，{period}）",
    "plans.chartTeamScore": "团队平均得分（{plan}，{period}）",
  },
};
