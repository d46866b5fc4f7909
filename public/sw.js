// 法i社区 service worker: keeps the app shell so that a second visit starts at once and a lost
// connection still shows a page. The API is never cached: its answers are personal and live.
const CACHE = "fai-shell-v1";
const OFFLINE = ["/offline.html", "/offline.css"];
const HASHED = /-[0-9a-f]{12,}(_bg)?\.(js|wasm|css)$/

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(OFFLINE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(shell(event));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

// Pages: answer from the cached shell at once and refresh it in the background; with nothing
// cached, go to the network; with no network either, show the offline page.
async function shell(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match("/");
  const fresh = fetch(event.request)
    .then((response) => {
      if (response.ok) cache.put("/", response.clone());
      return response;
    })
    .catch(() => null);
  if (cached) {
    event.waitUntil(fresh);
    return cached;
  }
  return (await fresh) || (await cache.match("/offline.html"));
}

// Hashed files never change: once cached, never fetched again.
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}
