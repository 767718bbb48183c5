// A dialog with one text field, used to rename a key and to set the display
// name. Errors show under the field; what was typed is kept.

import { focusFirst, openDialog } from "../dialog";
import { h } from "../dom";
import { fieldWithError } from "../field";
import { t } from "../i18n";
import { asCommandError } from "../ipc";

export interface TextDialogOptions {
  title: string;
  intro?: string;
  label: string;
  initial: string;
  submitLabel: string;
  /** Whether Escape and Cancel may close it. */
  cancellable?: boolean;
  /** The closing button's label ("Cancel" by default). */
  cancelLabel?: string;
  /** Saves the value; throw a CommandError to show its message. */
  onSubmit: (value: string) => Promise<void>;
}

/** Opens the dialog; resolves when it is saved or cancelled. */
export function openTextDialog(options: TextDialogOptions): Promise<void> {
  return new Promise((resolve) => {
    const cancellable = options.cancellable ?? true;
    const dialog = openDialog({ title: options.title, onEscape: cancellable ? () => finish() : undefined });
    const field = fieldWithError("text-field", { value: options.initial });
    const input = field.input;
    const submit = h("button", { type: "submit", class: "button primary" }, options.submitLabel);
    const cancel = cancellable
      ? h("button", { type: "button", class: "button", onclick: () => finish() }, options.cancelLabel ?? t("cancel"))
      : null;
    const form = h(
      "form",
      { novalidate: true },
      options.intro ? h("p", {}, options.intro) : null,
      h("label", { for: input.id, class: "label" }, options.label),
      input,
      field.error,
      h("div", { class: "dialog-actions" }, cancel, submit),
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        await options.onSubmit(input.value);
        finish();
      } catch (caught) {
        field.showError(asCommandError(caught).message);
      } finally {
        submit.disabled = false;
      }
    });
    function finish() {
      dialog.close();
      resolve();
    }
    dialog.body.append(form);
    focusFirst(dialog, input);
    input.select();
  });
}
