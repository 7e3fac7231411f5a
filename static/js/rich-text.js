// A small formatting toolbar for the front-end practice form. Without JavaScript the field is a
// plain textarea (blank lines make paragraphs). Whatever is sent is cleaned on the server.
(() => {
  const commands = [
    ["bold", "B", "Bold"],
    ["italic", "I", "Italic"],
    ["insertUnorderedList", "• List", "Bulleted list"],
    ["insertOrderedList", "1. List", "Numbered list"],
    ["h3", "Heading", "Heading"],
    ["link", "Link", "Link"],
  ];
  document.execCommand("defaultParagraphSeparator", false, "p");
  document.querySelectorAll("textarea[data-rich-text]").forEach((textarea) => {
    const editor = document.createElement("div");
    editor.className = "rich-editor__area";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    const label = document.querySelector(`label[for="${textarea.id}"]`);
    if (label) {
      label.id = label.id || `${textarea.id}-label`;
      editor.setAttribute("aria-labelledby", label.id);
    }
    const value = textarea.value.trim();
    editor.innerHTML = value.startsWith("<") ? value : value.split(/\n\s*\n/).filter(Boolean).map((p) => `<p>${p.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c])}</p>`).join("");
    const toolbar = document.createElement("div");
    toolbar.className = "rich-editor__toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", `${label ? label.textContent.trim() : ""} formatting`);
    commands.forEach(([command, text, title]) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = text;
      button.title = title;
      button.addEventListener("click", () => {
        editor.focus();
        if (command === "h3") {
          document.execCommand("formatBlock", false, "h3");
        } else if (command === "link") {
          const url = window.prompt("Web address (https://…)");
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
