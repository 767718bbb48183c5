// The Account settings screen. App owns the state (state.ts), starts the
// first loads, and redraws only the parts of the screen a change affects;
// each part is drawn by its own module (sections/, views/), and what a key's
// buttons do is in actions.ts.

// The logo as a bitmap: an SVG <img> makes WebKit load a whole SVG document
// (its own page, the XML parser) for 40 pixels (docs/BENCHMARKS.md, memory).
import logo from "../../icons/128x128.png";
import { CHOICES, type FoundKey, type KeySummary, type WindowLanguages } from "./bindings";
import { confirmDialog } from "./dialog";
import { equivalentOf, h } from "./dom";
import { api, asCommandError } from "./ipc";
import { keyActions } from "./actions";
import { clipboardSection } from "./sections/clipboard";
import { keysSection } from "./sections/keys";
import { profileSection } from "./sections/profile";
import { remindersSection } from "./sections/reminders";
import { languageSection } from "./sections/language";
import { intlLocale, speakLanguage, t } from "./i18n";
import { profileMenu } from "./sections/profile-menu";
import { NO_WORKSPACE, ScreenState } from "./state";
import { clearNotices, showError, showToast, showWarning } from "./toast";
import { KeyFinder } from "./views/key-finder";
import { openTextDialog } from "./views/text-dialog";
import { updateBanner } from "./views/update-banner";
import { connectForm, workspaceSection, type WorkspaceHandlers } from "./views/workspace";

/** The parts of the screen that are drawn (and redrawn) on their own. */
type Part = "menu" | "update" | "profile" | "keys" | "workspace" | "clipboard" | "reminders" | "language";
const PARTS: Part[] = ["menu", "update", "profile", "keys", "workspace", "clipboard", "reminders", "language"];
/** How often the key list is read again while the window is shown (the core's schedule). */
const REFRESH_MS = CHOICES.schedule.listRefreshSeconds * 1000;
/** How often rolled keys whose overlap has ended are revoked while the app runs. */
const HOURLY_MS = CHOICES.schedule.housekeepingSeconds * 1000;
/** How often the workspace server is asked about the keys (revoked, found in public) while connected. */
const SERVER_CHECK_MS = CHOICES.schedule.serverCheckSeconds * 1000;

function errorMessage(caught: unknown): string {
  return asCommandError(caught).message;
}

export class App {
  private readonly state = new ScreenState();
  private readonly slots = new Map<Part, HTMLElement>();
  private readonly workspaceHandlers: WorkspaceHandlers = {
    onChange: (view) => {
      this.state.workspace = view;
      this.state.workspaceSynced = true;
      this.redraw("workspace", "keys");
    },
    retry: () => void this.syncWorkspace(),
  };
  /** Kept across redraws so typing in it is never lost (made again when the language changes). */
  private connectForm = connectForm(this.workspaceHandlers);
  /** Find and sort above the key table, kept across redraws for the same reason. */
  private readonly finder = new KeyFinder();
  private readonly actions = keyActions({
    connected: () => this.state.connected,
    serverState: (id) => this.state.workspace.keys.find((k) => k.id === id),
    keyChanged: (key) => this.keyChanged(key),
    keyDeleted: (key) => {
      this.state.keys = this.state.keys.filter((k) => k.id !== key.id);
      this.redraw("keys");
    },
    syncWorkspace: () => void this.syncWorkspace(),
  });

  constructor(private readonly root: HTMLElement) {}

  /**
   * Loads settings, keys and the saved workspace, and draws the screen once;
   * asks for a name on first run; then checks the keychain and, if connected,
   * the server, redrawing only what changed.
   */
  async start(): Promise<void> {
    const [settings, keys, workspace, language] = await Promise.allSettled([
      api.getSettings(),
      api.listKeys(),
      api.getWorkspace(),
      api.windowLanguage(),
    ]);
    if (settings.status === "fulfilled") this.state.settings = settings.value;
    if (language.status === "fulfilled") this.speak(language.value);
    if (keys.status === "fulfilled") this.state.keys = keys.value;
    const failed = [settings, keys].find((result) => result.status === "rejected");
    if (failed) this.state.loadError = errorMessage(failed.reason);
    this.state.workspace = workspace.status === "fulfilled" ? workspace.value : NO_WORKSPACE;
    this.render();
    // For the window benchmark (tests/e2e/window.bench.mjs): when the first screen, key list included, was drawn.
    performance.mark("toucan:first-render");
    const synced = this.state.connected ? this.syncWorkspace() : Promise.resolve();
    const updates = this.checkForUpdate(false);
    const welcome = this.state.settings.displayName === null && !this.state.settings.welcomed;
    if (welcome && this.state.loadError === null) await this.editDisplayName(true);
    await this.checkKeychain();
    await Promise.all([synced, updates]);
    await this.retireDueKeys();
    setInterval(() => void this.retireDueKeys(), HOURLY_MS);
    setInterval(() => {
      if (this.state.connected) void this.syncWorkspace();
    }, SERVER_CHECK_MS);
    this.followOtherWindows();
  }

