// "Use this key in code": short programs (curl, Node.js, Python, Go) that ask
// the workspace server for a session token with the key read from the
// TOUCAN_API_KEY environment variable. Made in Rust from one template per
// language; none holds a key, so each is copied as ordinary text.

import type { CodeSnippet } from "../bindings";
import { focusFirst, openDialog } from "../dialog";
import { h, uniqueId } from "../dom";
import { api, asCommandError } from "../ipc";
import { t } from "../i18n";
import { showError, showToast } from "../toast";

/** How to hand a key to a developer without it leaking on the way (messages hand-off-1…3). */
const HAND_OFF_STEPS = ["hand-off-1", "hand-off-2", "hand-off-3"];

/** Opens the snippets, one tab per language. */
export async function openSnippetsDialog(): Promise<void> {
  let snippets: CodeSnippet[];
  try {
    snippets = await api.codeSnippets();
  } catch (caught) {
    showError(asCommandError(caught).message);
    return;
  }
  const dialog = openDialog({ title: t("use-in-code"), className: "snippets-dialog", onEscape: () => dialog.close() });
  const tabs = snippets.map((snippet, i) =>
    h(
      "button",
      { type: "button", role: "tab", id: uniqueId("snippet-tab"), "aria-selected": String(i === 0), tabindex: i === 0 ? "0" : "-1" },
      snippet.label,
    ),
  );
  const panels = snippets.map((snippet, i) => {
    const copy = h("button", { type: "button", class: "button small", "aria-label": t("snippet-copy-named", { language: snippet.label }) }, t("action-copy"));
    copy.addEventListener("click", async () => {
      try {
        await api.copySnippet(snippet.language);
        showToast(t("snippet-copied", { language: snippet.label }));
      } catch (caught) {
        showError(asCommandError(caught).message);
      }
    });
    return h(
      "div",
      { role: "tabpanel", class: "snippet", "aria-labelledby": tabs[i].id, "data-language": snippet.language, hidden: i !== 0 },
      h("pre", { class: "snippet-code", tabindex: "0" }, h("code", {}, snippet.code)),
      copy,
    );
  });
  const select = (index: number) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute("aria-selected", String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      panels[i].hidden = i !== index;
    });
    tabs[index].focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(i));
    tab.addEventListener("keydown", (event: KeyboardEvent) => {
      if (event.key === "ArrowRight") select((i + 1) % tabs.length);
      else if (event.key === "ArrowLeft") select((i + tabs.length - 1) % tabs.length);
    });
  });
  dialog.body.append(
    h("p", {}, t("snippets-intro")),
    h("div", { role: "tablist", class: "snippet-tabs", "aria-label": t("snippets-languages") }, ...tabs),
    ...panels,
    h("h3", { class: "label" }, t("hand-off-title")),
    h("ol", { class: "hand-off" }, ...HAND_OFF_STEPS.map((step) => h("li", {}, t(step)))),
    h("div", { class: "dialog-actions" }, h("button", { type: "button", class: "button", onclick: () => dialog.close() }, t("close"))),
  );
  focusFirst(dialog, tabs[0]);
}
