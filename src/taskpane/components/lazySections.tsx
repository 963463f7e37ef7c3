/**
 * The Share and What-if tabs as their own webpack chunks, "share" and "whatif" (docs/reference/tabs.md "What the pane
 * loads when"): their components and what only they use (Fluent's Table, Accordion, Input and Checkbox, the what-if
 * engine, Prepare for sharing) stay out of taskpane.js, so the pane shows its Data step sooner. App preloads both as
 * soon as the data is shown, so by the time the user opens either tab it is normally there; until then the tab shows
 * a spinner, and a chunk that could not be loaded is said in one line with a Try again button.
 */
import * as React from "react";
import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";
import { partLoadFailed } from "../../render/office/tabWriter";
import type { ShareSectionProps } from "./ShareSection";
import type { WhatIfSectionProps } from "./WhatIfSection";

interface LazySection<P> {
  Section: (props: P) => React.ReactElement;
  /** Starts loading (once; again after a failure); resolves when the component is there. */
  preload: () => Promise<unknown>;
}

function lazySection<P extends { lang: Lang }>(load: () => Promise<React.ComponentType<P>>): LazySection<P> {
  let loaded: React.ComponentType<P> | null = null;
  let pending: Promise<React.ComponentType<P>> | null = null;
  const preload = (): Promise<React.ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (e: unknown) => {
        pending = null; // a later Try again loads it afresh
        throw e;
      },
    ));

  function Section(props: P): React.ReactElement {
    const [failure, setFailure] = useState<string | null>(null);
    const [, setArrived] = useState(0);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setArrived((n) => n + 1),
        (e: unknown) => live && setFailure(t(props.lang, "partLoadFailed", partLoadFailed(e).params)),
      );
      return () => {
        live = false;
      };
    }, [attempt]); // once per attempt, whatever the props
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (failure) {
      return (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                setFailure(null);
                setAttempt((n) => n + 1);
              }}
            >
              {t(props.lang, "bundle.retry")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    return <Spinner size="small" label={t(props.lang, "bundle.sectionLoading")} />;
  }
  return { Section, preload };
}

const share = lazySection<ShareSectionProps>(() =>
  import(/* webpackChunkName: "share" */ "./ShareSection").then((m) => m.ShareSection),
);
const whatIf = lazySection<WhatIfSectionProps>(() =>
  import(/* webpackChunkName: "whatif" */ "./WhatIfSection").then((m) => m.WhatIfSection),
);

export const LazyShareSection = share.Section;
export const LazyWhatIfSection = whatIf.Section;

/** Loads both tabs in the background (App calls it once the data is shown); a failure is shown when a tab is opened. */
export function preloadSections(): void {
  share.preload().catch(() => undefined);
  whatIf.preload().catch(() => undefined);
}
