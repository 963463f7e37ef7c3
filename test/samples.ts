import * as path from "path";

/** The sample workbooks shipped with the repository (samples/ at its root). */
export const SAMPLES = path.resolve(__dirname, "../samples");
