// 法i社区 service worker: a lost connection still shows the app, and a new deploy is picked up on
// the very next visit. The API is never cached: its answers are personal and live.
//
// Pages go to the network first and fall back to the cached shell only when the network fails,
// so a phone never runs a stale wasm against a newer server. Hashed files (wasm, js, css) never
// change, so they are served from the cache once fetched; a fresh shell prunes the ones it no
// longer names. The residents' app (/) and the workbench (/desk/) each have their own shell.
const CACHE = "fai-shell-v2";
const OFFLINE = ["/offline.html", "/offline.css"];
const HASHED = /-[0-9a-f]{12,}(_bg)?\.(js|wasm|css)$/;
const SERVER_PAGES = /^\/(articles|library|files|me\/files|questions)(\/|$)/;

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
  // Pages the server renders itself, and files: from the network, never kept as an app shell.
  if (SERVER_PAGES.test(url.pathname)) {
    if (request.mode === "navigate") {
      event.respondWith(fetch(request).catch(() => caches.match("/offline.html")));
    }
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(event, shellOf(url.pathname)));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

/** The cache key of the shell a page path belongs to. */
function shellOf(path) {
  return path === "/desk" || path.startsWith("/desk/") ? "/desk/" : "/";
}

async function page(event, shell) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(copy.text().then((html) => keepShell(cache, shell, html)));
    }
    return response;
  } catch {
    return (await cache.match(shell)) || (await cache.match("/offline.html")) || Response.error();
  }
}

/** Stores a fresh shell and drops the hashed files of its front end that it no longer names. */
async function keepShell(cache, shell, html) {
  await cache.put(shell, new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } }));
  const named = new Set([...html.matchAll(/\/[\w/.-]+-[0-9a-f]{12,}(?:_bg)?\.(?:js|wasm|css)/g)].map((m) => m[0]));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (HASHED.test(path) && shellOf(path) === shell && !named.has(path)) {
      await cache.delete(request);
    }
  }
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
