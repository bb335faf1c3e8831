import { useCallback, useEffect, useRef, useState } from "react";
import { Form, useLocation, useSubmit } from "react-router";

export interface TimeoutWarningProps {
  /** How long after the page's last request the browser signs the person out. */
  signOutAfterMs: number;
  /** How long before that the warning opens. */
  warnBeforeMs: number;
}

const HEADING_ID = "timeout-warning-heading";
// Tabs share one session: each records its last request here, so an idle tab never signs out a
// person who is busy in another (and loses what they were doing there).
const ACTIVITY_KEY = "lcpf-session-activity";

function recordActivity(at: number): void {
  try {
    localStorage.setItem(ACTIVITY_KEY, String(at));
  } catch {
    // Storage can be switched off; each tab then keeps its own count.
  }
}

function lastActivity(): number {
  try {
    return Number(localStorage.getItem(ACTIVITY_KEY)) || 0;
  } catch {
    return 0;
  }
}
const MESSAGE_ID = "timeout-warning-message";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** "2 minutes", "1 minute 5 seconds", "40 seconds": what sighted users watch count down. */
export function countdownText(remainingMs: number): string {
  const totalSeconds = Math.max(0, Math.ceil(remainingMs / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return plural(seconds, "second");
  return seconds === 0 ? plural(minutes, "minute") : `${plural(minutes, "minute")} ${plural(seconds, "second")}`;
}

/** What screen readers hear: whole minutes, rounded up, so the live region changes once a minute, not every second. */
export function announcementText(remainingMs: number): string {
  return `You will be signed out in ${plural(Math.max(1, Math.ceil(remainingMs / 60_000)), "minute")}.`;
}

/**
 * GOV.UK's timeout warning: a modal dialog shortly before the idle timeout, with "Stay signed in"
 * (a keep-alive request) and "Sign out". It exists only once JavaScript runs; without it the server
 * still ends the session on time. Every page request counts as use, so the countdown restarts on
 * each navigation.
 */
export function TimeoutWarning({ signOutAfterMs, warnBeforeMs }: TimeoutWarningProps) {
  const location = useLocation();
  const submit = useSubmit();
  const dialog = useRef<HTMLDialogElement>(null);
  const [deadline, setDeadline] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const now = Date.now();
    recordActivity(now);
    setDeadline(now + signOutAfterMs);
  }, [location.key, signOutAfterMs]);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== ACTIVITY_KEY || !event.newValue) return;
      setOpen(false);
      setDeadline(Number(event.newValue) + signOutAfterMs);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [signOutAfterMs]);

  const timeUp = useCallback(() => {
    setOpen(false);
    submit({ reason: "timeout" }, { method: "post", action: "/sign-out" });
  }, [submit]);

  useEffect(() => {
    if (deadline === null) return;
    // Another tab may have been used since: then count from that instead.
    const usedElsewhere = () => {
      const elsewhere = lastActivity() + signOutAfterMs;
      if (elsewhere <= deadline) return false;
      setDeadline(elsewhere);
      return true;
    };
    const warn = setTimeout(
      () => {
        if (usedElsewhere()) return;
        setNow(Date.now());
        setOpen(true);
      },
      Math.max(0, deadline - warnBeforeMs - Date.now()),
    );
    const end = setTimeout(
      () => {
        if (!usedElsewhere()) timeUp();
      },
      Math.max(0, deadline - Date.now()),
    );
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
  }, [deadline, warnBeforeMs, signOutAfterMs, timeUp]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!open) {
      if (element.open) element.close();
      return;
    }
    if (!element.open) element.showModal();
    // Focus on the dialog itself, so screen readers read its heading and message first.
    element.focus();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [open]);

  const staySignedIn = useCallback(async () => {
    setOpen(false);
    try {
      // A form body, as every other post here sends; a redirect means the session has already ended.
      const response = await fetch("/session/keep-alive", {
        method: "POST",
        body: new URLSearchParams(),
        credentials: "same-origin",
        redirect: "manual",
      });
      if (response.status === 204) {
        const now = Date.now();
        recordActivity(now);
        setDeadline(now + signOutAfterMs);
        return;
      }
    } catch {
      // The network failed: fall through and let the person sign in again rather than pretend.
    }
    timeUp();
  }, [signOutAfterMs, timeUp]);

  if (deadline === null) return null;
  const remaining = deadline - now;
  return (
    <dialog
      ref={dialog}
      className="app-timeout-warning"
      aria-labelledby={HEADING_ID}
      aria-describedby={MESSAGE_ID}
      tabIndex={-1}
      data-testid="timeout-warning"
      onCancel={(event) => {
        // Escape keeps the person signed in, as GOV.UK's pattern does.
        event.preventDefault();
        void staySignedIn();
      }}
    >
      <h2 className="govuk-heading-m" id={HEADING_ID}>
        You’re about to be signed out
      </h2>
      <p className="govuk-body" aria-hidden="true">
        You will be signed out in <strong>{countdownText(remaining)}</strong>.
      </p>
      <p className="govuk-visually-hidden" id={MESSAGE_ID} aria-live="polite">
        {open ? announcementText(remaining) : ""}
      </p>
      <p className="govuk-body">We do this to keep your information secure. Anything you have saved is kept.</p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={() => void staySignedIn()}>
          Stay signed in
        </button>
        <Form method="post" action="/sign-out">
          <button type="submit" className="app-service-navigation-button">
            Sign out
          </button>
        </Form>
      </div>
    </dialog>
  );
}
