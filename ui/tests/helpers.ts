// Test helpers: a fake backend behind Tauri's IPC mock, and DOM shortcuts.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { DeclaredAttribute, FoundKey, IpcError, KeyLimits, KeySummary, OfferedLanguage, Settings, UpdateCheck, WorkspaceView } from "../src/bindings";
import { App } from "../src/app";
import type { Args, Command, ReplyOf } from "../src/ipc";

/** A key-shaped test vector (labelled: not a real key). */
export const TEST_SECRET = "tck_ToucanKeysTestVector01234567891wrdc7";

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface FakeBackend {
  keys: KeySummary[];
  /** Keychain entries no record claims (a list moved or lost). */
  found: FoundKey[];
  settings: Settings;
  /** What Rust offers: the shipped languages unless a test adds one; the system's is English. */
  offered: OfferedLanguage[];
  calls: Call[];
  /** Makes the next call of `cmd` fail with this error. */
  failNext: Map<Command, IpcError>;
  /** What sync_workspace answers (keys are filled in from `keys` when connected). */
  workspace: WorkspaceView;
  /** Warnings the next create/revoke reply carries. */
  serverWarning: string | null;
  /** What check_for_update answers (a build without a feed by default). */
  update: UpdateCheck;
  /** The server encrypts its tokens (`--encrypt-tokens`). */
  encryptTokens: boolean;
  /** The attributes the workspace declares. */
  declaredAttributes: DeclaredAttribute[];
  /** Whether the app starts at login. */
  autostart: boolean;
}

/** A token-shaped string: header.payload.signature (not a real token). */
export function fakeToken(claims: object): string {
  return `eyJhbGciOiJFZERTQSJ9.${btoa(JSON.stringify(claims)).replace(/=+$/, "")}.c2lnbmF0dXJl`;
}

export const ACCOUNT_TOKEN = `tka_${"T".repeat(40)}`;

/** What the core allows a key (KeyRecord::actions in record.rs), for the fake backend. */
function actionsOf(made: KeySummary): KeySummary["actions"] {
  const { status } = made;
  const usable = status === "active" || status === "expiresSoon";
  const revoked = status === "revoked" || (status === "leaked" && made.revokedAt !== null);
  const roll = status === "leaked" ? made.replacedBy === null : status !== "revoked" && status !== "retiring";
  return { copy: usable, roll, rename: !revoked, revoke: !revoked, delete: revoked };
}

/** A key as the core lists it; its `actions` follow its status as it changes. */
/** What Rust sends as a language's plural table (CLDR's rules; here from the test runner's own ICU). */
export function pluralTable(language: string): string[] {
  const rules = new Intl.PluralRules(language);
  return Array.from({ length: 1000 }, (_, n) => rules.select(n));
}

export function key(overrides: Partial<Omit<KeySummary, "actions">> = {}): KeySummary {
  const made = {
    id: `key_${Math.random().toString(36).slice(2, 18)}`,
    name: "Existing key",
    hint: "tck_…abcd",
    fingerprint: "0".repeat(64),
    createdAt: new Date(Date.now() - 3 * 86400e3).toISOString(),
    expiresAt: new Date(Date.now() + 60 * 86400e3).toISOString(),
    revokedAt: null,
    lastCopiedAt: null,
    secretMissing: false,
    replacedBy: null,
    replaces: null,
    allowedOrigins: [],
    restoredAt: null,
    status: "active",
    limitsSummary: "Full access",
    fullAccess: true,
    ...overrides,
  } as Omit<KeySummary, "actions">;
  return Object.defineProperty(made, "actions", {
    enumerable: true,
    get(this: KeySummary) {
      return actionsOf(this);
    },
  }) as KeySummary;
}

