import { expect, test } from "@playwright/test";
import { expectAccessible, signInResident, signInWorker } from "./helpers";

// A lawyer's own phone in the community office.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** Keys the server stores, shown as they are: none may reach a Chinese screen. */
const rawKey = /\b[a-z]+_[a-z_]+\b|\b(asked|claimed|waiting|pending|confirmed|in_person|phone|video|desk|code)\b|\b0 h\b/;

test("a lawyer books and asks for a phoning resident from their phone; the resident signs in and finds both", async ({ page, browser }) => {
  const phone = "13766660003";
  await signInWorker(page, "lawyer");
  const header = await page.locator("header").boundingBox();
  expect(header && header.height < 64, `header ${header?.height} px`).toBeTruthy();
  const nav = page.getByRole("navigation", { name: "工作台栏目" });
  await expect(nav.getByRole("link", { name: "工作台" })).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

  await nav.getByRole("link", { name: "代办" }).click();
  await expect(page).toHaveURL("/desk/assist");
  await expect(nav.getByRole("link", { name: "代办" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "工作台" })).not.toHaveAttribute("aria-current", "page");
  await page.getByLabel("居民手机号").fill(phone);
  await page.getByLabel("居民在电话中同意").check();
  await page.getByLabel("社区", { exact: true }).selectOption({ label: "沙井街道后亭社区" });
  await page.getByLabel("咨询类别").selectOption({ label: "劳动争议" });
  await page.getByLabel("简要说明您的问题").fill("工地欠薪两个月，老板不接电话");
  await page.getByRole("button", { name: "代为预约" }).last().click();
  await expect(page.getByRole("status")).toContainText("已预约，预约码");
  await expectAccessible(page);

  await page.getByRole("button", { name: "代为提问" }).first().click();
  await page.getByLabel("问题标题").fill("工地欠薪怎么讨要");
  await page.getByLabel("问题内容").fill("在工地干了两个月，老板一直拖着不发工资，电话也不接。");
  await page.getByLabel("已告知居民哪些人能看到问题").check();
  await page.getByRole("button", { name: "代为提问" }).last().click();
  await expect(page.getByRole("status")).toContainText("已提交问题");

  // The desk shows the question waiting beside today's bookings, every label in Chinese.
  await nav.getByRole("link", { name: "工作台" }).click();
  await expect(page.getByRole("region", { name: "在线咨询" }).getByRole("link", { name: "工地欠薪怎么讨要" })).toBeVisible();
  expect(await page.locator("main").innerText()).not.toMatch(rawKey);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await expectAccessible(page);

  // The resident, on their own phone, signs in for the first time and finds both.
  const theirs = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const resident = await theirs.newPage();
  await signInResident(resident, phone);
  await resident.goto("/bookings");
  await expect(resident.getByRole("link", { name: /后亭社区/ })).toBeVisible();
  await resident.goto("/questions");
  await expect(resident.getByRole("link", { name: "工地欠薪怎么讨要" })).toBeVisible();
  await resident.goto("/me/privacy");
  await expect(resident.getByText("代您预约了咨询")).toBeVisible();
  await expect(resident.getByText("您在电话中同意").first()).toBeVisible();
  await theirs.close();
});
