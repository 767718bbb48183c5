// "Which key is this?": the person pastes a string; Rust says whether it is
// a Toucan key (and where a typo is), and which of this computer's keys it
// is, without sending it anywhere. The pasted text crosses IPC once, to
// Rust, and the field is emptied when it is sent, before the answer. When a
// workspace is connected, the server's view is asked for only on request,
// by the key's fingerprint (never the key).

import { focusFirst, openDialog } from "../dialog";
import { h, uniqueId, whileBusy } from "../dom";
import { fieldWithError } from "../field";
import { t } from "../i18n";
import { api, asCommandError } from "../ipc";

/** Opens the dialog. `connected` says whether the server can be asked. */
export function openIdentifyDialog(connected: boolean): void {
  const dialog = openDialog({ title: t("identify-title"), className: "identify-dialog", onEscape: () => dialog.close() });
  const field = fieldWithError("pasted-key", { type: "password", name: "pasted-key" });
  const input = field.input;
  const check = h("button", { type: "submit", class: "button primary" }, t("identify-check"));
  const answer = h("p", { class: "identify-answer", id: uniqueId("identify-answer"), role: "status", hidden: true });
  const serverAnswer = h("p", { class: "identify-answer", role: "status", hidden: true });
  const askServer = h("button", { type: "button", class: "button", hidden: true }, t("identify-ask-server"));
  let fingerprint: string | null = null;

  const form = h(
    "form",
    { novalidate: true },
    h("p", {}, t("identify-intro")),
    h("label", { for: input.id, class: "label" }, t("details-key")),
    input,
    field.error,
    answer,
    serverAnswer,
    h(
      "div",
      { class: "dialog-actions" },
      askServer,
      h("button", { type: "button", class: "button", onclick: () => dialog.close() }, t("close")),
      check,
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    field.clearError();
    answer.hidden = serverAnswer.hidden = askServer.hidden = true;
    const pasted = input.value;
    // Emptied at once: the page keeps the pasted key no longer than the call.
    input.value = "";
    if (!pasted.trim()) {
      field.showError(t("identify-empty"));
      return;
    }
    await whileBusy(check, t("identify-busy"), async () => {
      try {
        const identified = await api.identifyKey(pasted);
        fingerprint = identified.fingerprint;
        answer.textContent = identified.message;
        answer.hidden = false;
        askServer.hidden = !connected;
      } catch (caught) {
        field.showError(asCommandError(caught).message);
      }
    });
  });
  askServer.addEventListener("click", () =>
    whileBusy(askServer, t("identify-asking"), async () => {
      if (!fingerprint) return;
      try {
        serverAnswer.textContent = await api.askServerAboutKey(fingerprint);
      } catch (caught) {
        serverAnswer.textContent = asCommandError(caught).message;
      }
      serverAnswer.hidden = false;
    }),
  );
  dialog.body.append(form);
  focusFirst(dialog, input);
}
