// The Account settings screen: the profile button and menu, the Profile,
// API Keys and Clipboard sections, and what each action does.

import { CHOICES, type ClipboardClear, type KeySummary, type Settings, type UpdateOffer, type WorkspaceView } from "./bindings";
import { confirmDialog } from "./dialog";
import { h } from "./dom";
import { clearDelayLabel, durationLabel } from "./format";
import { api, asCommandError } from "./ipc";
import { showToast } from "./toast";
import { openCreateKeyDialog } from "./views/create-key";
import { keyTable, type ServerKeys } from "./views/key-table";
import { openTextDialog } from "./views/text-dialog";
import { openTokenPanel } from "./views/token-panel";
import { updateBanner } from "./views/update-banner";
import { connectForm, workspaceSection, type WorkspaceHandlers } from "./views/workspace";

/** How long a warning about the server stays on screen. */
const WARNING_MS = 12000;

// The delays come from Rust (CHOICES); only the words are made here.
const CLEAR_CHOICES = CHOICES.clipboardClear.map((value) => ({
  value,
  label: value.kind === "never" ? "Never" : `After ${durationLabel(value.seconds)}`,
}));

function clearValue(choice: ClipboardClear): string {
  return choice.kind === "after" ? String(choice.seconds) : "never";
}

function initials(name: string | null): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  return words.slice(0, 2).map((w) => [...w][0].toUpperCase()).join("") || "?";
}

function errorMessage(caught: unknown): string {
  return asCommandError(caught).message;
}

/** The app: owns the key list and settings, and re-renders on change. */
export class App {
  private keys: KeySummary[] = [];
  private settings: Settings = { displayName: null, clipboardClear: { kind: "after", seconds: 30 } };
  private loadError: string | null = null;
  private keychainWarning: string | null = null;
  /** The workspace: first as saved on this computer, then as the server sees it. */
  private workspace: WorkspaceView | null = null;
  /** Whether the server has been asked since start-up. */
  private workspaceSynced = false;
  private readonly workspaceHandlers: WorkspaceHandlers = {
    onChange: (view) => {
      this.workspace = view;
      this.workspaceSynced = true;
      this.render();
    },
    retry: () => void this.syncWorkspace(),
  };
  /** Whether this build checks for updates (release builds with a feed). */
  private updateFeed = false;
  /** A newer version on offer, until installed or put off with "Later". */
  private updateOffer: UpdateOffer | null = null;
  /** Kept across re-renders so typing in it is never lost. */
  private readonly connectForm = connectForm(this.workspaceHandlers);

  constructor(private readonly root: HTMLElement) {}

  /**
   * Loads settings, keys and the saved workspace, and draws the screen once;
   * asks for a name on first run; then checks the keychain and, if connected,
   * the server, redrawing only when something changed.
   */
  async start(): Promise<void> {
    const [settings, keys, workspace] = await Promise.allSettled([api.getSettings(), api.listKeys(), api.getWorkspace()]);
    if (settings.status === "fulfilled") this.settings = settings.value;
    if (keys.status === "fulfilled") this.keys = keys.value;
    const failed = [settings, keys].find((result) => result.status === "rejected");
    if (failed) this.loadError = errorMessage(failed.reason);
    this.workspace = workspace.status === "fulfilled" ? workspace.value : { serverUrl: null, keys: [], problem: null, pendingRevocations: [] };
    this.render();
    const synced = this.connected ? this.syncWorkspace() : Promise.resolve();
    const updates = this.checkForUpdate(false);
    if (this.settings.displayName === null && this.loadError === null) await this.editDisplayName(true);
    await this.checkKeychain();
    await Promise.all([synced, updates]);
  }

  /**
   * Asks for a newer version (Rust asks nothing when this build has no feed).
   * At start-up a failure is silent; from the menu it is said in a toast.
   */
  private async checkForUpdate(asked: boolean): Promise<void> {
    try {
      const check = await api.checkForUpdate();
      const changed = check.feedConfigured !== this.updateFeed || check.offer?.version !== this.updateOffer?.version;
      this.updateFeed = check.feedConfigured;
      this.updateOffer = check.offer;
      if (changed) this.render();
      if (asked && !check.offer) showToast("You have the latest version of Toucan Keys.");
      if (asked && check.offer) document.getElementById("update-title")?.scrollIntoView();
    } catch (caught) {
      if (asked) showToast(errorMessage(caught), WARNING_MS);
    }
  }

  /** Asks the workspace server for its view of the keys (and sends pending changes). */
  private async syncWorkspace(): Promise<void> {
    try {
      this.workspace = await api.syncWorkspace();
      this.workspaceSynced = true;
    } catch (caught) {
      this.workspace = { serverUrl: null, keys: [], problem: { code: "unexpected", message: errorMessage(caught), field: null }, pendingRevocations: [] };
    }
    this.render();
  }

  private get connected(): boolean {
    return this.workspace?.serverUrl != null;
  }

