import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectAccessible, setCommunity, signInResident } from "./helpers";

test("a resident reads the privacy notice, downloads everything held about them and erases their account", async ({ page }) => {
  // The sign-in form links the notice that signing in agrees to.
  await page.goto("/sign-in");
  await expect(page.getByRole("link", { name: "《隐私说明》" })).toHaveAttribute("href", "/privacy");
  await signInResident(page, "13755550091");
  await setCommunity(page, "后亭社区");
  await page.getByRole("navigation", { name: "tabs" }).getByRole("link", { name: "我的" }).click();
  await page.getByRole("link", { name: "个人信息" }).click();
  await expect(page).toHaveURL("/me/privacy");
  await expect(page.getByRole("heading", { name: "个人信息", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "隐私说明" })).toContainText("手机号");
  await expect(page.getByText("您同意的版本：")).toBeVisible();
  await expectAccessible(page);

  // The archive: a zip holding the raw data, a readable index and the number it belongs to.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载我的全部信息" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^fai-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const archive = readFileSync(await download.path());
  expect(archive.subarray(0, 2).toString()).toBe("PK");
  expect(archive.includes("data.json") && archive.includes("index.html")).toBe(true);

  // A wrong confirmation changes nothing; the right one erases the account and signs out.
  await page.getByLabel("请输入“注销”以确认").fill("好的");
  await page.getByRole("button", { name: "注销账号" }).click();
  await expect(page.getByRole("alert")).toContainText("请输入“注销”两个字以确认");
  await page.getByLabel("请输入“注销”以确认").fill("注销");
  await page.getByRole("button", { name: "注销账号" }).click();
  await expect(page.getByRole("heading", { name: "账号已注销", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/me");
  await expect(page.getByRole("link", { name: "登录" }).first()).toBeVisible();
});
