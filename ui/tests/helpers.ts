// Test helpers: a fake backend behind Tauri's IPC mock, and DOM shortcuts.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { KeySummary, Settings } from "../src/bindings";
import { App } from "../src/app";

/** A key-shaped test vector (labelled: not a real key). */
export const TEST_SECRET = "tck_ToucanKeysTestVector01234567891wrdc7";

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface FakeBackend {
  keys: KeySummary[];
  settings: Settings;
  calls: Call[];
  /** Makes the next call of `cmd` fail with this error. */
  failNext: Map<string, { code: string; message: string }>;
}

export function key(overrides: Partial<KeySummary> = {}): KeySummary {
  return {
    id: `key_${Math.random().toString(36).slice(2, 18)}`,
    name: "Existing key",
    hint: "tck_…abcd",
    fingerprint: "0".repeat(64),
    createdAt: new Date(Date.now() - 3 * 86400e3).toISOString(),
    expiresAt: new Date(Date.now() + 60 * 86400e3).toISOString(),
    revokedAt: null,
    lastCopiedAt: null,
    secretMissing: false,
    status: "active",
    ...overrides,
  };
}

export function fakeBackend(initial: Partial<FakeBackend> = {}): FakeBackend {
  const backend: FakeBackend = {
    keys: [],
    settings: { displayName: "Ada Lovelace", clipboardClear: { kind: "after", seconds: 30 } },
    calls: [],
    failNext: new Map(),
    ...initial,
  };
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, any>;
    backend.calls.push({ cmd, args });
    const failure = backend.failNext.get(cmd);
    if (failure) {
      backend.failNext.delete(cmd);
      throw failure;
    }
    const find = () => backend.keys.find((k) => k.id === args.id)!;
    switch (cmd) {
      case "get_settings":
        return backend.settings;
      case "save_settings":
        backend.settings = { ...args.settings, displayName: args.settings.displayName?.trim() ?? null };
        return backend.settings;
      case "list_keys":
      case "check_keychain":
        return backend.keys;
      case "create_key": {
        const created = key({ name: args.name.trim(), hint: `tck_…${TEST_SECRET.slice(-4)}` });
        backend.keys.unshift(created);
        return { key: created, secret: TEST_SECRET };
      }
      case "copy_key": {
        const copied = { ...find(), lastCopiedAt: new Date().toISOString() };
        backend.keys = backend.keys.map((k) => (k.id === copied.id ? copied : k));
        const s = backend.settings.clipboardClear;
        return { key: copied, clearsInSeconds: s.kind === "after" ? s.seconds : null };
      }
      case "rename_key":
        Object.assign(find(), { name: args.name });
        return find();
      case "revoke_key":
        Object.assign(find(), { status: "revoked", revokedAt: new Date().toISOString() });
        return find();
      case "delete_key":
        backend.keys = backend.keys.filter((k) => k.id !== args.id);
        return null;
      default:
        throw { code: "unexpected", message: `unknown command ${cmd}` };
    }
  });
  return backend;
}

/** Mounts a fresh app on a fresh page and waits for it to load. */
export async function mountApp(): Promise<App> {
  document.body.innerHTML = '<div id="app"></div><div id="toasts" class="toasts" role="status" aria-live="polite"></div>';
  const app = new App(document.getElementById("app")!);
  const started = app.start();
  await settle();
  void started;
  return app;
}

/** Lets pending promises and IPC replies run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export function button(name: string, root: ParentNode = document): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>("button")].find(
    (b) => b.textContent?.trim() === name || b.getAttribute("aria-label") === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

export function dialogs(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("[role=dialog], [role=alertdialog]")];
}

export function topDialog(): HTMLElement {
  const all = dialogs();
  if (all.length === 0) throw new Error("no dialog open");
  return all[all.length - 1];
}

export function press(key: string, options: KeyboardEventInit = {}): void {
  (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, ...options }));
}

export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

export function submit(form: HTMLFormElement): void {
  form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
}

export { clearMocks };
