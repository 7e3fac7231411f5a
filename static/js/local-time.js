/* An event's times in the reader's own time zone, beside the event's (which the page shows
   without JavaScript). Shown only when the two zones differ; formatted in the page's language. */
(function () {
  "use strict";
  var reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var lang = document.documentElement.lang || undefined;
  document.querySelectorAll(".local-time[data-start]").forEach(function (el) {
    if (!reader || reader === el.dataset.zone) return;
    var start = new Date(el.dataset.start), end = new Date(el.dataset.end);
    if (isNaN(start) || isNaN(end)) return;
    var full = { dateStyle: "long", timeStyle: "short", timeZone: reader };
    var sameDay = new Intl.DateTimeFormat("en-CA", { timeZone: reader }).format(start) ===
      new Intl.DateTimeFormat("en-CA", { timeZone: reader }).format(end);
    var endFormat = sameDay ? { timeStyle: "short", timeZone: reader, timeZoneName: "short" }
      : Object.assign({ timeZoneName: "short" }, full);
    var text = new Intl.DateTimeFormat(lang, full).format(start) + " – " +
      new Intl.DateTimeFormat(lang, endFormat).format(end);
    el.textContent = el.dataset.label + " " + text + " (" + reader.replace(/_/g, " ") + ")";
    el.hidden = false;
  });
})();
