/**
 * What every part of the pane shares: the words in the UI language, the
 * session, and `run` — one task at a time through the runtime (the ribbon
 * shares the lock), with the outcome announced in the live region.
 */
import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { RefObject } from "react";
import type { Session } from "../app/session";
import type { Task } from "../app/runtime";
import type { PaneStrings, Strings } from "../i18n/types";

export interface PaneContextValue {
  lang: "vi" | "en";
  /** The whole string table (kinds, fields, severities …). */
  s: Strings;
  /** The pane's own strings. */
  t: PaneStrings;
  session: Session;
  /** The task running now (pane or ribbon), if any. */
  busy: Task | null;
  /**
   * Run a task exclusively, announcing `working` while it runs. Resolves to
   * undefined when it failed (the error is shown) or another task was running.
   */
  run<T>(task: Task, working: string, fn: () => Promise<T>): Promise<T | undefined>;
  /** Put a message in the live region (screen readers read it; it stays visible). */
  announce(text: string): void;
  /** Show an error (an alert). */
  fail(e: unknown): void;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error("usePane outside PaneContext");
  return value;
}

/**
 * Focus an element after the next render that follows `request()` (the
 * element may appear in that render): keyboard and screen-reader users land
 * on the result of what they did.
 */
export function useFocusAfter<T extends HTMLElement>(): [RefObject<T>, () => void] {
  const ref = useRef<T>(null);
  const [token, setToken] = useState(0);
  useEffect(() => {
    if (token > 0) ref.current?.focus();
  }, [token]);
  return [ref, () => setToken((n) => n + 1)];
}
