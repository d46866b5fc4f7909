import { expect, test } from "@playwright/test";
import { expectAccessible, photo, setCommunity, signInResident, signInWorker } from "./helpers";

test("a resident uploads a photo to 我的资料 and their lawyer sees it on the workbench", async ({ page, browser }) => {
  await signInResident(page, "13755550001");
  await setCommunity(page, "后亭社区");
  await page.getByRole("navigation", { name: "tabs" }).getByRole("link", { name: "我的" }).click();
  await page.getByRole("link", { name: "我的资料" }).click();
  await expect(page).toHaveURL("/me/files");
  await expect(page.getByRole("heading", { name: "我的资料", level: 1 })).toBeVisible();
  await expect(page.getByText("还没有文件")).toBeVisible();
  await expectAccessible(page);

  // Something that is no photo or document is refused, with the reason.
  await page.getByLabel("上传照片或文件").setInputFiles({ name: "借条.exe", mimeType: "image/jpeg", buffer: Buffer.from("MZ not a photo") });
  await expect(page.getByRole("alert")).toContainText("只能上传PDF、JPG、PNG");

  await page.getByLabel("上传照片或文件").setInputFiles({ name: "借条照片.jpg", mimeType: "image/jpeg", buffer: await photo(page, "借条 ¥5000") });
  const row = page.getByRole("listitem").filter({ hasText: "借条照片.jpg" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("后亭社区");
  await expect(row.locator("img")).toHaveJSProperty("complete", true);
  expect(await row.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expectAccessible(page);

  // The community's lawyer, at a desk, sees it with the resident's (masked) number and opens it.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const lawyer = await desk.newPage();
  await signInWorker(lawyer, "lawyer");
  await lawyer.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "居民资料" }).click();
  await expect(lawyer).toHaveURL("/desk/files");
  const item = lawyer.getByRole("listitem").filter({ hasText: "借条照片.jpg" });
  await expect(item).toContainText("137****0001");
  await expect(item).toContainText("后亭社区");
  const opened = await lawyer.request.get((await item.getByRole("link", { name: "借条照片.jpg" }).getAttribute("href")) as string);
  expect(opened.status()).toBe(200);
  expect(opened.headers()["content-type"]).toBe("image/jpeg");
  await expectAccessible(lawyer);
  await desk.close();

  // The resident deletes it; it is gone.
  await row.getByRole("button", { name: /删除/ }).click();
  await expect(page.getByText("还没有文件")).toBeVisible();
});

test("a resident finds a template by a Chinese word and downloads it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "tabs" }).getByRole("link", { name: "资料" }).click();
  await expect(page).toHaveURL("/library");
  await expect(page.getByRole("heading", { name: "资料共享" })).toBeVisible();
  await page.getByLabel("搜索").fill("借条");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/library\?q=%E5%80%9F%E6%9D%A1/);
  const found = page.getByRole("listitem").filter({ hasText: "借条（模板）" });
  await expect(found).toBeVisible();
  await expect(page.getByText("劳动仲裁申请书（模板）")).toHaveCount(0);
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), found.getByRole("link", { name: /下载/ }).click()]);
  expect(download.suggestedFilename()).toBe("借条.docx");
});
