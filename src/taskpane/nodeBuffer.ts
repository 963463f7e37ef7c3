/**
 * Gives the lazily loaded statements chunk a global `Buffer` (docs/reference/statements.md statements in the pane): writeReportXlsx
 * asks jszip for a "nodebuffer", and jszip decides when it is first evaluated whether that type exists
 * (`typeof Buffer`). Webpack 5 no longer provides Node globals, so this module must be evaluated before jszip.
 */
import { Buffer as BufferPolyfill } from "buffer";

const g = globalThis as { Buffer?: unknown };
if (typeof g.Buffer === "undefined") g.Buffer = BufferPolyfill;

export {};
