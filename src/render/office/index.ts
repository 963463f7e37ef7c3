/** The Office.js layer (SPEC §3.4): all workbook reads and writes of the task pane. */
export * from "./errors";
export * from "./requirements";
export * from "./readWorkbook";
export * from "./renderReport";
export * from "./excelOps";
export * from "./prepareForSharing";
export { runSteps } from "./steps";
