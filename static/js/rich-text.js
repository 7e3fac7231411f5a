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
    ["link", "🔗", label("link", "Link")],
  ];
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
    const value = textarea.value.trim();
    editor.innerHTML = value.startsWith("<") ? value : value.split(/\n\s*\n/).filter(Boolean).map((p) => `<p>${p.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c])}</p>`).join("");
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
          const url = window.prompt(label("linkPrompt", "Web address (https://…)"));
          if (url) document.execCommand("createLink", false, url);
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
