/* ReConnect's service worker: keeps one page, the member's crisis plan, on this device, and only
   after the member asked for it on that page. Nothing else is ever cached: every other request
   goes to the network untouched, and private pages keep their no-store header.

   Messages from the crisis plan page (static/toolbox/offline.js):
     {type: "keep", url}   fetch the plan now and store that one response
     {type: "forget"}      remove it
     {type: "status", url} answer whether it is kept
   Signing out removes it too: the sign-out response carries Clear-Site-Data, and the worker
   empties its cache as soon as it sees the sign-out request go by. */
"use strict";

const CACHE = "reconnect-crisis-plan";
// The one page this worker may keep, given by the page that registers it ("/sw.js?plan=...").
const PLAN = new URL(self.location.href).searchParams.get("plan") || "";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function samePath(a, b) {
  return new URL(a, self.location.origin).pathname === new URL(b, self.location.origin).pathname;
}

async function keptUrl() {
  const cache = await caches.open(CACHE);
  const keys = await cache.keys();
  return keys.length ? keys[0].url : null;
}

async function keep(url) {
  if (!samePath(url, PLAN)) {
    throw new Error("only the crisis plan is kept");
  }
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store", redirect: "manual" });
  // A sign-in page or an error is not the plan: keep nothing rather than the wrong page.
  if (!response.ok || response.type !== "basic" || !samePath(response.url, url)) {
    throw new Error("not kept");
  }
  await caches.delete(CACHE);
  const cache = await caches.open(CACHE);
  await cache.put(new URL(url, self.location.origin).href, response);
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const reply = (answer) => event.ports[0] && event.ports[0].postMessage(answer);
  let work;
  if (data.type === "keep" && data.url) {
    work = keep(data.url).then(() => reply({ kept: true }), () => reply({ kept: false, error: true }));
  } else if (data.type === "forget") {
    work = caches.delete(CACHE).then(() => reply({ kept: false }));
  } else if (data.type === "status") {
    work = keptUrl().then((url) => reply({ kept: Boolean(url && (!data.url || samePath(url, data.url))) }));
  } else {
    return;
  }
  event.waitUntil(work);
});

async function planFromNetworkOrKept(request) {
  const cache = await caches.open(CACHE);
  const copy = await cache.match(request.url);
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    if (copy) {
      return copy;
    }
    throw offline;
  }
  if (copy && response.ok && response.type === "basic") {
    // Online and still signed in: refresh the kept copy, so that it is never older than needed.
    await cache.put(request.url, response.clone());
  } else if (copy && response.type === "opaqueredirect") {
    // The session has ended (sent to sign in): the copy goes with it.
    await caches.delete(CACHE);
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method === "POST" && url.pathname === "/accounts/logout/") {
    event.waitUntil(caches.delete(CACHE));
    return;
  }
  // Every other page, file and form goes to the network as if there were no worker.
  if (request.method === "GET" && request.mode === "navigate" && PLAN && url.pathname === PLAN && !url.search) {
    event.respondWith(planFromNetworkOrKept(request));
  }
});
