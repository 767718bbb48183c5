// The app's page on its own, for a browser other than the app's window:
// the UI's typed fake backend (tests/helpers.ts) stands in for Rust, so
// Chromium (what WebView2 is on Windows) draws exactly the page the app
// ships. tests/e2e/chromium.test.mjs drives it.
//
// The address says what to show: `?lang=fr` for French, `&keys=none` for a
// first start with no key and no name.

import { App } from "../../src/app";
import { fakeBackend, key, type FakeBackend } from "../helpers";

const DAY = 86400e3;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const ahead = (days: number) => new Date(Date.now() + days * DAY).toISOString();
/** As long as a name may be (60 characters), so the layout meets the worst case. */
const long = (what: string) => `Production analytics backend for the EMEA region: ${what}`.padEnd(60, ".");

/** One key in every status the list can show, and a key rolled into its successor. */
function keysInEveryStatus() {
  const rolledInto = key({ name: long("rolled"), createdAt: ago(0) });
  return [
    rolledInto,
    key({ name: long("retiring"), status: "retiring", expiresAt: ahead(1), replacedBy: rolledInto.id, lastCopiedAt: ago(2) }),
    key({ name: long("active"), lastCopiedAt: ago(1) }),
    key({ name: long("soon"), status: "expiresSoon", expiresAt: ahead(3) }),
    key({ name: long("expired"), status: "expired", expiresAt: ago(1) }),
    key({ name: long("missing"), status: "missing", secretMissing: true }),
    key({ name: long("revoked"), status: "revoked", revokedAt: ago(1) }),
    key({
      name: long("leaked"),
      status: "leaked",
      revokedAt: ago(0),
      leak: { foundAt: ago(0), url: "https://github.com/example/app/blob/main/.env", source: "content" },
    }),
    key({ name: "Staging", limitsSummary: "Show dashboards · customer = acme", fullAccess: false, limits: { fixedAttributes: { customer: "acme" } } }),
  ];
}

const params = new URLSearchParams(location.search);
const firstStart = params.get("keys") === "none";
const backend: FakeBackend = fakeBackend({
  keys: firstStart ? [] : keysInEveryStatus(),
  settings: {
    displayName: firstStart ? null : "Ada Lovelace",
    clipboardClear: { kind: "after", seconds: 30 },
    language: params.get("lang"),
    welcomed: !firstStart,
  },
  workspace: firstStart
    ? { serverUrl: null, keys: [], problem: null, pendingRevocations: [] }
    : { serverUrl: "https://toucan.example.com", keys: [], problem: null, pendingRevocations: [] },
});
/** What the page asked of "Rust", for the test to read back. */
(window as unknown as { toucanCalls: FakeBackend["calls"] }).toucanCalls = backend.calls;

void new App(document.getElementById("app")!).start();
