/**
 * Runs async steps one after another as a promise chain. Each step queues its Office.js
 * operations and syncs once, so the batches stay under Excel's 5 MB request limit without a
 * `context.sync()` inside a loop statement (eslint-plugin-office-addins no-context-sync-in-loop).
 */
export function runSteps(steps: readonly (() => Promise<void>)[]): Promise<void> {
  return steps.reduce<Promise<void>>((previous, step) => previous.then(step), Promise.resolve());
}
