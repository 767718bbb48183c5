// Runs around every UI test file (vite.config.ts, test.setupFiles): each test
// starts from an empty page with no IPC mock left over.

import { afterEach } from "vitest";
import { clearMocks } from "./helpers";

afterEach(() => {
  clearMocks();
  document.body.innerHTML = "";
});