  /** The server's view for the table; null until the server has answered (or when not connected). */
  private serverKeys(): ServerKeys | null {
    if (!this.connected || !this.workspaceSynced || !this.workspace) return null;
    if (this.workspace.problem) return new Map();
    return new Map(this.workspace.keys.map((k) => [k.id, k]));
  }

  private async checkKeychain(): Promise<void> {
    if (this.keys.every((k) => k.status === "revoked")) return;
    const before = JSON.stringify([this.keys, this.keychainWarning]);
    try {
      this.keys = await api.checkKeychain();
      this.keychainWarning = null;
    } catch (caught) {
      this.keychainWarning = errorMessage(caught);
    }
    // Redraw only if something changed: the first screen stays as drawn.
    if (JSON.stringify([this.keys, this.keychainWarning]) !== before) this.render();
  }

  /** A key was created or copied in the create dialog. */
  private keyChanged(key: KeySummary): void {
    const isNew = !this.keys.some((k) => k.id === key.id);
    this.upsert(key);
    if (isNew && this.connected) void this.syncWorkspace();
  }

  private upsert(key: KeySummary): void {
    const index = this.keys.findIndex((k) => k.id === key.id);
    if (index === -1) this.keys.unshift(key);
    else this.keys[index] = key;
    this.render();
  }

  private async editDisplayName(firstRun = false): Promise<void> {
    await openTextDialog({
      title: firstRun ? "Welcome to Toucan Keys" : "Edit display name",
      intro: firstRun ? "What should we call you? Your initials appear on the profile button." : undefined,
      label: "Display name",
      initial: this.settings.displayName ?? "",
      submitLabel: firstRun ? "Continue" : "Save",
      cancellable: !firstRun,
      onSubmit: async (value) => {
        this.settings = await api.saveSettings({ ...this.settings, displayName: value });
        this.render();
      },
    });
  }

  private readonly actions = {
    copy: async (key: KeySummary) => {
      try {
        const reply = await api.copyKey(key.id);
        this.upsert(reply.key);
        showToast(`Copied. ${clearDelayLabel(reply.clearsInSeconds)}`);
      } catch (caught) {
        showToast(errorMessage(caught));
      }
    },
    rename: (key: KeySummary) =>
      openTextDialog({
        title: "Rename key",
        label: "Name",
        initial: key.name,
        submitLabel: "Save",
        onSubmit: async (value) => this.upsert(await api.renameKey(key.id, value)),
      }),
    revoke: async (key: KeySummary) => {
      const sure = await confirmDialog({
        title: `Revoke “${key.name}”?`,
        message: this.connected
          ? "Apps using this key will stop working right away, and its secret is deleted from your keychain. Session tokens it already issued fail the server's checks at once; a backend that only checks their signature accepts them until they expire (at most 24 hours). This can't be undone."
          : "Apps using this key will stop working right away, and its secret is deleted from your keychain. This can't be undone.",
        confirmLabel: "Revoke key",
        danger: true,
      });
      if (!sure) return;
      try {
        const reply = await api.revokeKey(key.id);
        this.upsert(reply.key);
        if (reply.serverWarning) showToast(reply.serverWarning, WARNING_MS);
        else showToast(`“${key.name}” was revoked.`);
        if (this.connected) void this.syncWorkspace();
      } catch (caught) {
        showToast(errorMessage(caught));
      }
    },
    generate: (key: KeySummary) => openTokenPanel(key, () => void this.syncWorkspace()),
    remove: async (key: KeySummary) => {
      const sure = await confirmDialog({
        title: `Delete “${key.name}”?`,
        message: "This revoked key will be removed from the list.",
        confirmLabel: "Delete",
        danger: true,
      });
      if (!sure) return;
      try {
        const reply = await api.deleteKey(key.id);
        this.keys = this.keys.filter((k) => k.id !== key.id);
        this.render();
        if (reply.serverWarning) showToast(reply.serverWarning, WARNING_MS);
      } catch (caught) {
        showToast(errorMessage(caught));
      }
    },
  };

  private profileMenu(): HTMLElement {
    const menu = h("div", { class: "menu", role: "menu", id: "profile-menu", hidden: true, "aria-label": "Profile" });
    const button = h(
      "button",
      {
        type: "button",
        class: "profile-button",
        "aria-haspopup": "menu",
        "aria-expanded": "false",
        "aria-controls": "profile-menu",
        "aria-label": `Profile: ${this.settings.displayName ?? "no name yet"}`,
      },
      initials(this.settings.displayName),
    );
    const close = (refocus: boolean) => {
      menu.hidden = true;
      button.setAttribute("aria-expanded", "false");
      if (refocus) button.focus();
    };
    const item = (label: string, run: () => void) =>
      h("button", { type: "button", role: "menuitem", class: "menu-item", onclick: () => (close(false), run()) }, label);
    const items = [
      item("Account settings", () => document.getElementById("page-title")?.focus()),
      item("Edit display name", () => void this.editDisplayName()),
      ...(this.updateFeed ? [item("Check for updates", () => void this.checkForUpdate(true))] : []),
    ];
    menu.append(h("p", { class: "menu-name" }, this.settings.displayName ?? ""), ...items);
    button.addEventListener("click", () => {
      const opening = menu.hidden;
      menu.hidden = !opening;
      button.setAttribute("aria-expanded", String(opening));
      if (opening) items[0].focus();
    });
    menu.addEventListener("keydown", (event: KeyboardEvent) => {
      const index = items.indexOf(document.activeElement as HTMLButtonElement);
      if (event.key === "Escape") close(true);
      else if (event.key === "ArrowDown") items[(index + 1) % items.length].focus();
      else if (event.key === "ArrowUp") items[(index - 1 + items.length) % items.length].focus();
      else return;
      event.preventDefault();
    });
    return h("div", { class: "profile" }, menu, button);
  }

