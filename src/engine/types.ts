/**
 * Shared engine types: errors as values (docs/reference/functions.md — "bad input returns an Excel
 * error with a message that names the argument"). Only src/functions turns an
 * EngineError into a CustomFunctions.Error; only src/cli picks exit codes.
 */

/** Excel error kinds the engine can return. */
export type ErrorCode = "VALUE" | "DIV0" | "NA" | "NUM";

export interface EngineError {
  readonly kind: "error";
  readonly code: ErrorCode;
  /** The argument at fault, as the user sees it: "target", "tiers", "weights". */
  readonly arg: string;
  /** Key into the message catalogue in src/i18n (e.g. "targetMustBePositive"). */
  readonly messageKey: string;
  /** Values interpolated into the message ({row}, {sum} …). */
  readonly params?: Readonly<Record<string, string | number>>;
}

export function engineError(
  code: ErrorCode,
  arg: string,
  messageKey: string,
  params?: Record<string, string | number>,
): EngineError {
  return { kind: "error", code, arg, messageKey, params };
}

export function isEngineError(x: unknown): x is EngineError {
  return typeof x === "object" && x !== null && (x as EngineError).kind === "error";
}

export type TierMode = "marginal" | "retroactive";
export type RankOrder = 0 | 1;
export type RankMethod = "competition" | "dense" | "average";