  /**
   * Revokes rolled keys whose overlap has ended (also when the app was closed
   * at the time), and says so.
   */
  private async retireDueKeys(): Promise<void> {
    try {
      const retired = await api.retireDueKeys();
      for (const key of retired) this.state.upsert(key);
      if (retired.length === 0) return;
      this.redraw("keys");
      const names = new Intl.ListFormat(intlLocale(), { type: "conjunction" }).format(retired.map((key) => t("quoted-name", { name: key.name })));
      showToast(t("retired-toast", { names, count: retired.length }));
    } catch (caught) {
      showError(errorMessage(caught));
    }
  }

  /**
   * Keys made, renamed or revoked elsewhere (the command line, another
   * account session) appear when the window gains focus, and every few
   * seconds while it is shown; the list is redrawn only if it changed.
   */
  private followOtherWindows(): void {
    const refresh = () => void this.refreshKeys();
    window.addEventListener("focus", refresh);
    setInterval(() => {
      if (document.visibilityState === "visible") refresh();
    }, REFRESH_MS);
  }

  private async refreshKeys(): Promise<void> {
    try {
      const keys = await api.listKeys();
      if (JSON.stringify(keys) === JSON.stringify(this.state.keys)) return;
      this.state.keys = keys;
      this.redraw("keys");
    } catch {
      // The next refresh tries again; a failure to read is shown by the next action.
    }
  }

  /**
   * Asks for a newer version (Rust asks nothing when this build has no feed).
   * At start-up a failure is silent; from the menu it is said in a toast.
   */
  private async checkForUpdate(asked: boolean): Promise<void> {
    try {
      const check = await api.checkForUpdate();
      const changed = check.feedConfigured !== this.state.updateFeed || check.offer?.version !== this.state.updateOffer?.version;
      this.state.updateFeed = check.feedConfigured;
      this.state.updateOffer = check.offer;
      if (changed) this.redraw("menu", "update");
      if (asked && !check.offer) showToast(t("update-latest"));
      if (asked && check.offer) document.getElementById("update-title")?.scrollIntoView();
    } catch (caught) {
      if (asked) showError(errorMessage(caught));
    }
  }

  /** Asks the workspace server for its view of the keys (and sends pending changes). */
  private async syncWorkspace(): Promise<void> {
    try {
      this.state.workspace = await api.syncWorkspace();
      this.state.workspaceSynced = true;
      // A key the server says was found in public is now marked leaked (and
      // revoked) in the list: read it again at once.
      const newlyLeaked = this.state.workspace.keys.some(
        (server) => server.leak && this.state.keys.some((key) => key.id === server.id && !key.leak),
      );
      if (newlyLeaked) {
        await this.refreshKeys();
        // The desktop notification now, not at the next minute's check.
        await api.showDueNotices().catch(() => undefined);
      }
    } catch (caught) {
      this.state.workspace = { ...NO_WORKSPACE, problem: { code: "unexpected", message: errorMessage(caught), field: null } };
    }
    this.redraw("workspace", "keys");
  }

  private async checkKeychain(): Promise<void> {
    const seen = () => JSON.stringify([this.state.keys, this.state.keychainWarning, this.state.foundKeys]);
    const before = seen();
    try {
      if (!this.state.keys.every((k) => k.status === "revoked")) this.state.keys = await api.checkKeychain();
      // Asked even with an empty list: a list that was moved or lost leaves its keys behind.
      this.state.foundKeys = await api.foundKeys();
      this.state.keychainWarning = null;
    } catch (caught) {
      this.state.keychainWarning = errorMessage(caught);
    }
    // Redraw only if something changed: the first screen stays as drawn.
    if (seen() !== before) this.redraw("keys");
    performance.mark("toucan:keychain-checked");
  }

  /**
   * Speaks the language Rust decided from the settings and the system's
   * language. The parts kept across redraws are written again in it; the
   * caller draws the rest.
   */
  private speak(languages: WindowLanguages): void {
    this.state.languages = languages;
    speakLanguage(languages);
    clearNotices();
    document.title = t("app-name");
    this.finder.relabel();
    this.connectForm = connectForm(this.workspaceHandlers);
  }

  /** Brings a key found in the keychain back into the list. */
  private async restoreFound(found: FoundKey): Promise<void> {
    try {
      const key = await api.restoreFoundKey(found.id);
      this.state.foundKeys = this.state.foundKeys.filter((k) => k.id !== found.id);
      this.keyChanged(key);
      showToast(t("found-restored", { name: key.name }));
    } catch (caught) {
      showError(errorMessage(caught));
    }
  }

