// Short confirmations ("Copied. Clears in 30 s"), announced politely to
// screen readers through the live region in index.html.

import { h } from "./dom";

const VISIBLE_MS = 4000;

/** Shows `message` for a few seconds (longer for warnings a person must read). */
export function showToast(message: string, visibleMs = VISIBLE_MS): void {
  const region = document.getElementById("toasts");
  if (!region) return;
  const toast = h("div", { class: "toast" }, message);
  region.append(toast);
  setTimeout(() => toast.remove(), visibleMs);
}
