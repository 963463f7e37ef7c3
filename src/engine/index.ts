/**
 * The engine's public surface (docs/reference/numbers.md, functions.md): exact decimal maths, errors as values. Layers above
 * import from here; the engine itself imports only decimal.js.
 */
export * from "./types";
export * from "./decimal";
export * from "./attainment";
export * from "./tiers";
export * from "./curve";
export * from "./bonus";
export * from "./score";
export * from "./growth";
export * from "./prorate";
export * from "./rank";
export * from "./fast";
export * from "./period";
export * from "./aggregate";
export * from "./coaching";
export * from "./team";
export * from "./payouts";
