import { expect, test } from "@playwright/test";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const site = join(__dirname, "..", "test-results", "site");

test("the app shell loads with nothing from another host and survives going offline", async ({ page, context }) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://127.0.0.1")) foreign.push(request.url());
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/");
  await expect(page.getByRole("link", { name: /新安街道/ })).toBeVisible();
  await expect(page.locator("#boot")).toHaveCount(0);
  expect(foreign).toEqual([]);
  expect(errors.filter((e) => e.includes("Content Security Policy"))).toEqual([]);

  // The service worker takes over, then the connection drops: the shell still starts.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("link", { name: "首页", exact: true })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("网络");
  await context.setOffline(false);
});

test("a phone that has the app picks up a new deploy on its very next visit", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByRole("link", { name: /新安街道/ })).toBeVisible();

  // A deploy replaces index.html (and with it the names of the wasm and js it loads).
  const index = join(site, "index.html");
  const before = readFileSync(index, "utf8");
  rmSync(`${index}.br`, { force: true });
  rmSync(`${index}.gz`, { force: true });
  writeFileSync(index, before.replace("<title>", '<meta name="fai-build" content="next" /><title>'));
  try {
    await page.reload();
    await expect(page.locator('meta[name="fai-build"]')).toHaveAttribute("content", "next");
    await expect(page.getByRole("link", { name: /新安街道/ })).toBeVisible();
  } finally {
    writeFileSync(index, before);
  }
});
