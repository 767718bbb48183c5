// Test helpers: a fake backend behind Tauri's IPC mock, and DOM shortcuts.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { KeySummary, Settings, TokenRequest, UpdateCheck, WorkspaceView } from "../src/bindings";
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
  /** What sync_workspace answers (keys are filled in from `keys` when connected). */
  workspace: WorkspaceView;
  /** Warnings the next create/revoke reply carries. */
  serverWarning: string | null;
  /** What check_for_update answers (a build without a feed by default). */
  update: UpdateCheck;
}

/** A token-shaped string: header.payload.signature (not a real token). */
export function fakeToken(claims: object): string {
  return `eyJhbGciOiJFZERTQSJ9.${btoa(JSON.stringify(claims)).replace(/=+$/, "")}.c2lnbmF0dXJl`;
}

export const ACCOUNT_TOKEN = `tka_${"T".repeat(40)}`;

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
    workspace: { serverUrl: null, keys: [], problem: null, pendingRevocations: [] },
    serverWarning: null,
    update: { feedConfigured: false, offer: null },
    ...initial,
  };
  const view = (): WorkspaceView =>
    backend.workspace.serverUrl && !backend.workspace.problem
      ? { ...backend.workspace, keys: backend.keys.map((k) => ({ id: k.id, revokedAt: k.revokedAt, lastUsedAt: null })) }
      : backend.workspace;
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
        return { key: created, secret: TEST_SECRET, serverWarning: backend.serverWarning };
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
        return { key: find(), serverWarning: backend.serverWarning };
      case "delete_key":
        backend.keys = backend.keys.filter((k) => k.id !== args.id);
        return null;
      case "get_workspace":
        return { serverUrl: backend.workspace.serverUrl, keys: [], problem: null, pendingRevocations: backend.workspace.pendingRevocations };
      case "sync_workspace":
        return view();
      case "connect_workspace":
        if (!String(args.serverUrl).startsWith("https://"))
          throw { code: "server_url_insecure", message: "Use an address that starts with https://." };
        if (args.accountToken !== ACCOUNT_TOKEN)
          throw { code: "account_token_rejected", message: "The server didn't accept the account token." };
        backend.workspace = { serverUrl: args.serverUrl, keys: [], problem: null, pendingRevocations: [] };
        return view();
      case "disconnect_workspace":
        backend.workspace = { serverUrl: null, keys: [], problem: null, pendingRevocations: [] };
        return null;
      case "generate_token": {
        const request = args.request as TokenRequest;
        if (!request.distinctId.trim()) throw { code: "distinct_id_invalid", message: "Enter the user's ID from your own system." };
        const claims = { sub: request.distinctId.trim(), role: request.role, azp: args.id };
        return { token: fakeToken(claims), expiresAt: new Date(Date.now() + request.lifetimeMinutes * 60e3).toISOString(), claims };
      }
      case "copy_token": {
        const s = backend.settings.clipboardClear;
        return { clearsInSeconds: s.kind === "after" ? s.seconds : null };
      }
      case "check_for_update":
        return backend.update;
      case "install_update":
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
