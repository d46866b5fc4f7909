import { expect, test } from "@playwright/test";
import { codeSentTo, expectAccessible, signInWorker } from "./helpers";

/** Today in Shanghai as YYYY-MM-DD. */
function today(): string {
  return new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
}

test("an admin creates a street's account; its staff see their street only", async ({ page, browser }) => {
  await page.goto("/desk/sign-in");
  await page.getByLabel("登录名或手机号").fill("admin");
  await page.getByLabel("密码").fill("fai-demo-2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.getByLabel("验证码").fill(await codeSentTo("13900000001"));
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/desk");
  await page.getByRole("navigation", { name: "staff" }).getByRole("link", { name: "职员账号" }).click();
  await expect(page).toHaveURL("/desk/accounts");
  await expect(page.getByRole("row").filter({ hasText: "shajing" })).toContainText("沙井街道");

  await page.getByLabel("登录名", { exact: true }).fill("xixiang");
  await page.getByLabel("名称").fill("西乡街道司法所");
  await page.getByLabel("范围").selectOption({ label: "西乡街道" });
  await page.getByLabel(/新密码/).fill("short");
  await page.getByRole("button", { name: "保存账号" }).click();
  await expect(page.getByRole("alert")).toContainText("密码至少10位");
  await page.getByLabel(/新密码/).fill("xixiang-2026-desk");
  await page.getByRole("button", { name: "保存账号" }).click();
  await expect(page.getByRole("status")).toHaveText("账号已保存");
  await expect(page.getByRole("row").filter({ hasText: "xixiang" })).toContainText("西乡街道");
  await expectAccessible(page);

  // The new account signs in: its board is 西乡街道's, and the district's registers are not offered.
  const street = await browser.newPage();
  await street.goto("/desk/sign-in");
  await street.getByLabel("登录名或手机号").fill("xixiang");
  await street.getByLabel("密码").fill("xixiang-2026-desk");
  await street.getByRole("button", { name: "登录", exact: true }).click();
  await expect(street).toHaveURL("/desk");
  const nav = street.getByRole("navigation", { name: "staff" });
  await expect(nav.getByRole("link", { name: "审计日志" })).toHaveCount(0);
  await nav.getByRole("link", { name: "覆盖看板" }).click();
  await expect(street.getByText(/西乡街道\d+个社区/).first()).toBeVisible();
  await expect(street.getByRole("row").filter({ hasText: "固戍社区" })).toBeVisible();
  await expect(street.getByRole("row").filter({ hasText: "后亭社区" })).toHaveCount(0);
  await street.close();
});

test("staff import assignments from a table: each wrong row says why, then the team changes", async ({ page }) => {
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "staff" }).getByRole("link", { name: "导入", exact: true }).click();
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
  await page.getByRole("navigation", { name: "staff" }).getByRole("link", { name: "律师名册" }).click();
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

  await page.getByLabel("名称").fill("广东前海明理律师事务所");
  await page.getByLabel("地址").fill("深圳市宝安区新安街道");
  await page.getByRole("button", { name: "保存律师事务所" }).click();
  await expect(page.getByRole("status")).toHaveText("律师事务所已保存");
  await expect(page.getByLabel("选择律师事务所").locator("option", { hasText: "广东前海明理律师事务所" })).toHaveCount(1);
});
