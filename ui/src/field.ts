// An input with its error line under it, linked for screen readers
// (aria-describedby, aria-invalid). Used by every form in the app.

import { h, uniqueId } from "./dom";

export interface FieldWithError {
  input: HTMLInputElement;
  error: HTMLParagraphElement;
  /** Shows `message` under the field, marks it invalid and focuses it. */
  showError(message: string): void;
  /** Hides the error and clears the invalid mark. */
  clearError(): void;
}

/** A text-like input (`class="field"`, no autocomplete or spellcheck) and its hidden error line. */
export function fieldWithError(prefix: string, attrs: Record<string, string | boolean | undefined> = {}): FieldWithError {
  const errorId = uniqueId(`${prefix}-error`);
  const extraClass = typeof attrs.class === "string" ? ` ${attrs.class}` : "";
  const input = h("input", {
    id: uniqueId(prefix),
    type: "text",
    autocomplete: "off",
    spellcheck: "false",
    ...attrs,
    class: `field${extraClass}`,
    "aria-describedby": errorId,
  });
  const error = h("p", { id: errorId, class: "field-error", hidden: true });
  return {
    input,
    error,
    showError(message) {
      error.textContent = message;
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.focus();
    },
    clearError() {
      error.hidden = true;
      input.removeAttribute("aria-invalid");
    },
  };
}