/** What Rust would record and say of a key with `limits` (a stand-in summary). */
function summaryOf(limits: KeyLimits): Pick<KeySummary, "limits" | "limitsSummary" | "fullAccess"> {
  const fullAccess = Object.keys(limits).length === 0;
  const fixed = Object.entries(limits.fixedAttributes ?? {}).map(([name, value]) => `${name} = ${String(value)}`);
  return { limits, fullAccess, limitsSummary: fullAccess ? "Full access" : ["Limited", ...fixed].join(" · ") };
}

export function fakeBackend(initial: Partial<FakeBackend> = {}): FakeBackend {
  const backend: FakeBackend = {
    keys: [],
    found: [],
    settings: { displayName: "Ada Lovelace", clipboardClear: { kind: "after", seconds: 30 }, language: null, welcomed: true },
    offered: [
      { language: "en", ownName: "English", locale: "en-GB", plurals: pluralTable("en") },
      { language: "fr", ownName: "Français", locale: "fr-FR", plurals: pluralTable("fr") },
    ],
    calls: [],
    failNext: new Map(),
    workspace: { serverUrl: null, keys: [], problem: null, pendingRevocations: [] },
    serverWarning: null,
    update: { feedConfigured: false, offer: null },
    encryptTokens: false,
    declaredAttributes: [],
    autostart: false,
    ...initial,
  };
  const view = (): WorkspaceView =>
    backend.workspace.serverUrl && !backend.workspace.problem
      ? { ...backend.workspace, keys: backend.keys.map((k) => ({ id: k.id, revokedAt: k.revokedAt, lastUsedAt: null })) }
      : backend.workspace;
  const fail = (error: IpcError): never => {
    throw error;
  };
  const find = (id: string) => backend.keys.find((k) => k.id === id)!;
  const clears = () => {
    const s = backend.settings.clipboardClear;
    return s.kind === "after" ? s.seconds : null;
  };
  // One handler per command, typed by the command map generated from Rust:
  // a command the app doesn't have, or a reply of the wrong shape, fails tsc.
  // Only the commands the tests use are faked; a new command needs a line
  // here only once a test calls it.
  const handlers: Partial<{ [C in Command]: (args: Args<C>) => ReplyOf<C> }> = {
    get_settings: () => backend.settings,
    change_setting: ({ change }) => {
      const settings = { ...backend.settings };
      if (change.setting === "displayName") settings.displayName = change.value?.trim() ?? null;
      if (change.setting === "clipboardClear") settings.clipboardClear = change.value;
      if (change.setting === "language") settings.language = change.value;
      if (change.setting === "welcomed") settings.welcomed = true;
      backend.settings = settings;
      return backend.settings;
    },
    found_keys: () => structuredClone(backend.found),
    set_key_limits: ({ id, limits }) => {
      const changed = find(id);
      Object.assign(changed, summaryOf(limits));
      return { key: structuredClone(changed), serverWarning: null };
    },
    set_key_origins: ({ id, origins }) => {
      const changed = find(id);
      changed.allowedOrigins = origins.map((origin) => origin.toLowerCase().replace(/\/$/, ""));
      return { key: structuredClone(changed), serverWarning: null };
    },
    restore_found_key: ({ id }) => {
      const found = backend.found.find((k) => k.id === id)!;
      backend.found = backend.found.filter((k) => k.id !== id);
      const now = new Date().toISOString();
      const restored = key({ id, name: found.name ?? "Found key", hint: found.hint ?? "", createdAt: now, expiresAt: null, restoredAt: now });
      backend.keys.unshift(restored);
      return structuredClone(restored);
    },
    delete_found_key: ({ id }) => {
      backend.found = backend.found.filter((k) => k.id !== id);
      return { serverWarning: null };
    },
    list_keys: () => structuredClone(backend.keys),
    check_keychain: () => structuredClone(backend.keys),
    create_key: ({ name, origins, limits }) => {
      // As the core checks a name (names.rs): the page shows what Rust says.
      if (!name.trim()) fail({ code: "name_empty", message: "Give the key a name.", field: "name" });
      const created = key({ name: name.trim(), hint: `tck_…${TEST_SECRET.slice(-4)}`, allowedOrigins: origins, ...summaryOf(limits) });
      backend.keys.unshift(created);
      return { key: created, secret: TEST_SECRET, serverWarning: backend.serverWarning };
    },
    roll_key: ({ id, overlap }) => {
      const old = find(id);
      const created = key({ name: old.name, hint: `tck_…${TEST_SECRET.slice(-4)}`, replaces: old.id });
      const stops = overlap === "now" ? new Date() : new Date(Date.now() + 24 * 3600e3);
      Object.assign(old, { name: `${old.name} (old)`, replacedBy: created.id, expiresAt: stops.toISOString() });
      // A leaked key stays leaked, and is rolled with no overlap whatever is asked (roll.rs).
      if (old.status === "leaked") Object.assign(old, { revokedAt: old.revokedAt ?? stops.toISOString() });
      else Object.assign(old, overlap === "now" ? { status: "revoked", revokedAt: stops.toISOString() } : { status: "retiring" });
      backend.keys.unshift(created);
      return { key: created, secret: TEST_SECRET, old: structuredClone(old), serverWarning: backend.serverWarning };
    },
    retire_due_keys: () => {
      const due = backend.keys.filter((k) => k.status === "retiring" && new Date(k.expiresAt!) <= new Date());
      for (const k of due) Object.assign(k, { status: "revoked", revokedAt: new Date().toISOString() });
      return structuredClone(due);
    },
    key_details: ({ id }) => ({
      key: structuredClone(find(id)),
      replaces: null,
      replacedBy: null,
      activity: [
        // What Rust says of each event (crates/core/src/i18n/activity.rs).
        { at: new Date().toISOString(), activity: { kind: "tokenGenerated", user: "user-42" }, text: "Session token generated for user-42" },
        { at: find(id).createdAt, activity: { kind: "created" }, text: "Created" },
      ],
      activityProblem: null,
    }),
    copy_fingerprint: () => null,
    code_snippets: () =>
      (["curl", "node", "python", "go"] as const).map((language) => ({
        language,
        label: language === "node" ? "Node.js" : language,
        code: `${language}: POST ${backend.workspace.serverUrl ?? "https://toucan.example.com"}/embed/generate-token with $TOUCAN_API_KEY`,
      })),
    copy_snippet: () => null,
    window_language: () => ({ speaking: backend.settings.language ?? "en", followsSystem: backend.settings.language === null, offered: backend.offered }),
    get_autostart: () => backend.autostart,
    set_autostart: ({ enabled }) => (backend.autostart = enabled),
    copy_key: ({ id }) => {
      const copied = { ...find(id), lastCopiedAt: new Date().toISOString() };
      backend.keys = backend.keys.map((k) => (k.id === copied.id ? copied : k));
      return { key: copied, clearsInSeconds: clears() };
    },
    rename_key: ({ id, name }) => Object.assign(find(id), { name }),
    revoke_key: ({ id }) => {
      Object.assign(find(id), { status: "revoked", revokedAt: new Date().toISOString() });
      return { key: find(id), serverWarning: backend.serverWarning };
    },
    delete_key: ({ id }) => {
      backend.keys = backend.keys.filter((k) => k.id !== id);
      return { serverWarning: null };
    },
    get_workspace: () => ({
      serverUrl: backend.workspace.serverUrl,
      keys: [],
      problem: null,
      pendingRevocations: backend.workspace.pendingRevocations,
    }),
    sync_workspace: () => view(),
    connect_workspace: ({ serverUrl, accountToken }) => {
      if (!serverUrl.startsWith("https://"))
        fail({ code: "server_url_insecure", message: "Use an address that starts with https://.", field: "serverUrl" });
      if (accountToken !== ACCOUNT_TOKEN)
        fail({ code: "account_token_rejected", message: "The server didn't accept the account token.", field: "accountToken" });
      backend.workspace = { serverUrl, keys: [], problem: null, pendingRevocations: [] };
      return view();
    },
    disconnect_workspace: () => {
      backend.workspace = { serverUrl: null, keys: [], problem: null, pendingRevocations: [] };
      return null;
    },
    identify_key: ({ pasted }) => {
      if (!pasted.trim().startsWith("tck_"))
        fail({ code: "invalid_key", message: "This isn't a Toucan API key: Toucan keys start with tck_.", field: null });
      const found = pasted.trim() === TEST_SECRET ? backend.keys[0] ?? null : null;
      const message = found ? `This is “${found.name}” (${found.id}); active.` : "This is a well-formed Toucan key, but not one of the keys on this computer.";
      return { key: found, fingerprint: "f".repeat(64), message };
    },
    ask_server_about_key: ({ fingerprint }) => `On the workspace server (example.test): fingerprint ${fingerprint.slice(0, 4)}…, active, never used.`,
    declared_attributes: () => backend.declaredAttributes,
    generate_token: ({ id, request }) => {
      if (!request.distinctId.trim())
        fail({ code: "distinct_id_invalid", message: "Enter the user's ID from your own system.", field: "distinctId" });
      const permissions: Record<string, string[]> = {};
      for (const { resource, level } of request.permissions) (permissions[resource] ??= []).push(level);
      // As the core reads the rows (token_request.rs): an empty row is skipped.
      const attributes = Object.fromEntries(request.attributes.filter(({ name, value }) => name.trim() || value.trim()).map(({ name, value }) => [name, value]));
      const claims = { sub: request.distinctId.trim(), role: request.role, azp: id, permissions, attributes };
      const expiresAt = new Date(Date.now() + request.lifetimeMinutes * 60e3).toISOString();
      if (backend.encryptTokens)
        return { token: "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y2lwaGVy.dGFn", expiresAt, claims: {}, encrypted: true };
      return { token: fakeToken(claims), expiresAt, claims, encrypted: false } as unknown as ReplyOf<"generate_token">;
    },
    copy_token: () => ({ clearsInSeconds: clears() }),
    check_for_update: () => backend.update,
    install_update: () => null,
    show_due_notices: () => null,
  };
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    backend.calls.push({ cmd, args });
    if (!(cmd in handlers)) throw { code: "unexpected", message: `${cmd} isn't faked in ui/tests/helpers.ts`, field: null };
    const command = cmd as Command;
    const failure = backend.failNext.get(command);
    if (failure) {
      backend.failNext.delete(command);
      throw failure;
    }
    return (handlers[command] as (args: unknown) => unknown)(args);
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

/**
 * Lets pending promises and IPC replies run. The fake backend answers in a
 * microtask, but a user action can chain a few awaited calls (create → list →
 * sync): each macrotask turn lets one link finish, and five turns cover the
 * longest chain the screen has.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Clicks "Create API Key" and returns the dialog, its name field and its
 * form, with "Full access" chosen (as keys were before limits) unless
 * `keepSuggested`, which leaves the suggested, narrowest use picked.
 */
export async function openCreateDialog(keepSuggested = false) {
  button("Create API Key").click();
  await settle();
  const dialog = topDialog();
  if (!keepSuggested) {
    const fullAccess = dialog.querySelector<HTMLInputElement>("input[value=fullAccess]")!;
    fullAccess.checked = true;
    fullAccess.dispatchEvent(new Event("change"));
  }
  const name = dialog.querySelector<HTMLInputElement>("input[name=name]")!;
  return { dialog, name, form: dialog.querySelector("form")! };
}

/** Creates a key named `name` through the dialog; returns the dialog (now the reveal). */
export async function createKey(name = "Production backend") {
  const { name: input, form } = await openCreateDialog();
  type(input, name);
  submit(form);
  await settle();
  return topDialog();
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
