// Suggestions while typing: fills the search box's <datalist>, which browsers expose accessibly.
(() => {
  document.querySelectorAll("input[data-suggest-url]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    let timer = null;
    let controller = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const value = input.value.trim();
      if (value.length < 2) return;
      timer = setTimeout(async () => {
        if (controller) controller.abort();
        controller = new AbortController();
        try {
          const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(value)}`;
          const response = await fetch(url, { signal: controller.signal });
          const data = await response.json();
          list.replaceChildren(...data.suggestions.map((item) => {
            const option = document.createElement("option");
            option.value = item.title;
            return option;
          }));
        } catch (error) {
          // Suggestions are a convenience: typing and searching keep working without them.
        }
      }, 150);
    });
  });
})();
