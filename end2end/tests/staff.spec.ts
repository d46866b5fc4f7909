import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { codeSentTo, expectAccessible, setCommunity, signInResident, signInWorker } from "./helpers";

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
  await expect(page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "工作台" })).toBeVisible();
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

test("an admin finishes a password sign-in with the SMS second factor, then creates a street's account whose staff see their street only", async ({ page, browser }) => {
  await page.goto("/desk/sign-in");
  await page.getByLabel("登录名或手机号").fill("admin");
  await page.getByLabel("密码").fill("fai-demo-2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("139****0001");
  await page.getByLabel("验证码").fill(await codeSentTo("13900000001"));
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/desk");
  await expect(page.getByText("系统管理员")).toBeVisible();

  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "职员账号" }).click();
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
  const nav = street.getByRole("navigation", { name: "工作台栏目" });
  await expect(nav.getByRole("link", { name: "审计日志" })).toHaveCount(0);
  await nav.getByRole("link", { name: "覆盖看板" }).click();
  await expect(street.getByText(/西乡街道\d+个社区/).first()).toBeVisible();
  await expect(street.getByRole("row").filter({ hasText: "固戍社区" })).toBeVisible();
  await expect(street.getByRole("row").filter({ hasText: "后亭社区" })).toHaveCount(0);
  // Articles: their street is the only audience offered.
  await nav.getByRole("link", { name: "普法与资料" }).click();
  await expect(street.getByLabel("推送范围").locator("option")).toHaveText(["西乡街道"]);
  await street.close();
});

test("staff publish an article for one street; its residents read it and another street's do not", async ({ page, browser }) => {
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "普法与资料" }).click();
  await expect(page).toHaveURL("/desk/publish");
  await page.getByLabel("标题").first().fill("沙井街道：租房押金怎么退");
  await page.getByLabel("推送范围").selectOption({ label: "沙井街道" });
  await page.getByLabel("正文(支持Markdown格式)").fill("退租前**拍照留证**，押金条要保存好。\n\n<script>alert(1)</script>");
  await page.getByRole("button", { name: "发布文章" }).click();
  await expect(page.getByRole("status")).toContainText("已发布");
  await expect(page.getByRole("listitem").filter({ hasText: "沙井街道：租房押金怎么退" }).first()).toContainText("沙井街道");
  await expectAccessible(page);

  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
  const reader = async (number: string, community: string) => {
    const context = await browser.newContext(phone);
    const resident = await context.newPage();
    await signInResident(resident, number);
    await setCommunity(resident, community);
    await resident.goto("/articles");
    return { context, resident };
  };
  const shajing = await reader("13755550011", "后亭社区");
  const article = shajing.resident.getByRole("link", { name: "沙井街道：租房押金怎么退" });
  await expect(article).toBeVisible();
  await article.click();
  await expect(shajing.resident.getByRole("heading", { name: "沙井街道：租房押金怎么退" })).toBeVisible();
  await expect(shajing.resident.locator("article strong")).toHaveText("拍照留证");
  await expect(shajing.resident.locator("article")).toContainText("<script>alert(1)</script>");
  await expectAccessible(shajing.resident);
  await shajing.context.close();

  const xinan = await reader("13755550012", "海旺社区");
  await expect(xinan.resident.getByRole("heading", { name: "普法文章" })).toBeVisible();
  await expect(xinan.resident.getByRole("link", { name: "被拖欠工资怎么办：三步依法讨薪" })).toBeVisible();
  await expect(xinan.resident.getByRole("link", { name: "沙井街道：租房押金怎么退" })).toHaveCount(0);
  await xinan.context.close();
});

/** The file behind the link named `name`: its suggested name and its bytes. */
async function download(page: Page, name: string): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent("download");
  await page.getByRole("link", { name, exact: true }).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) as string) };
}

