// Find and sort above the key table: a search box (a key's name, or the last
// characters of the key as the table shows them) and the order. It is made
// once and kept across redraws, so what is typed in it is never lost.

import type { KeySummary } from "../bindings";
import { h } from "../dom";
import { t } from "../i18n";

/** The orders the table offers. */
export type KeyOrder = "newest" | "oldest" | "name" | "expires";

const ORDERS: KeyOrder[] = ["newest", "oldest", "name", "expires"];

/** Made on the first sort by name: a collator loads its own ICU data into the page. */
let byName: Intl.Collator | undefined;

function compare(order: Exclude<KeyOrder, "newest" | "oldest">): (a: KeySummary, b: KeySummary) => number {
  switch (order) {
    case "name":
      byName ??= new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
      return (a, b) => byName!.compare(a.name, b.name);
    case "expires":
      // Keys that never expire come last.
      // ISO 8601 times in UTC sort as plain text.
      return (a, b) => {
        const [x, y] = [a.expiresAt ?? "\uffff", b.expiresAt ?? "\uffff"];
        return x < y ? -1 : x > y ? 1 : 0;
      };
  }
}

/** The keys matching `query` (a name, or the end of the key), in `order`. */
export function findKeys(keys: KeySummary[], query: string, order: KeyOrder): KeySummary[] {
  const wanted = query.trim().toLowerCase();
  const matches = (key: KeySummary) =>
    !wanted || key.name.toLowerCase().includes(wanted) || key.hint.toLowerCase().replace(/[^a-z0-9]/g, "").endsWith(wanted.replace(/[^a-z0-9]/g, "") || "\0");
  const found = keys.filter(matches);
  // Rust lists keys newest first.
  if (order === "newest") return found;
  if (order === "oldest") return found.reverse();
  return found.sort(compare(order));
}

/** Whether a key needs attention: it expires soon or has expired (and isn't revoked or being replaced). */
export function needsAttention(key: KeySummary): boolean {
  return key.status === "expiresSoon" || key.status === "expired";
}

/** Rows drawn at first, and added by each "Show more". */
export const PAGE_SIZE = 100;

/** The search box and order menu, and what they currently ask for. */
export class KeyFinder {
  readonly element: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly order: HTMLSelectElement;
  private readonly searchLabel: HTMLLabelElement;
  private readonly orderLabel: HTMLLabelElement;
  private changed: () => void = () => {};
  /** Only the keys that need attention (the expiry banner's "Show them"). */
  attentionOnly = false;
  /** How many rows are drawn (the first page, then more on request): a long list stays quick. */
  shown = PAGE_SIZE;

  constructor() {
    this.search = h("input", {
      type: "search",
      id: "key-search",
      class: "field",
      autocomplete: "off",
      spellcheck: "false",
    });
    this.order = h("select", { id: "key-order", class: "field select" });
    for (const order of ORDERS) this.order.append(h("option", { value: order }));
    this.searchLabel = h("label", { for: this.search.id, class: "label" });
    this.orderLabel = h("label", { for: this.order.id, class: "label" });
    this.relabel();
    const changed = () => {
      this.shown = PAGE_SIZE;
      this.changed();
    };
    this.search.addEventListener("input", changed);
    this.order.addEventListener("change", changed);
    this.element = h(
      "div",
      { class: "key-finder", role: "search" },
      this.searchLabel,
      this.search,
      // The label and its list wrap together ("Trier" never ends a line alone).
      h("span", { class: "finder-order" }, this.orderLabel, this.order),
    );
  }

  /** Writes its words in the current language (it outlives redraws, and a change of language). */
  relabel(): void {
    this.searchLabel.textContent = t("search-label");
    this.search.placeholder = t("search-placeholder");
    this.orderLabel.textContent = t("order-label");
    for (const option of this.order.options) option.textContent = t(`order-${option.value}`);
  }

  /** What to redraw when the search or the order changes. */
  onChange(redraw: () => void): void {
    this.changed = redraw;
  }

  get query(): string {
    return this.search.value;
  }

  /** `keys` as the finder asks for them. */
  apply(keys: KeySummary[]): KeySummary[] {
    const shown = this.attentionOnly ? keys.filter(needsAttention) : keys;
    return findKeys(shown, this.search.value, this.order.value as KeyOrder);
  }

  /** Shows only the keys that need attention, or all of them again. */
  showAttentionOnly(only: boolean): void {
    this.attentionOnly = only;
    this.shown = PAGE_SIZE;
    this.changed();
  }

  /** Draws the next page of rows. */
  showMore(): void {
    this.shown += PAGE_SIZE;
    this.changed();
  }

  /** Empties the search box. */
  clear(): void {
    this.search.value = "";
    this.changed();
    this.search.focus();
  }
}
