import { expect, test } from "@playwright/test";
import { codeSentTo } from "./helpers";

test("a lawyer signs in with a password and gets the lawyers' navigation", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("tab", { name: "律师 / 工作人员" }).click();
  await page.getByLabel("登录名或手机号").fill("lawyer");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("登录名或密码不正确");

  await page.getByLabel("密码").fill("fai-demo-2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/desk");
  await expect(page.getByRole("navigation", { name: "staff" }).getByRole("link", { name: "工作台" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "tabs" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "值班安排" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "沙井街道后亭社区" })).toContainText("周一 09:00–12:00");
});

test("an admin finishes a password sign-in with the SMS second factor", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("tab", { name: "律师 / 工作人员" }).click();
  await page.getByLabel("登录名或手机号").fill("admin");
  await page.getByLabel("密码").fill("fai-demo-2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("139****0001");
  await page.getByLabel("验证码").fill(await codeSentTo("13900000001"));
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/desk");
  await expect(page.getByText("系统管理员")).toBeVisible();
});
