// Length feedback for form fields with a limit (`maxlength`): a counter once a text nears its
// limit, and a form that is not sent while a text is too long (the server would refuse it).
// Rich-text fields are measured as the HTML their editor sends (see rich-text.js).
(() => {
  document.querySelectorAll("form[data-too-long]").forEach((form) => {
    const fields = [...form.querySelectorAll("textarea[maxlength], input[maxlength]")];
    const editorOf = (field) => {
      if (!("richText" in field.dataset)) return null;
      const editor = field.parentElement.querySelector("[contenteditable='true']");
      return editor || null;
    };
    const lengthOf = (field) => {
      const editor = editorOf(field);
      return editor ? editor.innerHTML.length : field.value.length;
    };
    const counters = new Map();
    const update = (field) => {
      const limit = Number(field.getAttribute("maxlength"));
      const length = lengthOf(field);
      let counter = counters.get(field);
      if (!counter) {
        counter = document.createElement("span");
        counter.className = "field__help";
        counter.setAttribute("aria-live", "polite");
        (editorOf(field) || field).after(counter);
        counters.set(field, counter);
      }
      counter.hidden = length < limit * 0.8;
      counter.textContent = `${length} / ${limit}`;
      if (length > limit) counter.textContent += ` ${form.dataset.tooLong}`;
      counter.classList.toggle("field__error", length > limit);
      return length <= limit;
    };
    fields.forEach(update);
    form.addEventListener("input", (event) => {
      fields.filter((field) => field.parentElement.contains(event.target)).forEach(update);
    });
    form.addEventListener("submit", (event) => {
      const tooLong = fields.filter((field) => !update(field));
      if (tooLong.length) {
        event.preventDefault();
        (editorOf(tooLong[0]) || tooLong[0]).focus();
      }
    });
  });
})();
