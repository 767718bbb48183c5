// What the screen shows, in one place: the key list, the settings, the
// workspace and the update on offer. Sections read it; App changes it and
// redraws only the sections a change affects.

import { CHOICES, type FoundKey, type KeySummary, type Settings, type UpdateOffer, type WindowLanguages, type WorkspaceView } from "./bindings";
import type { ServerKeys } from "./views/key-table";

/** The workspace before anything is known: not connected. */
export const NO_WORKSPACE: WorkspaceView = { serverUrl: null, keys: [], problem: null, pendingRevocations: [] };

export class ScreenState {
  keys: KeySummary[] = [];
  /** Keys in the keychain that this computer's list doesn't know (its list was moved or lost). */
  foundKeys: FoundKey[] = [];
  settings: Settings = { displayName: null, clipboardClear: CHOICES.defaults.clipboardClear, language: null, welcomed: false };
  /** The languages offered and the one spoken, as Rust decided; English until it says. */
  languages: WindowLanguages = { speaking: "en", followsSystem: true, offered: [] };
  /** Why the key list couldn't be loaded, if it couldn't. */
  loadError: string | null = null;
  /** Why the keychain couldn't be checked, if it couldn't. */
  keychainWarning: string | null = null;
  /** The workspace: first as saved on this computer, then as the server sees it. */
  workspace: WorkspaceView = NO_WORKSPACE;
  /** Whether the server has been asked since start-up. */
  workspaceSynced = false;
  /** Whether this build checks for updates (release builds with a feed). */
  updateFeed = false;
  /** A newer version on offer, until installed or put off with "Later". */
  updateOffer: UpdateOffer | null = null;

  get connected(): boolean {
    return this.workspace.serverUrl != null;
  }

  /** The server's view for the table; null until the server has answered (or when not connected). */
  serverKeys(): ServerKeys | null {
    if (!this.connected || !this.workspaceSynced) return null;
    if (this.workspace.problem) return new Map();
    return new Map(this.workspace.keys.map((k) => [k.id, k]));
  }

  /** Puts `key` in the list: replaces the one with its id, or adds it first. */
  upsert(key: KeySummary): void {
    const index = this.keys.findIndex((k) => k.id === key.id);
    if (index === -1) this.keys.unshift(key);
    else this.keys[index] = key;
  }
}

/** "AL" for "Ada Lovelace"; "" without a name. */
export function initials(name: string | null): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  return words.slice(0, 2).map((w) => [...w][0].toUpperCase()).join("");
}

/**
 * What an avatar shows: the initials, or a person's outline when there is no
 * name yet (never a "?", which reads as a help button).
 */
export function avatarContent(name: string | null): Node {
  const letters = initials(name);
  if (letters) return document.createTextNode(letters);
  const svg = "http://www.w3.org/2000/svg";
  const icon = document.createElementNS(svg, "svg");
  for (const [attribute, value] of [["viewBox", "0 0 24 24"], ["width", "22"], ["height", "22"], ["aria-hidden", "true"], ["fill", "currentColor"]]) {
    icon.setAttribute(attribute, value);
  }
  const outline = document.createElementNS(svg, "path");
  outline.setAttribute("d", "M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5Z");
  icon.append(outline);
  return icon;
}
