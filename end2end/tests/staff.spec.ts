import { expect, test } from "@playwright/test";
import { codeSentTo, signInWorker } from "./helpers";

test("a lawyer finds the workbench from the residents' sign-in and signs in with a password", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: /律师 \/ 工作人员/ }).click();
  await expect(page).toHaveURL("/desk/sign-in");
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

  // The residents' app sends a signed-in lawyer back to the workbench.
  await page.goto("/");
  await page.getByRole("link", { name: "工作台" }).click();
  await expect(page).toHaveURL("/desk/");
  await expect(page.getByRole("heading", { name: "预约处理" })).toBeVisible();
});

test("staff see every coverage figure with its label", async ({ page }) => {
  await signInWorker(page, "staff");
  const figures = page.locator("dl").first();
  await expect(figures.getByText("街道", { exact: true })).toBeVisible();
  await expect(figures.locator("div").filter({ hasText: "街道" })).toContainText("10");
  await expect(figures.locator("div").filter({ hasText: "社区" })).toContainText("65");
  await expect(figures.getByText("在岗律师")).toBeVisible();
  await expect(page.getByText(/未安排A角律师的社区/)).toBeVisible();
});

test("an admin finishes a password sign-in with the SMS second factor", async ({ page }) => {
  await page.goto("/desk/sign-in");
  await page.getByLabel("登录名或手机号").fill("admin");
  await page.getByLabel("密码").fill("fai-demo-2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("139****0001");
  await page.getByLabel("验证码").fill(await codeSentTo("13900000001"));
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/desk");
  await expect(page.getByText("系统管理员")).toBeVisible();
});