test("staff open the coverage board, drill from a street to its communities, follow a gap and export the figures", async ({ page }) => {
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "覆盖看板" }).click();
  await expect(page).toHaveURL(/\/desk\/board$/);
  await expect(page.getByText("值班天数 / 应值班").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "本月" })).toHaveClass(/bg-brand/);

  await page.getByRole("link", { name: "本季度" }).click();
  await expect(page).toHaveURL(/from=\d{4}-(01|04|07|10)-01&to=/);
  await page.getByRole("row").filter({ hasText: "沙井街道" }).getByRole("link", { name: "沙井街道" }).click();
  await expect(page).toHaveURL(/street=\d+/);
  await expect(page.getByRole("heading", { name: "沙井街道" })).toBeVisible();
  // The street's duty-days over the quarter week by week, and every street against its quota.
  await expect(page.getByRole("img", { name: /^值班天数走势 — 值班天数 \/ 应值班: \d+ \/ \d+$/ })).toBeVisible();
  await expect(page.getByRole("figure").filter({ hasText: "各街道值班天数与配额" }).getByRole("listitem")).toHaveCount(10);
  await expect(page.getByRole("row").filter({ hasText: "后亭社区" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "海旺社区" })).toHaveCount(0);
  // The street's communities on a map, each dot named with its gaps and linking to its team.
  await expect(page.getByRole("figure").filter({ hasText: /^社区分布图：\d+个社区/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^沙头社区: .*14天未值班/ })).toHaveAttribute("href", /\/desk\/team\?community=\d+/);
  // No duty was ever logged at 沙头社区 (the duty specs check in at 后亭社区): it is flagged,
  // with a way to act.
  const flag = page.getByRole("row").filter({ hasText: "沙头社区" }).getByRole("link", { name: /14天未值班/ });
  await expect(flag).toBeVisible();
  await expectAccessible(page);

  const workbook = await download(page, "导出Excel表格");
  expect(workbook.name).toMatch(/^board-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(workbook.bytes.subarray(0, 2).toString()).toBe("PK"); // a workbook is a zip archive
  const csv = await download(page, "导出CSV(Excel可打开)");
  expect(csv.name).toMatch(/^board-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.bytes.subarray(0, 3).toString("hex")).toBe("efbbbf"); // the byte-order mark Excel needs

  await flag.click();
  await expect(page).toHaveURL(/\/desk\/month\?lawyer=\d+/);
});

test("staff hand a community's B role to another lawyer; the old term stays in the history", async ({ page }) => {
  await signInWorker(page, "staff");
  await page.goto("/desk/board");
  await page.getByRole("row").filter({ hasText: "沙井街道" }).getByRole("link", { name: "沙井街道" }).click();
  await page.getByRole("row").filter({ hasText: "后亭社区" }).getByRole("link", { name: "后亭社区" }).click();
  await expect(page).toHaveURL(/\/desk\/team\?community=\d+/);
  await expect(page.getByRole("heading", { name: /后亭社区/ })).toBeVisible();

  const history = page.getByRole("listitem");
  await expect(history.filter({ hasText: "B角" }).first()).toContainText("至今");
  const team = await history.allInnerTexts();
  const lawyers = await page.getByLabel("律师", { exact: true }).locator("option").allInnerTexts();
  const newcomer = lawyers.find((name) => name !== "—" && !team.some((line) => line.includes(name)));
  expect(newcomer).toBeTruthy();
  await page.getByLabel("角色").selectOption({ label: "B角" });
  await page.getByLabel("律师", { exact: true }).selectOption({ label: newcomer! });
  await page.getByRole("button", { name: "保存调整" }).click();
  await expect(page.getByRole("status")).toContainText("已保存");
  await expect(history.filter({ hasText: newcomer! })).toContainText("至今");
  await expect(history.filter({ hasText: "B角" })).toHaveCount(2);
  await expectAccessible(page);

  // Saved twice: the same lawyer already holds the role.
  await page.getByLabel("角色").selectOption({ label: "B角" });
  await page.getByLabel("律师", { exact: true }).selectOption({ label: newcomer! });
  await page.getByRole("button", { name: "保存调整" }).click();
  await expect(page.getByRole("alert")).toContainText("该律师已担任此角色");

  // The office's monthly quota, corrected (the server refuses values outside 1–31 as well as the form).
  await page.getByLabel("每月应值班天数").fill("6");
  await page.getByRole("button", { name: "保存社区信息" }).click();
  await expect(page.getByRole("status")).toContainText("社区信息已保存");
  await expect(page.getByLabel("每月应值班天数")).toHaveValue("6");
});

test("staff read the audit log and filter it by who acted", async ({ page }) => {
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "审计日志" }).click();
  await expect(page).toHaveURL("/desk/audit");
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: "登录" }).first()).toBeVisible();
  // Every action, in the table and in the filter, in the reader's language: no stored key shows.
  const key = /^[a-z]+(_[a-z]+)*$/;
  for (const action of await page.locator("tbody tr td:nth-child(3)").allInnerTexts()) expect(action).not.toMatch(key);
  const options = await page.locator("form select").first().locator("option").allInnerTexts();
  expect(options.length).toBeGreaterThan(1);
  for (const option of options) expect(option).not.toMatch(key);
  await page.getByLabel("操作人(姓名或登录名)").fill("staff");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByRole("button", { name: "筛选" })).toBeEnabled();
  await expect(rows.first()).toContainText("(staff)");
  for (const row of await rows.allInnerTexts()) expect(row).toContain("(staff)");
  await expectAccessible(page);
});

