/** The Office.js layer (docs/reference/tabs.md): all workbook reads and writes of the task pane. */
export * from "./errors";
export * from "./requirements";
export * from "./readWorkbook";
export * from "./renderReport";
export * from "./excelOps";
export * from "./prepareForSharing";
export * from "./journal";
export * from "./recovery";
export { runSteps } from "./steps";