  /** Deletes a key found in the keychain, once the person confirms. */
  private async deleteFound(found: FoundKey): Promise<void> {
    const name = found.name ?? found.hint ?? found.id;
    const sure = await confirmDialog({
      title: t("found-delete-title", { name }),
      message: t("found-delete-message"),
      confirmLabel: t("action-delete"),
      danger: true,
    });
    if (!sure) return;
    try {
      const reply = await api.deleteFoundKey(found.id);
      this.state.foundKeys = this.state.foundKeys.filter((k) => k.id !== found.id);
      this.redraw("keys");
      if (reply.serverWarning) showWarning(reply.serverWarning);
      else showToast(t("found-deleted", { name }));
    } catch (caught) {
      showError(errorMessage(caught));
    }
  }

  /** A key changed, or was added (created, or made by a roll): the server is asked about a new one. */
  private keyChanged(key: KeySummary): void {
    const isNew = !this.state.keys.some((k) => k.id === key.id);
    this.state.upsert(key);
    this.redraw("keys");
    if (isNew && this.state.connected) void this.syncWorkspace();
  }

  private async editDisplayName(firstRun = false): Promise<void> {
    await openTextDialog({
      title: t(firstRun ? "welcome-title" : "edit-display-name"),
      intro: firstRun ? t("welcome-intro") : undefined,
      label: t("display-name"),
      initial: this.state.settings.displayName ?? "",
      submitLabel: t(firstRun ? "continue" : "save"),
      // The welcome can be put off (Escape or "Later"): the name is asked for
      // from the profile menu then, not again at every start.
      cancelLabel: t(firstRun ? "later" : "cancel"),
      onSubmit: async (value) => {
        this.state.settings = await api.changeSetting({ setting: "displayName", value });
        this.redraw("menu", "profile", "clipboard");
      },
    });
    if (firstRun) {
      this.state.settings = await api.changeSetting({ setting: "welcomed" }).catch(() => this.state.settings);
    }
  }

  /** What `part` shows now. */
  private draw(part: Part): HTMLElement | null {
    const state = this.state;
    switch (part) {
      case "menu":
        return profileMenu(state.settings, state.updateFeed, {
          editDisplayName: () => void this.editDisplayName(),
          checkForUpdate: () => void this.checkForUpdate(true),
        });
      case "update":
        return state.updateOffer
          ? updateBanner(state.updateOffer, { dismiss: () => ((state.updateOffer = null), this.redraw("update")) })
          : null;
      case "profile":
        return profileSection(state.settings, () => void this.editDisplayName());
      case "keys":
        return keysSection(state, this.actions, {
          created: (key) => this.keyChanged(key),
          retryKeychain: () => void this.checkKeychain(),
          restoreFound: (found) => void this.restoreFound(found),
          deleteFound: (found) => void this.deleteFound(found),
        }, this.finder);
      case "workspace":
        return workspaceSection(state.workspace, state.workspaceSynced, this.connectForm, this.workspaceHandlers);
      case "clipboard":
        return clipboardSection(state.settings, (saved) => (state.settings = saved));
      case "reminders":
        return remindersSection();
      case "language":
        return languageSection(state.settings, state.languages, async (saved) => {
          state.settings = saved;
          this.speak(await api.windowLanguage());
          this.render();
          document.getElementById("language")?.focus();
        });
    }
  }

  /** Draws the whole screen: the frame once, then every part. */
  render(): void {
    const slot = (part: Part) => {
      const element = h("div", { class: "slot", "data-part": part });
      this.slots.set(part, element);
      return element;
    };
    this.root.replaceChildren(
      h(
        "div",
        { class: "shell" },
        h(
          "nav",
          { class: "rail", "aria-label": t("app-name") },
          h("img", { src: logo, alt: t("app-name"), class: "brand", width: 40, height: 40 }),
          slot("menu"),
        ),
        h(
          "main",
          { class: "page" },
          h("h1", { id: "page-title", tabindex: "-1" }, t("page-title")),
          ...PARTS.filter((part) => part !== "menu").map(slot),
        ),
      ),
    );
    this.redraw(...PARTS);
  }

  /** Redraws `parts` only, keeping a keyboard user's place when it was inside one. */
  private redraw(...parts: Part[]): void {
    if (this.slots.size === 0) return;
    const focused = document.activeElement;
    for (const part of parts) {
      const drawn = this.draw(part);
      this.slots.get(part)?.replaceChildren(...(drawn ? [drawn] : []));
    }
    // A control that had focus and was drawn again gets it back (or its row's, or the main action).
    if (focused && focused !== document.body && (document.activeElement !== focused || !focused.isConnected)) {
      equivalentOf(focused)?.focus();
    }
  }
}
