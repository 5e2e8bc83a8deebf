/* "Keep my crisis plan on this phone": registers the portal's service worker (static/sw.js) and asks
   it to keep this one page, or to remove it. Without JavaScript or service workers the section
   stays hidden and nothing is kept. */
(function () {
  "use strict";
  var box = document.getElementById("offline-plan");
  if (!box || !("serviceWorker" in navigator) || !("caches" in window)) {
    return;
  }
  var plan = box.getAttribute("data-plan-url");
  var keepButton = box.querySelector("[data-offline-keep]");
  var forgetButton = box.querySelector("[data-offline-forget]");
  var status = box.querySelector("[data-offline-status]");

  function ask(worker, message) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        resolve(event.data || {});
      };
      worker.postMessage(message, [channel.port2]);
    });
  }

  function show(kept, text) {
    keepButton.hidden = kept;
    forgetButton.hidden = !kept;
    status.textContent = text || (kept ? box.getAttribute("data-kept") : box.getAttribute("data-not-kept"));
    box.setAttribute("data-state", kept ? "kept" : "not-kept");
  }

  function worker() {
    return navigator.serviceWorker
      .register(box.getAttribute("data-worker-url"), { scope: "/" })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        return registration.active;
      });
  }

  keepButton.addEventListener("click", function () {
    keepButton.disabled = true;
    worker()
      .then(function (active) {
        return ask(active, { type: "keep", url: plan });
      })
      .then(function (answer) {
        show(Boolean(answer.kept), answer.kept ? null : box.getAttribute("data-failed"));
      })
      .catch(function () {
        show(false, box.getAttribute("data-failed"));
      })
      .then(function () {
        keepButton.disabled = false;
      });
  });

  forgetButton.addEventListener("click", function () {
    forgetButton.disabled = true;
    var done = function () {
      forgetButton.disabled = false;
      show(false);
    };
    // Removing works even when the worker is gone: the page empties the cache itself too.
    caches
      .delete("reconnect-crisis-plan")
      .then(function () {
        return navigator.serviceWorker.getRegistration("/");
      })
      .then(function (registration) {
        return registration && registration.active ? ask(registration.active, { type: "forget" }) : null;
      })
      .then(done, done);
  });

  box.hidden = false;
  caches
    .has("reconnect-crisis-plan")
    .then(function (has) {
      return has
        ? caches.open("reconnect-crisis-plan").then(function (cache) {
            return cache.match(new URL(plan, window.location.href).href);
          })
        : null;
    })
    .then(function (copy) {
      show(Boolean(copy));
    });
})();
