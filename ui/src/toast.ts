// Short confirmations ("Copied. Clears in 30 s"), announced politely to
// screen readers through the live region in index.html; and failures and
// warnings, which look different (colour and icon), are announced at once,
// and stay until the person dismisses them.

import { h } from "./dom";
import { clearDelayLabel } from "./format";
import { t } from "./i18n";

const VISIBLE_MS = 4000;
/** At most this many confirmations at once: older ones go, so they never pile up over the list. */
const MAX_TOASTS = 2;

/** Shows a confirmation for a few seconds. */
export function showToast(message: string): void {
  const region = document.getElementById("toasts");
  if (!region) return;
  const toast = h("div", { class: "toast" }, message);
  region.append(toast);
  const shown = region.querySelectorAll(".toast");
  for (const old of [...shown].slice(0, Math.max(0, shown.length - MAX_TOASTS))) old.remove();
  setTimeout(() => toast.remove(), VISIBLE_MS);
}

/** Removes every confirmation and notice (their words are of a language no longer spoken). */
export function clearNotices(): void {
  for (const shown of document.querySelectorAll("#toasts .toast, #alerts .notice")) shown.remove();
}

/** The region for failures and warnings (made on first use). */
function alertRegion(): HTMLElement {
  const existing = document.getElementById("alerts");
  if (existing) return existing;
  const region = h("div", { id: "alerts", class: "alerts" });
  document.body.append(region);
  return region;
}

/** A button on a notice that does what it says, then closes the notice. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

function showLasting(kind: "error" | "warning", message: string, action?: NoticeAction): HTMLElement {
  const dismiss = h("button", { type: "button", class: "button small" }, t("dismiss"));
  const act = action && h("button", { type: "button", class: "button small primary" }, action.label);
  const notice = h(
    "div",
    { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status" },
    h("span", { class: "notice-icon", "aria-hidden": "true" }, kind === "error" ? "✕" : "!"),
    h("span", { class: "notice-text" }, h("strong", {}, t(kind === "error" ? "notice-error-lead" : "notice-warning-lead"), " "), message),
    act,
    dismiss,
  );
  dismiss.addEventListener("click", () => notice.remove());
  act?.addEventListener("click", () => {
    notice.remove();
    action?.run();
  });
  // The same message twice is shown once.
  for (const shown of alertRegion().querySelectorAll(".notice")) {
    if (shown.querySelector(".notice-text")?.textContent === notice.querySelector(".notice-text")?.textContent) shown.remove();
  }
  alertRegion().append(notice);
  return notice;
}

/** A failure: red, with an icon, announced at once (role alert), kept until dismissed. */
export function showError(message: string): void {
  showLasting("error", message);
}

/** A warning the person must read (the server hasn't been told yet…): kept until dismissed. */
export function showWarning(message: string, action?: NoticeAction): void {
  showLasting("warning", message, action);
}

/** "Copied. Clears in 30 s": what every copy (key or token) says. */
export function showCopied(clearsInSeconds: number | null): void {
  showToast(t("copied-clears", { clears: clearDelayLabel(clearsInSeconds) }));
}
