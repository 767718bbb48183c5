// Short confirmations ("Copied. Clears in 30 s"), announced politely to
// screen readers through the live region in index.html.

import { h } from "./dom";
import { clearDelayLabel } from "./format";

const VISIBLE_MS = 4000;
/** How long a warning about the server stays on screen. */
export const WARNING_MS = 12000;

/** Shows `message` for a few seconds (longer for warnings a person must read). */
export function showToast(message: string, visibleMs = VISIBLE_MS): void {
  const region = document.getElementById("toasts");
  if (!region) return;
  const toast = h("div", { class: "toast" }, message);
  region.append(toast);
  setTimeout(() => toast.remove(), visibleMs);
}

/** "Copied. Clears in 30 s": what every copy (key or token) says. */
export function showCopied(clearsInSeconds: number | null): void {
  showToast(`Copied. ${clearDelayLabel(clearsInSeconds)}`);
}
