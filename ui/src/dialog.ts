// Accessible modal dialogs: focus moves in and stays inside (Tab and
// Shift+Tab wrap), Escape asks to close, everything behind is inert, and
// focus returns to where it was when the dialog closes (or to the control
// that replaced it, when the screen was redrawn meanwhile: dom.ts). Dialogs stack (a
// confirmation over the reveal dialog).

import { equivalentOf, h, uniqueId } from "./dom";
import { t } from "./i18n";

export interface DialogOptions {
  title: string;
  /** Called on Escape; close the dialog from here if that is right. */
  onEscape?: () => void;
  /** "alertdialog" for confirmations. */
  role?: "dialog" | "alertdialog";
  className?: string;
}

export interface Dialog {
  element: HTMLElement;
  body: HTMLElement;
  setTitle(title: string): void;
  close(): void;
}

const stack: Dialog[] = [];

function focusable(root: HTMLElement): HTMLElement[] {
  const selector = "button, input, select, textarea, a[href], [tabindex]:not([tabindex='-1'])";
  return [...root.querySelectorAll<HTMLElement>(selector)].filter(
    (el) => !el.hasAttribute("disabled") && !el.closest("[hidden]"),
  );
}

function setBackgroundInert(): void {
  const app = document.getElementById("app");
  if (app) app.inert = stack.length > 0;
  stack.forEach((dialog, index) => {
    dialog.element.inert = index !== stack.length - 1;
  });
}

/** Opens a modal dialog; put its content in `body`, then call `focusFirst`. */
export function openDialog(options: DialogOptions): Dialog {
  const titleId = uniqueId("dialog-title");
  const heading = h("h2", { id: titleId, class: "dialog-title" }, options.title);
  const body = h("div", { class: "dialog-body" });
  const panel = h(
    "div",
    { class: `dialog ${options.className ?? ""}`, role: options.role ?? "dialog", "aria-modal": "true", "aria-labelledby": titleId },
    heading,
    body,
  );
  const element = h("div", { class: "overlay" }, panel);
  const returnFocus = document.activeElement as HTMLElement | null;

  element.addEventListener("keydown", (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      options.onEscape?.();
    } else if (event.key === "Tab") {
      const items = focusable(panel);
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  });

  const dialog: Dialog = {
    element,
    body,
    setTitle: (title) => {
      heading.textContent = title;
    },
    close: () => {
      const index = stack.indexOf(dialog);
      if (index === -1) return;
      stack.splice(index, 1);
      element.remove();
      // Dialogs taken off the page some other way (the page was replaced) no longer count.
      for (let i = stack.length - 1; i >= 0; i--) if (!stack[i].element.isConnected) stack.splice(i, 1);
      setBackgroundInert();
      // Back where it was, or to what replaced it if the screen was redrawn meanwhile.
      if (stack.length === 0 || returnFocus?.isConnected) equivalentOf(returnFocus)?.focus();
    },
  };
  document.body.append(element);
  stack.push(dialog);
  setBackgroundInert();
  return dialog;
}

/** Focuses `target`, or the dialog's first control. */
export function focusFirst(dialog: Dialog, target?: HTMLElement | null): void {
  (target ?? focusable(dialog.body)[0])?.focus();
}

/** Asks a yes/no question; resolves true for the confirming button. */
export function confirmDialog(options: {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
}): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = openDialog({ title: options.title, role: "alertdialog", onEscape: () => finish(false) });
    const messageId = uniqueId("dialog-message");
    dialog.element.firstElementChild?.setAttribute("aria-describedby", messageId);
    function finish(answer: boolean) {
      dialog.close();
      resolve(answer);
    }
    const cancel = h("button", { type: "button", class: "button", onclick: () => finish(false) }, options.cancelLabel ?? t("cancel"));
    const confirm = h(
      "button",
      { type: "button", class: options.danger ? "button danger" : "button primary", onclick: () => finish(true) },
      options.confirmLabel,
    );
    dialog.body.append(h("p", { id: messageId }, options.message), h("div", { class: "dialog-actions" }, cancel, confirm));
    focusFirst(dialog, cancel);
  });
}
