import { expect, test } from "@playwright/test";
import { expectAccessible, signInWorker } from "./helpers";

/** Today in Shanghai as YYYY-MM-DD. */
function today(): string {
  return new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
}

test("staff import assignments from a table: each wrong row says why, then the team changes", async ({ page }) => {
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "导入", exact: true }).click();
  await page.getByRole("link", { name: "律师分工" }).click();
  await expect(page).toHaveURL(/\/desk\/import\?kind=assignments$/);
  // The A lawyer of 固戍社区 (西乡街道) becomes 兴东社区's B lawyer.
  const good = `兴东社区,B,14403201010000012,${today()}`;
  const table = page.getByLabel("或粘贴表格内容");
  await table.fill(`社区,角色,执业证号,开始日期\n${good}\n无此社区,A,14403201010000012,${today()}\n兴东社区,C,14403201010000012,${today()}\n`);
  await page.getByRole("button", { name: "检查" }).click();
  await expect(page.getByRole("status")).toHaveText("共3行，2行有误");
  await expect(page.getByRole("row").filter({ hasText: "无此社区" })).toContainText("找不到该社区");
  await expect(page.getByRole("row").filter({ hasText: /兴东社区.*C/ })).toContainText("角色须为A、B或联络员");
  await expect(page.getByRole("button", { name: "导入", exact: true })).toBeDisabled();
  await expectAccessible(page);

  await table.fill(`社区,角色,执业证号,开始日期\n${good}\n`);
  await page.getByRole("button", { name: "检查" }).click();
  await expect(page.getByRole("status")).toHaveText("共1行，0行有误");
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("已导入1项分工");
});

test("staff find a lawyer in the register, mark the licence unverified, and add a firm", async ({ page }) => {
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "律师名册" }).click();
  await expect(page).toHaveURL("/desk/lawyers");
  await page.getByLabel("姓名、律师事务所或执业证号").fill("14403201010000012");
  await page.getByRole("button", { name: "查找" }).click();
  const row = page.getByRole("row").filter({ hasText: "14403201010000012" });
  await expect(row).toContainText("固戍社区 A");
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2}/);
  await expectAccessible(page);

  await row.getByRole("button", { name: /修改/ }).click();
  await page.getByLabel("已在律师协会名册核验执业证").uncheck();
  await page.getByRole("button", { name: "保存律师信息" }).click();
  await expect(page.getByRole("status")).toHaveText("律师信息已保存");
  await expect(page.getByRole("row").filter({ hasText: "14403201010000012" })).toContainText("未核验");

  // The lawyer's team: an expert added, then taken off.
  await page.getByRole("row").filter({ hasText: "14403201010000012" }).getByRole("button", { name: /修改/ }).click();
  await page.getByLabel("成员姓名").fill("赵专家");
  await page.getByLabel("成员类型").selectOption({ label: "专家" });
  await page.getByRole("button", { name: "加入团队" }).click();
  await expect(page.getByRole("status")).toHaveText("团队已更新");
  await expect(page.getByRole("listitem").filter({ hasText: "赵专家 · 专家" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "移出团队 赵专家" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "赵专家" })).toHaveCount(0);

  // Staff record a court day as the lawyer's leave; their bookings in it would go to the B lawyer.
  const day = new Date(Date.now() + 8 * 3_600_000 + 3 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("开始日期").fill(day);
  await page.getByLabel("结束日期").fill(day);
  await page.getByLabel("原因", { exact: true }).fill("出庭");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已登记" })).toBeVisible();

  await page.getByLabel("名称").fill("广东前海明理律师事务所");
  await page.getByLabel("地址").fill("深圳市宝安区新安街道");
  await page.getByRole("button", { name: "保存律师事务所" }).click();
  await expect(page.getByRole("status").filter({ hasText: "律师事务所已保存" })).toHaveText("律师事务所已保存");
  await expect(page.getByLabel("选择律师事务所").locator("option", { hasText: "广东前海明理律师事务所" })).toHaveCount(1);
});
