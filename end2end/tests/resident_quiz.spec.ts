import { expect, test } from "@playwright/test";
import { expectAccessible, setCommunity, signInResident, signInWorker } from "./helpers";

test("the district sets the month's theme quiz; a resident takes it from the 普法 feed once; staff see the street's figure", async ({ page, browser }) => {
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const staff = await staffContext.newPage();
  await signInWorker(staff, "staff");
  await staff.getByRole("link", { name: "年度与专项工作" }).click();
  await staff.getByRole("link", { name: "每月普法主题与答题" }).click();
  await expect(staff).toHaveURL("/staff/themes");
  await expectAccessible(staff);
  await staff.getByLabel("主题名称").fill("宪法宣传月");
  await staff.getByLabel("题干").first().fill("国家宪法日是哪一天？");
  await staff.getByLabel("选项1").first().fill("3月15日");
  await staff.getByLabel("选项2").first().fill("12月4日");
  await staff.getByLabel("正确选项").first().selectOption({ label: "选项2" });
  await staff.getByRole("button", { name: "保存主题与题目" }).click();
  await expect(staff.getByLabel("主题名称")).toHaveValue("宪法宣传月");

  await signInResident(page, "13766660041");
  await setCommunity(page, "后亭社区");
  await page.goto("/articles");
  await page.getByRole("link", { name: /宪法宣传月/ }).click();
  await expect(page).toHaveURL("/quiz");
  await expectAccessible(page);
  await page.getByLabel("12月4日").check();
  await page.getByRole("button", { name: "提交答案" }).click();
  await expect(page.getByRole("status")).toContainText("您答对了1题(共1题)");
  await expect(page.getByRole("button", { name: "提交答案" })).toHaveCount(0);

  await staff.reload();
  const row = staff.getByRole("row", { name: /沙井街道/ });
  await expect(row).toContainText("100.0");
  await staffContext.close();
});
