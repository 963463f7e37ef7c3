/**
 * Team leaders (docs/reference/leaders.md): the Teams / 团队 sheet, the Leaders / 团队负责人 tab and their Data issues,
 * English and Simplified Chinese.
 */
import type { Catalogue } from "../index";

export const teamsMessages: Catalogue = {
  en: {
    teamsSheetName: "Teams",
    "sheet.leaders": "Leaders",

    // Data issues from reading the Teams sheet; {cell} is "Teams!B3".
    teamsNoHeader: 'The "{sheet}" sheet has no header row with Team and Leader columns: no leader is scored',
    teamsTeamBlank: "{cell}: the team is blank; the row is not read",
    teamsDuplicate: "{cell}: {team} is already listed at {first}; this row is not read",
    teamsLeaderBlank:
      "{cell}: {team} has no leader; its reps still count in its parent team, no leader is scored on it",
    teamsUnknownParent: '{cell}: the parent team "{parent}" is not on the sheet; {team} is read as a top team',
    teamsParentCycle: '{cell}: the parent team "{parent}" closes a cycle ({cycle}); this parent is ignored',
    // Data issues from scoring the leaders.
    leadersTeamNoReps: "{cell}: {team} and its sub-teams have no rep scored in {period}; {leader} is not scored",
    leadersLeaderIsRep:
      "{cell}: {leader} also sells: scored as a rep on their own sales, and as the leader of {team} on the team's totals",
    leadersTeamNotListed: '{team} (sales sheet) is not on the "{sheet}" sheet: its reps count for no leader',

    // The Leaders tab.
    "leaders.hdr.leader": "Leader",
    "leaders.hdr.team": "Team",
    "leaders.hdr.parent": "Parent team",
    "leaders.hdr.reps": "Reps",
    "leaders.note":
      "Each leader is scored on the team's totals, sub-teams included: a deal counts once however many of the team's reps share it, so the actuals are values (the Scorecard shows each rep's share). Targets are the sums of the members' targets on the Scorecard; attainment, score and bonus follow the Plan tab.",
  },
  zh: {
    teamsSheetName: "团队",
    "sheet.leaders": "团队负责人",

    teamsNoHeader: "“{sheet}”工作表中没有含“团队”和“负责人”列的表头行，未对团队负责人评分",
    teamsTeamBlank: "{cell}：团队为空，此行未读取",
    teamsDuplicate: "{cell}：“{team}”已在 {first} 列出，此行未读取",
    teamsLeaderBlank: "{cell}：“{team}”未填负责人；其销售员仍计入上级团队，不对负责人评分",
    teamsUnknownParent: "{cell}：上级团队“{parent}”不在本表中，“{team}”按顶级团队计",
    teamsParentCycle: "{cell}：上级团队“{parent}”形成循环（{cycle}），已忽略此上级团队",
    leadersTeamNoReps: "{cell}：“{team}”及其下级团队在 {period} 内无参与评分的销售员，不对{leader}评分",
    leadersLeaderIsRep: "{cell}：{leader}本人也有销售：按本人销售作为销售员评分，并按团队合计作为“{team}”的负责人评分",
    leadersTeamNotListed: "“{team}”（销售明细中的团队）不在“{sheet}”工作表中，其销售员不计入任何团队负责人",

    "leaders.hdr.leader": "负责人",
    "leaders.hdr.team": "团队",
    "leaders.hdr.parent": "上级团队",
    "leaders.hdr.reps": "销售员人数",
    "leaders.note":
      "每位负责人按团队合计评分（含下级团队）：同一笔订单无论由团队中几位销售员分成，只计一次，因此实际值填的是数值而非公式（绩效评分工作表上是每人分得的部分）。目标为绩效评分工作表中团队成员目标之和；达成率、综合得分和奖金随考核方案重新计算。",
  },
};