test("staff import lawyers from a table: each wrong row says why, and nothing is added until none is", async ({ page }) => {
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "导入", exact: true }).click();
  await expect(page).toHaveURL(/\/desk\/import$/);
  const table = page.getByLabel("或粘贴表格内容");
  await table.fill("律师姓名,律师事务所,执业证号\n陈立,广东立信律师事务所,14403202611000001\n林青,广东立信律师事务所,1440320\n");
  await page.getByRole("button", { name: "检查" }).click();
  await expect(page.getByRole("status")).toHaveText("共2行，1行有误");
  await expect(page.getByRole("row").filter({ hasText: "林青" })).toContainText("执业证号须为17位数字");
  await expect(page.getByRole("button", { name: "导入", exact: true })).toBeDisabled();
  await expectAccessible(page);

  await table.fill("律师姓名,律师事务所,执业证号\n陈立,广东立信律师事务所,14403202611000001\n林青,广东立信律师事务所,14403202611000002\n");
  await page.getByRole("button", { name: "检查" }).click();
  await expect(page.getByRole("status")).toHaveText("共2行，0行有误");
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("已导入2名律师");
});

// Last: a new street changes the counts the tests above check.
test("staff add a street and a community in it, and the board lists it without an A lawyer", async ({ page }) => {
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "街道与社区" }).click();
  await expect(page).toHaveURL("/desk/places");
  await page.getByLabel("街道名称").fill("空港新城街道");
  await page.getByRole("button", { name: "保存街道" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存");
  await expect(page.getByRole("row").filter({ hasText: "空港新城街道" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("社区名称").fill("空港东社区");
  await page.getByLabel("街道", { exact: true }).selectOption({ label: "空港新城街道" });
  await page.getByLabel("办公地址").fill("空港东社区党群服务中心");
  await page.getByRole("button", { name: "保存社区" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存");
  await expect(page.getByRole("link", { name: "空港东社区", exact: true })).toBeVisible();

  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "覆盖看板" }).click();
  await expect(page.getByRole("row").filter({ hasText: "空港东社区" })).toContainText("未安排A角律师");

  // The workbench home's setup list names it among the communities residents cannot book yet.
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "工作台", exact: true }).click();
  const setup = page.getByRole("region", { name: "开通检查" });
  await expect(setup.getByRole("listitem").filter({ hasText: "没有A岗律师" })).toContainText("空港东社区");
  await expect(setup.getByRole("listitem").filter({ hasText: "没有值班安排" })).toContainText("空港东社区");
  await expectAccessible(page);

  // The community leaves the programme yesterday, then its street: both move to the list of
  // those that have left, and the board and the setup list no longer ask anything of them today.
  const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "街道与社区" }).click();
  await page.getByRole("button", { name: "查看社区 空港新城街道" }).click();
  const leaving = page.getByRole("region", { name: "社区退出项目" });
  await leaving.getByLabel("退出的社区").selectOption({ label: "空港东社区" });
  await leaving.getByLabel("最后一天").fill(yesterday);
  await leaving.getByLabel("取消原因(将发给居民)").fill("社区撤并");
  await leaving.getByRole("button", { name: "办理退出" }).click();
  await expect(leaving.getByRole("status")).toHaveText("已办理。取消的预约 / 转出的居民 / 转出的问题：0 / 0 / 0");
  await expect(page.getByRole("listitem").filter({ hasText: `空港东社区 — ${yesterday}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "空港东社区", exact: true })).toHaveCount(0);
  const street = page.getByRole("region", { name: "街道退出项目(其社区须已全部退出)" });
  await street.getByLabel("最后一天").fill(yesterday);
  await street.getByRole("button", { name: "办理退出" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `空港新城街道 — ${yesterday}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "空港新城街道" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "覆盖看板" }).click();
  await expect(page.getByRole("row").filter({ hasText: "后亭社区" }).first()).toBeVisible();
  // This month's board still counts it up to its last day, but it asks nothing of it today.
  const gone = page.getByRole("row").filter({ hasText: "空港东社区" }).filter({ hasText: "未安排A角律师" });
  await expect(gone).toHaveCount(0);
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "工作台", exact: true }).click();
  await expect(setup).toBeVisible();
  await expect(setup).not.toContainText("空港东社区");
});
