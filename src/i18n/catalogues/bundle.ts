/**
 * The pane's lazily loaded parts (docs/reference/tabs.md "What the pane loads when"): the report builder and the tab
 * writer arrive with `import()` on first use, the Share and What-if tabs right after the pane has shown its data, all
 * from the add-in's own site; when that fails (offline, blocked) the user is told in one line, and nothing was written.
 */
import type { Catalogue } from "../index";

export const bundleMessages: Catalogue = {
  en: {
    partLoadFailed:
      "Part of the add-in could not be loaded from its site ({detail}). Check the network connection and try again. Nothing in the workbook was changed.",
    "bundle.sectionLoading": "Loading…",
    "bundle.retry": "Try again",
  },
  zh: {
    partLoadFailed: "无法从加载项所在网站加载所需的程序部分（{detail}）。请检查网络连接后重试。工作簿未作任何更改。",
    "bundle.sectionLoading": "正在加载…",
    "bundle.retry": "重试",
  },
};
