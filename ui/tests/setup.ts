// Runs around every UI test file (vite.config.ts, test.setupFiles): each test
// starts from an empty page with no IPC mock left over, and no timer of an
// earlier test's app left to fire once the page is gone.

import { afterEach } from "vitest";
import { clearMocks } from "./helpers";

const intervals = new Set<ReturnType<typeof setInterval>>();
const startInterval = globalThis.setInterval;
globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
  const id = startInterval(...args);
  intervals.add(id);
  return id;
}) as typeof setInterval;

afterEach(() => {
  for (const id of intervals) clearInterval(id);
  intervals.clear();
  clearMocks();
  document.body.innerHTML = "";
});
