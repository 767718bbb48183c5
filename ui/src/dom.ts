// A tiny element builder. Text is always set as text (never parsed as HTML),
// so names typed by people can't inject markup. No inline styles (the CSP
// forbids them).

type Child = Node | string | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined | ((event: any) => void);

/** Creates `<tag>` with attributes (`onclick` etc. become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

let nextId = 0;
/** A unique id for label/description links. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/**
 * Runs `work` with `button` disabled and labelled `busyLabel` (for example
 * "Connecting…"), then puts the button back as it was, whatever happened.
 * `alsoDisabled` are other controls to hold while it runs.
 */
export async function whileBusy<T>(
  button: HTMLButtonElement,
  busyLabel: string,
  work: () => Promise<T>,
  alsoDisabled: HTMLButtonElement[] = [],
): Promise<T> {
  const label = button.textContent;
  const controls = [button, ...alsoDisabled];
  for (const control of controls) control.disabled = true;
  button.textContent = busyLabel;
  try {
    return await work();
  } finally {
    for (const control of controls) control.disabled = false;
    button.textContent = label;
  }
}

/**
 * Where focus goes when `old` (the control that had it, or opened a dialog)
 * is gone because a redraw replaced it: the same control drawn again (same
 * id, or same accessible name), else a control in the same key's row, else
 * the page's main action. `old` itself while it is still on the page.
 */
export function equivalentOf(old: Element | null): HTMLElement | null {
  if (old instanceof HTMLElement && old !== document.body && old.isConnected) return old;
  const byId = old?.id ? document.getElementById(old.id) : null;
  if (byId) return byId;
  const label = old?.getAttribute("aria-label");
  if (label) {
    const same = [...document.querySelectorAll<HTMLElement>("[aria-label]")].find(
      (el) => el.getAttribute("aria-label") === label && !el.closest("[inert]"),
    );
    if (same) return same;
  }
  const row = old?.closest("[data-key-id]")?.getAttribute("data-key-id");
  // The key's name again if it was the name, else the row's first action.
  const kind = old?.classList.contains("link-button") ? ".link-button" : ".row-actions button";
  const inRow = row
    ? (document.querySelector<HTMLElement>(`tr[data-key-id="${row}"] ${kind}`) ??
      document.querySelector<HTMLElement>(`tr[data-key-id="${row}"] button`))
    : null;
  return inRow ?? document.getElementById("create-key") ?? document.getElementById("page-title");
}
