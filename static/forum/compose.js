// A gentle reminder while typing, when the text looks identifying. The server checks again on
// posting and asks "post anyway or edit"; this only says it earlier. Works without it.
(function () {
  "use strict";
  var body = document.getElementById("id_body");
  if (!body) { return; }
  var hint = document.createElement("p");
  hint.className = "form-text forum-hint";
  hint.setAttribute("aria-live", "polite");
  hint.id = "identifying-hint";
  body.insertAdjacentElement("afterend", hint);
  var message = body.form ? body.form.getAttribute("data-identifying-hint") : "";
  var patterns = [
    /(^|\D)\d{6}\s?\d{5}(\D|$)/,
    /[\w.+-]+@[\w-]+(\.[\w-]+)+/,
    /(^|[^\d+])((\+|00)47[\s.-]?)?(\d{2}[\s.-]?){3}\d{2}(\D|$)/,
    /[A-ZÆØÅ][\wæøå-]*\s?(veien|vegen|vei|veg|gata|gate|gaten)\s+\d{1,4}/
  ];
  var timer = null;
  body.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var found = patterns.some(function (re) { return re.test(body.value); });
      hint.textContent = found ? message : "";
    }, 400);
  });
})();
