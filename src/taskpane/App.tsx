/**
 * The task pane: a year picker, then four tabs — Check (counts, the issues
 * grouped and filterable, a click selects the cell), Fix (preview, apply,
 * undo), Summary (build the sheet, ask before replacing an edited one) and
 * Detection (say which sheet is which kind). No domain logic here: it calls
 * the shared Session (src/app/session.ts) through the runtime, which the
 * ribbon commands share. Cell contents are only ever rendered as text.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Tab,
  TabList,
  webLightTheme,
} from "@fluentui/react-components";
import type { CheckView } from "../app/session";
import {
  BusyError,
  Notice,
  Task,
  busyTask,
  clearConfirm,
  commandStrings,
  currentNotice,
  dismissNotice,
  emit,
  errorReason,
  getSession,
  onChange,
  pendingConfirm,
  runExclusive,
} from "../app/runtime";
import { strings } from "../i18n";
import { PaneContext, PaneContextValue } from "./context";
import { CheckPanel } from "./CheckPanel";
import { FixPanel } from "./FixPanel";
import { BuildOutcome, SummaryPanel } from "./SummaryPanel";
import { DetectPanel } from "./DetectPanel";
import { useStyles } from "./styles";

type TabId = "check" | "fix" | "summary" | "detect";
const TABS: TabId[] = ["check", "fix", "summary", "detect"];

interface ConfirmState {
  sheet: string;
  backup: string;
  answer: (ok: boolean) => void;
}

export function App({ lang }: { lang: "vi" | "en" }) {
  return (
    <FluentProvider theme={webLightTheme} dir="ltr">
      <Pane lang={lang} />
    </FluentProvider>
  );
}

function Pane({ lang }: { lang: "vi" | "en" }) {
  const styles = useStyles();
  const s = strings(lang);
  const t = s.pane;
  const session = getSession();

  const [view, setView] = useState<CheckView | null>(() =>
    session.analysis ? session.view(session.analysis) : null
  );
  const [busy, setBusy] = useState<Task | null>(() => busyTask());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  /** The live region's text; `shown` false when the result is on screen already (a check). */
  const [status, setStatusState] = useState({ text: "", shown: true });
  const setStatus = useCallback(
    (text: string, shown = true) => setStatusState({ text, shown }),
    []
  );
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(() => currentNotice());
  const [tab, setTab] = useState<TabId>("check");
  const [built, setBuilt] = useState<BuildOutcome | null>(null);
  const [confirm, setConfirm] = useState<ConfirmState | null>(null);

  const checkedText = useCallback(
    (v: CheckView) =>
      t.checked({
        year: v.year,
        errors: v.total.error,
        warnings: v.total.warning,
        infos: v.total.info,
      }),
    [t]
  );

  const fail = useCallback(
    (e: unknown) => {
      const message = e instanceof BusyError ? commandStrings(lang).busy() : errorReason(e, lang);
      if (!(e instanceof BusyError)) console.error("htx-report:", e);
      setError(message);
      setStatus("");
    },
    [lang, setStatus]
  );

  const run = useCallback(
    async <T,>(task: Task, working: string, fn: () => Promise<T>): Promise<T | undefined> => {
      setError(null);
      setStatus(working);
      try {
        return await runExclusive(task, fn);
      } catch (e) {
        fail(e);
        return undefined;
      }
    },
    [fail, setStatus]
  );

  /** Ask before an edited summary sheet is replaced (the Dialog below answers). */
  const ask = useCallback(
    (sheet: string, backup: string) =>
      new Promise<boolean>((resolve) => {
        setConfirm({
          sheet,
          backup,
          answer: (ok) => {
            setConfirm(null);
            resolve(ok);
          },
        });
      }),
    []
  );

  /** Build the summary sheet; `confirm` is asked before an edited one is replaced. */
  const build = useCallback(
    async (confirmReplace: (sheet: string, backup: string) => Promise<boolean>) => {
      setBuilt(null);
      // The session checks the data afresh before it builds; the pane shows that check.
      const r = await run("build", t.building, () => session.buildSummary(confirmReplace));
      if (!r) return null;
      setView(r.view);
      emit({ type: "checked", origin: "pane", view: r.view });
      const year = r.view.year;
      const outcome: BuildOutcome = {
        sheet: r.sheet,
        backup: r.backup,
        replaced: r.replaced,
        written: r.written,
      };
      setBuilt(outcome);
      if (r.written) {
        emit({
          type: "built",
          origin: "pane",
          sheet: r.sheet,
          backup: r.backup,
          replaced: r.replaced,
          year,
        });
        setStatus(
          (r.replaced ? t.rebuilt({ sheet: r.sheet }) : t.built({ sheet: r.sheet })) +
            (r.backup ? " " + t.backupKept({ backup: r.backup }) : "")
        );
      } else {
        clearConfirm();
        setStatus(t.notReplaced({ sheet: r.sheet }));
      }
      return outcome;
    },
    [run, session, t, setStatus]
  );

  /** The ribbon left an edited summary sheet unreplaced: ask here. */
  const askForRibbon = useCallback(
    (sheet: string, backup: string) => {
      setTab("summary");
      setConfirm({
        sheet,
        backup,
        answer: (ok) => {
          setConfirm(null);
          clearConfirm();
          if (ok) void build(async () => true);
          else setStatus(t.notReplaced({ sheet }));
        },
      });
    },
    [build, t, setStatus]
  );

  useEffect(() => {
    const pending = pendingConfirm();
    if (pending) askForRibbon(pending.sheet, pending.backup);
    return onChange((e) => {
      switch (e.type) {
        case "busy":
          setBusy(e.task);
          if (!e.task) setProgress(null);
          break;
        case "progress":
          setProgress({ done: e.done, total: e.total });
          break;
        case "checked":
          setView(e.view);
          if (e.origin === "ribbon") {
            setTab("check");
            setError(null);
            setStatus(checkedText(e.view), false);
          }
          break;
        case "built":
          if (e.origin === "ribbon") {
            setBuilt({ sheet: e.sheet, backup: e.backup, replaced: e.replaced, written: true });
          }
          break;
        case "confirmReplace":
          if (e.origin === "ribbon") askForRibbon(e.sheet, e.backup);
          break;
        case "notice":
          setNotice(e.notice);
          break;
      }
    });
  }, [askForRibbon, checkedText, setStatus]);

  const ctx: PaneContextValue = useMemo(
    () => ({
      lang,
      s,
      t,
      session,
      busy,
      run,
      fail,
      announce: (text: string) => {
        setError(null);
        setStatus(text);
      },
    }),
    [lang, s, t, session, busy, run, fail, setStatus]
  );

  const check = useCallback(
    async (year?: number): Promise<CheckView | undefined> => {
      const v = await run("check", t.checking, () => session.check(year));
      if (!v) return undefined;
      setView(v);
      emit({ type: "checked", origin: "pane", view: v });
      setStatus(checkedText(v), false);
      return v;
    },
    [run, session, t, checkedText, setStatus]
  );

  const years = view ? [...new Set([...view.years, view.year])].sort((a, b) => b - a) : [];

  return (
    <PaneContext.Provider value={ctx}>
      <main className={styles.root} aria-labelledby="htx-title">
        <header className={styles.header}>
          <h1 id="htx-title" className={styles.title}>
            {t.title}
          </h1>
        </header>

        <Field label={t.year} hint={t.yearHint} orientation="horizontal">
          <Select
            id="htx-year"
            className={styles.full}
            value={view ? String(view.year) : ""}
            disabled={!view}
            onChange={(_, d) => void check(Number(d.value))}
          >
            {view ? (
              years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))
            ) : (
              <option value="">—</option>
            )}
          </Select>
        </Field>

        {notice && (
          <MessageBar intent={notice.kind} layout="multiline" data-testid="notice">
            <MessageBarBody>{notice.text}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => dismissNotice()}>
                {t.dismiss}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        {error && (
          <MessageBar intent="error" layout="multiline" role="alert" data-testid="error">
            <MessageBarBody>{error}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setError(null)}>
                {t.dismiss}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        <div className={styles.status}>
          {busy && <Spinner size="tiny" aria-hidden="true" />}
          <p
            role="status"
            aria-live="polite"
            aria-label={t.statusLabel}
            data-testid="status"
            className={status.shown || busy ? styles.para : styles.srOnly}
          >
            {status.text || (busy ? t.working : "")}
          </p>
        </div>
        {busy && progress && progress.total > 0 && (
          <ProgressBar
            value={Math.min(1, progress.done / progress.total)}
            aria-label={t.progress(progress)}
          />
        )}

        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabId)}
        >
          {TABS.map((id) => (
            <Tab
              key={id}
              id={`htx-tab-${id}`}
              className={styles.tab}
              value={id}
              aria-controls={`htx-panel-${id}`}
            >
              {t.tabs[id]}
            </Tab>
          ))}
        </TabList>

        <TabPanel id="check" label={t.tabs.check} shown={tab}>
          <CheckPanel view={view} onCheck={() => check()} />
        </TabPanel>
        <TabPanel id="fix" label={t.tabs.fix} shown={tab}>
          <FixPanel view={view} setView={setView} />
        </TabPanel>
        <TabPanel id="summary" label={t.tabs.summary} shown={tab}>
          <SummaryPanel view={view} setView={setView} built={built} onBuild={() => build(ask)} />
        </TabPanel>
        <TabPanel id="detect" label={t.tabs.detect} shown={tab}>
          <DetectPanel view={view} setView={setView} />
        </TabPanel>

        <Dialog
          open={confirm !== null}
          modalType="alert"
          onOpenChange={(_, d) => {
            if (!d.open) confirm?.answer(false);
          }}
        >
          <DialogSurface aria-describedby="htx-confirm-body">
            <DialogBody>
              <DialogTitle>{t.confirmTitle}</DialogTitle>
              <DialogContent id="htx-confirm-body">
                {confirm ? t.confirmBody({ sheet: confirm.sheet, backup: confirm.backup }) : ""}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => confirm?.answer(true)}>
                  {t.confirmReplace}
                </Button>
                <Button onClick={() => confirm?.answer(false)}>{t.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </main>
    </PaneContext.Provider>
  );
}

/** One tab's panel: present for screen readers, hidden unless its tab is chosen. */
function TabPanel(props: { id: string; label: string; shown: string; children: ReactNode }) {
  return (
    <section
      role="tabpanel"
      id={`htx-panel-${props.id}`}
      aria-label={props.label}
      hidden={props.shown !== props.id}
    >
      {props.children}
    </section>
  );
}
