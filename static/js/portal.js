// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // On narrow screens, start with long filter panels folded so results are in view.
  if (window.matchMedia("(max-width: 900px)").matches) {
    document.querySelectorAll("details[data-collapse-on-mobile]").forEach((details) => {
      details.open = false;
    });
  }
});
