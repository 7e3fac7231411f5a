// The error summary of a form (templates/includes/error_summary.html): it has the focus when
// the page opens, and each of its links moves the focus to the field it names (to a rich-text
// field's editor when the editor has replaced the textarea), with the field's label in view.
(() => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const input = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!input) return;
    const editor = input.hidden && input.parentElement.querySelector("[contenteditable='true']");
    const target = editor || input;
    event.preventDefault();
    (input.closest(".field") || target).scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  });
})();
