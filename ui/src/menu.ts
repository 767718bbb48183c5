// A button that opens a menu of actions (the profile menu, a key's "More"
// menu): the menu opens below or beside its button, arrow keys move between
// its items, Escape closes it and returns to the button, and Tab or a click
// elsewhere closes it.

import { h } from "./dom";

/** One action in a menu. */
export interface MenuItem {
  /** What the item says. */
  label: string;
  /** Its accessible name when the label alone is ambiguous ("Revoke Staging"); it starts with the label. */
  ariaLabel?: string;
  /** Drawn as a dangerous action. */
  danger?: boolean;
  run: () => void;
}

export interface MenuOptions {
  /** The menu's id (the button controls it). */
  id: string;
  /** What the button shows. */
  content: string | Node;
  /** The button's accessible name; it starts with `content`. */
  ariaLabel: string;
  buttonClass: string;
  /** The menu's accessible name. */
  menuLabel: string;
  menuClass?: string;
  /** Shown above the items (the profile's name). */
  header?: HTMLElement;
  /**
   * Drawn over the page below its button (above it when there is no room),
   * so a scrolling container (the key table) never clips it.
   */
  floating?: boolean;
  items: MenuItem[];
}

/** The button and its menu, in one wrapper. */
export function menuButton(options: MenuOptions): HTMLElement {
  const menu = h("div", {
    class: `menu ${options.menuClass ?? ""}`,
    role: "menu",
    id: options.id,
    hidden: true,
    "aria-label": options.menuLabel,
  });
  const button = h(
    "button",
    {
      type: "button",
      class: options.buttonClass,
      "aria-haspopup": "menu",
      "aria-expanded": "false",
      "aria-controls": options.id,
      "aria-label": options.ariaLabel,
    },
    options.content,
  );
  const wrapper = h("div", { class: "menu-wrapper" }, menu, button);
  const onOutsideClick = (event: MouseEvent) => {
    if (!wrapper.contains(event.target as Node)) close(false);
  };
  // A floating menu would be left behind by scrolling or resizing: it closes instead.
  const onMove = (event: Event) => {
    if (!menu.contains(event.target as Node)) close(false);
  };
  const close = (refocus: boolean) => {
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    document.removeEventListener("click", onOutsideClick, true);
    window.removeEventListener("scroll", onMove, true);
    window.removeEventListener("resize", onMove);
    if (refocus) button.focus();
  };
  const place = () => {
    const below = button.getBoundingClientRect();
    menu.style.position = "fixed";
    menu.style.right = `${Math.max(8, window.innerWidth - below.right)}px`;
    const height = menu.offsetHeight;
    const top = below.bottom + 4 + height > window.innerHeight ? below.top - 4 - height : below.bottom + 4;
    menu.style.top = `${Math.max(8, top)}px`;
  };
  const items = options.items.map((item) =>
    h(
      "button",
      {
        type: "button",
        role: "menuitem",
        class: `menu-item ${item.danger ? "menu-item-danger" : ""}`,
        "aria-label": item.ariaLabel,
        onclick: () => (close(false), item.run()),
      },
      item.label,
    ),
  );
  menu.append(...(options.header ? [options.header] : []), ...items);
  button.addEventListener("click", () => {
    const opening = menu.hidden;
    if (!opening) return close(false);
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    document.addEventListener("click", onOutsideClick, true);
    if (options.floating) {
      // The button and its menu below it both in view: a row near the bottom
      // edge is scrolled up first, so the menu never opens over other rows
      // with its own button cut off.
      const room = button.getBoundingClientRect().bottom + 4 + menu.offsetHeight + 8 - window.innerHeight;
      if (room > 0) window.scrollBy({ top: room, behavior: "instant" });
      place();
      // The scroll just made is reported on the next frames: listen after it.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (menu.hidden) return;
          place();
          window.addEventListener("scroll", onMove, true);
          window.addEventListener("resize", onMove);
        }),
      );
    }
    items[0]?.focus({ preventScroll: true });
  });
  menu.addEventListener("keydown", (event: KeyboardEvent) => {
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") close(true);
    else if (event.key === "ArrowDown") items[(index + 1) % items.length].focus();
    else if (event.key === "ArrowUp") items[(index - 1 + items.length) % items.length].focus();
    else if (event.key === "Tab") return close(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  });
  return wrapper;
}
