// Choosing a saved reply puts its text in the box, to adapt before sending. Without JavaScript the
// server uses the saved reply when the box is left empty.
(function () {
  "use strict";
  var texts = document.getElementById("saved-reply-texts");
  if (!texts) return;
  document.querySelectorAll("select[name$='saved_reply']").forEach(function (select) {
    select.addEventListener("change", function () {
      var template = texts.querySelector("template[data-id='" + select.value + "']");
      var box = select.form.querySelector("textarea[name$='body']");
      if (!template || !box) return;
      var text = template.content.textContent;
      box.value = box.value.trim() ? box.value.trim() + "\n\n" + text : text;
      box.focus();
    });
  });
})();
