/**
 * The plan fingerprint (docs/reference/history.md): SHA-256 of the normalised plan, so a closed period can say whether
 * it was paid under the same rules as today's report. Normalised: keys in code-point order, no undefined members, and
 * without the scored period (the same rules scoring another period are the same plan).
 */
import type { Plan } from "../plan/types";
import { sha256Hex } from "./sha256";

/** JSON with object keys sorted, undefined members left out: the same plan gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The plan's rules as canonical JSON, without the scored period. */
export function normalisedPlan(plan: Plan): string {
  return canonicalJson({ ...plan, scoredPeriod: null });
}

/** Fingerprint of the plan: 64 hex digits. */
export function planFingerprint(plan: Plan): string {
  return sha256Hex(normalisedPlan(plan));
}

/** The first 12 hex digits, as the History tab and the messages show a fingerprint. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, 12);
}