  private keysSection(): HTMLElement {
    const banner = (message: string, retry?: () => void) =>
      h(
        "div",
        { class: "banner", role: "alert" },
        h("span", {}, message),
        retry ? h("button", { type: "button", class: "button small", onclick: retry }, "Try again") : null,
      );
    return h(
      "section",
      { class: "card", "aria-labelledby": "api-keys-title", id: "api-keys" },
      h(
        "div",
        { class: "section-head" },
        h(
          "div",
          {},
          h("h2", { id: "api-keys-title" }, "API Keys"),
          h(
            "p",
            { class: "muted" },
            "Your backend sends an API key to request signed session tokens for embedded dashboards. Each key is shown once and kept in your computer's keychain.",
          ),
        ),
        h(
          "button",
          { type: "button", class: "button primary", id: "create-key", onclick: () => openCreateKeyDialog((key) => this.keyChanged(key)) },
          "Create API Key",
        ),
      ),
      this.keychainWarning ? banner(this.keychainWarning, () => void this.checkKeychain()) : null,
      this.loadError ? banner(this.loadError) : keyTable(this.keys, this.actions, this.serverKeys()),
    );
  }

  private clipboardSection(): HTMLElement {
    const select = h("select", { id: "clear-delay", class: "field select" });
    for (const choice of CLEAR_CHOICES) {
      select.append(h("option", { value: clearValue(choice.value), selected: clearValue(choice.value) === clearValue(this.settings.clipboardClear) }, choice.label));
    }
    select.addEventListener("change", async () => {
      const choice = CLEAR_CHOICES.find((c) => clearValue(c.value) === select.value);
      if (!choice) return;
      try {
        this.settings = await api.saveSettings({ ...this.settings, clipboardClear: choice.value });
        showToast("Saved.");
      } catch (caught) {
        showToast(errorMessage(caught));
        select.value = clearValue(this.settings.clipboardClear);
      }
    });
    return h(
      "section",
      { class: "card", "aria-labelledby": "clipboard-title" },
      h("h2", { id: "clipboard-title" }, "Clipboard"),
      h("p", { class: "muted" }, "A copied key is removed from the clipboard after this delay, unless you have copied something else since."),
      h("label", { for: "clear-delay", class: "label" }, "Clear copied keys"),
      select,
    );
  }

  private profileSection(): HTMLElement {
    return h(
      "section",
      { class: "card", "aria-labelledby": "profile-title" },
      h("h2", { id: "profile-title" }, "Profile"),
      h(
        "div",
        { class: "profile-row" },
        h("span", { class: "avatar", "aria-hidden": "true" }, initials(this.settings.displayName)),
        h("span", { class: "display-name" }, this.settings.displayName ?? "No name yet"),
        h("button", { type: "button", class: "button small", onclick: () => void this.editDisplayName() }, "Edit display name"),
      ),
    );
  }

  /** Draws the whole screen from the current state. */
  render(): void {
    const focused = document.activeElement;
    const focusedId = focused?.id;
    const focusedLabel = focused?.getAttribute("aria-label");
    this.root.replaceChildren(
      h(
        "div",
        { class: "shell" },
        h(
          "nav",
          { class: "rail", "aria-label": "Toucan Keys" },
          h("img", { src: "/icon.svg", alt: "Toucan Keys", class: "brand", width: 40, height: 40 }),
          this.profileMenu(),
        ),
        h(
          "main",
          { class: "page" },
          h("h1", { id: "page-title", tabindex: "-1" }, "Account settings"),
          this.updateOffer ? updateBanner(this.updateOffer, { dismiss: () => ((this.updateOffer = null), this.render()) }) : null,
          this.profileSection(),
          this.keysSection(),
          workspaceSection(this.workspace, this.workspaceSynced, this.connectForm, this.workspaceHandlers),
          this.clipboardSection(),
        ),
      ),
    );
    // Keep a keyboard user's place: the same control, found by id or label.
    if (focusedId) document.getElementById(focusedId)?.focus();
    else if (focusedLabel) [...this.root.querySelectorAll<HTMLElement>("[aria-label]")].find((el) => el.getAttribute("aria-label") === focusedLabel)?.focus();
  }
}
