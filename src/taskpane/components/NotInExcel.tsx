/** Shown when the page is opened outside Excel (Office.onReady reports no host). */
import * as React from "react";
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM },
});

export interface NotInExcelProps {
  lang: Lang;
}

export function NotInExcel({ lang }: NotInExcelProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t(lang, "ui.notInExcel")}</MessageBarBody>
      </MessageBar>
    </div>
  );
}
