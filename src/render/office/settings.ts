/** Workbook setting holding the JSON list of tab names the add-in made (read at every start, written by renderReport). */
export const TABS_SETTING = "salesperf.tabs";
