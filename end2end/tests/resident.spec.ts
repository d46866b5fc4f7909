import { expect, test } from "@playwright/test";
import { codeSentTo, expectAccessible, signInResident } from "./helpers";

test("a visitor finds 后亭社区 and its adviser team from the home page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("一社区一法律顾问");
  await expect(page.getByRole("link", { name: /沙井街道/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /沙井街道/ }).click();
  await expect(page.getByRole("link", { name: "后亭社区" })).toBeVisible();
  await expectAccessible(page);
  // The street and the community are pages the server renders; the search is a plain form.
  const communities = page.getByRole("listitem").filter({ has: page.locator('a[href^="/communities/"]') });
  expect(await communities.count()).toBeGreaterThan(1);
  await page.getByRole("searchbox", { name: "选择您所在的社区，找到您的社区法律顾问" }).fill("后亭");
  await page.getByRole("searchbox", { name: "选择您所在的社区，找到您的社区法律顾问" }).press("Enter");
  await expect(page).toHaveURL(/\/streets\/\d+\?q=/);
  await expect(communities).toHaveCount(1);
  await page.getByRole("link", { name: "后亭社区" }).click();
  await expect(page.getByRole("heading", { name: "后亭社区" })).toBeVisible();
  await expect(page.getByText("A角律师")).toBeVisible();
  await expect(page.getByText("B角律师")).toBeVisible();
  await expect(page.getByText("统筹律师")).toBeVisible();
  await expect(page.getByText("律师助理")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("community-360.png") });
});

test("a new resident signs in with an SMS code and remembers their community", async ({ page }) => {
  await signInResident(page, "13712340001");
  await page.getByRole("link", { name: "我的", exact: true }).click();
  await expect(page.getByText("137****0001")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/");
  await page.getByRole("link", { name: /沙井街道/ }).click();
  await page.getByRole("link", { name: "后亭社区" }).click();
  await page.getByRole("button", { name: "设为我的社区" }).click();
  await expect(page.getByText("这是我的社区")).toBeVisible();

  await page.reload();
  await page.getByRole("link", { name: "首页", exact: true }).click();
  await page.getByRole("link", { name: "我的社区" }).click();
  await expect(page.getByRole("heading", { name: "后亭社区" })).toBeVisible();

  await page.getByRole("link", { name: "我的", exact: true }).click();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
});

test("a wrong number or code is explained and nothing happens", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.getByLabel("手机号").fill("12345");
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("alert")).toHaveText("请输入正确的11位中国大陆手机号");

  await page.getByLabel("手机号").fill("13712340002");
  await page.getByRole("button", { name: "获取验证码" }).click();
  await codeSentTo("13712340002");
  await page.getByLabel("验证码").fill("000000");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText(/验证码不正确|错误次数过多/);
  await expect(page).toHaveURL(/sign-in/);
});

test("language, large text and contrast are remembered on the device", async ({ page }) => {
  await page.goto("/me");
  await expectAccessible(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Home", exact: true })).toBeVisible();
  await page.getByLabel("Large text").check();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await expect(page.getByRole("link", { name: "Home", exact: true })).toBeVisible();
  // Touch targets stay at least 44 px high on a 360 px screen.
  const box = await page.getByRole("link", { name: "Home", exact: true }).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await expectAccessible(page);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("link", { name: "首页", exact: true })).toBeVisible();
});
