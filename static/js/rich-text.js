// A small formatting toolbar for the front-end practice form. Without JavaScript the field is a
// plain textarea (blank lines make paragraphs). Whatever is sent is cleaned on the server.
(() => {
  const labelsElement = document.getElementById("rich-text-labels");
  const labels = labelsElement ? JSON.parse(labelsElement.textContent) : {};
  const label = (key, fallback) => labels[key] || fallback;
  const commands = [
    ["bold", "B", label("bold", "Bold")],
    ["italic", "I", label("italic", "Italic")],
    ["insertUnorderedList", "•", label("bullets", "Bulleted list")],
    ["insertOrderedList", "1.", label("numbers", "Numbered list")],
    ["h3", "H", label("heading", "Heading")],
    ["link", label("link", "Link"), label("link", "Link")],
  ];
  // What the editor may hold: the server's allow-list (portal/sanitize.py). The textarea's value
  // is never assigned to innerHTML: it is parsed into an inert document (nothing loads or runs
  // there) and only allowed elements are rebuilt, without attributes except a safe link href.
  const allowed = new Set(["P", "BR", "UL", "OL", "LI", "A", "B", "STRONG", "I", "EM", "H3", "H4", "BLOCKQUOTE"]);
  const dropped = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "IFRAME", "OBJECT", "EMBED", "SVG", "MATH", "TEXTAREA", "TITLE", "XMP", "NOEMBED", "NOFRAMES"]);
  const safeHref = (href) => {
    const compact = (href || "").replace(/[\u0000-\u0020\u007f-\u009f]+/g, "");
    return /^(https?:\/\/[^/]|mailto:[^@]+@)/i.test(compact) ? compact : null;
  };
  const rebuild = (source) => {
    const nodes = [];
    source.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        nodes.push(document.createTextNode(node.textContent));
      } else if (node.nodeType === Node.ELEMENT_NODE && !dropped.has(node.tagName.toUpperCase())) {
        const tag = node.tagName.toUpperCase();
        const href = tag === "A" ? safeHref(node.getAttribute("href")) : null;
        if (allowed.has(tag) && (tag !== "A" || href)) {
          const element = document.createElement(tag.toLowerCase());
          if (href) element.setAttribute("href", href);
          element.append(...rebuild(node));
          nodes.push(element);
        } else {
          nodes.push(...rebuild(node)); // unknown element: keep its text, not the element
        }
      }
    });
    return nodes;
  };
  const initialContent = (value) => {
    if (value.startsWith("<")) {
      return rebuild(new DOMParser().parseFromString(value, "text/html").body);
    }
    return value.split(/\n\s*\n/).filter(Boolean).map((text) => {
      const paragraph = document.createElement("p");
      paragraph.textContent = text;
      return paragraph;
    });
  };
  // The link dialog: a labelled address field in a modal <dialog> (focus stays inside, Escape
  // closes it), checked as the server checks links; the selection is put back before linking.
  let dialog = null;
  const linkDialog = () => {
    if (dialog) return dialog;
    dialog = document.createElement("dialog");
    dialog.className = "link-dialog";
    dialog.setAttribute("aria-labelledby", "link-dialog-title");
    dialog.innerHTML = `<form method="dialog" novalidate>
      <h2 id="link-dialog-title"></h2>
      <label for="link-dialog-url"></label>
      <input id="link-dialog-url" type="url" inputmode="url" autocomplete="url" aria-describedby="link-dialog-error">
      <p id="link-dialog-error" class="errorlist" hidden></p>
      <div class="link-dialog__actions"><button class="button" value="add"></button> <button class="button button--secondary" value="cancel" formnovalidate></button></div>
    </form>`;
    dialog.querySelector("h2").textContent = label("link", "Link");
    dialog.querySelector("label").textContent = label("linkPrompt", "Web address (https://…)");
    dialog.querySelector("button[value=add]").textContent = label("addLink", "Add link");
    dialog.querySelector("button[value=cancel]").textContent = label("cancel", "Cancel");
    document.body.appendChild(dialog);
    return dialog;
  };
  const openLinkDialog = (editor, opener) => {
    const box = linkDialog();
    const selection = window.getSelection();
    const range = selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    const input = box.querySelector("input");
    const error = box.querySelector(".errorlist");
    input.value = "https://";
    error.hidden = true;
    input.removeAttribute("aria-invalid");
    box.querySelector("form").onsubmit = (event) => {
      const add = event.submitter && event.submitter.value === "add";
      if (add && !safeHref(input.value.trim())) {
        event.preventDefault();
        error.textContent = label("linkError", "Enter an address starting with https:// or mailto:");
        error.hidden = false;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      box.returnValue = add ? "add" : "cancel";
    };
    box.onclose = () => {
      editor.focus();
      if (range) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
      if (box.returnValue === "add") {
        document.execCommand("createLink", false, safeHref(input.value.trim()));
      }
      box.returnValue = "";
      opener.focus();
    };
    box.showModal();
    input.select();
  };
  document.execCommand("defaultParagraphSeparator", false, "p");
  document.querySelectorAll("textarea[data-rich-text]").forEach((textarea) => {
    const editor = document.createElement("div");
    editor.className = "rich-editor__area";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    const fieldLabel = document.querySelector(`label[for="${textarea.id}"]`);
    if (fieldLabel) {
      fieldLabel.id = fieldLabel.id || `${textarea.id}-label`;
      editor.setAttribute("aria-labelledby", fieldLabel.id);
    }
    editor.append(...initialContent(textarea.value.trim()));
    const toolbar = document.createElement("div");
    toolbar.className = "rich-editor__toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", `${fieldLabel ? fieldLabel.textContent.trim() : ""}: ${label("toolbar", "Formatting")}`);
    commands.forEach(([command, text, title]) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = text;
      button.title = title;
      button.setAttribute("aria-label", title);
      button.addEventListener("click", () => {
        editor.focus();
        if (command === "h3") {
          document.execCommand("formatBlock", false, "h3");
        } else if (command === "link") {
          openLinkDialog(editor, button);
        } else {
          document.execCommand(command, false);
        }
      });
      toolbar.appendChild(button);
    });
    textarea.hidden = true;
    textarea.after(toolbar, editor);
    textarea.form.addEventListener("submit", () => {
      textarea.value = editor.innerHTML;
    });
  });
})();
