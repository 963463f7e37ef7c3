/**
 * Task pane entry (TPR src/taskpane/index.tsx): renders the App inside FluentProvider
 * once Office.onReady says where we are; outside Excel (host null) a friendly note instead.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { langFromLocale, type Lang } from "../i18n";
import { officeExcelOps } from "../render/office/excelOps";
import { App } from "./components/App";
import { NotInExcel } from "./components/NotInExcel";

function displayLanguage(): Lang {
  try {
    return langFromLocale(Office.context?.displayLanguage ?? navigator.language);
  } catch {
    return langFromLocale(navigator.language); // outside Office, Office.context may not be usable
  }
}

function mount(node: React.ReactNode): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

if (typeof Office === "undefined") {
  // office.js did not load (offline, blocked): say what the pane needs instead of a blank page.
  mount(<NotInExcel lang={langFromLocale(navigator.language)} />);
} else {
  void Office.onReady().then((info) => {
    const lang = displayLanguage();
    if (info.host === Office.HostType.Excel) mount(<App excel={officeExcelOps} initialLang={lang} />);
    else mount(<NotInExcel lang={lang} />);
  });
}
