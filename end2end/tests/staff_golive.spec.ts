import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { codeSentTo } from "./helpers";

// The second server: an empty database, no demo (serve.sh PORT empty).
const port = Number(process.env.E2E_PORT ?? 3107) + 1;
const results = join(__dirname, "..", "test-results");
const log = join(results, "empty-server.log");
test.use({ baseURL: `http://127.0.0.1:${port}` });

/** `YYYY-MM-DD` in Shanghai, `days` from today. */
function day(days: number): Date {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
}
const iso = (d: Date) => d.toISOString().slice(0, 10);

async function signInDesk(page: Page, login: string, password: string, phone?: string) {
  await page.goto("/desk/sign-in");
  await page.getByLabel("登录名或手机号").fill(login);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  if (phone) {
    await page.getByLabel("验证码").fill(await codeSentTo(phone, log));
    await page.getByRole("button", { name: "登录", exact: true }).click();
  }
  await expect(page).toHaveURL("/desk");
}

test("a district goes live from an empty database in the workbench, and a resident books a make-up working day", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The first administrator, made by the server's command (the password from a file).
  const passwordFile = join(results, "first-admin-password");
  writeFileSync(passwordFile, "golive-admin-2026\n");
  const server = process.env.SERVER_BIN ?? join(__dirname, "..", "..", "target", "debug", "server");
  execFileSync(server, ["create-admin", "root", "13900009999", "区司法局管理员", "--password-file", passwordFile], {
    env: { ...process.env, DATA_DIR: join(results, "empty-data"), RUST_LOG: "warn" },
  });
  await signInDesk(page, "root", "golive-admin-2026", "13900009999");
  const setup = page.getByRole("region", { name: "开通检查" });
  await expect(setup).toContainText("还没有社区");

  // A street and a community.
  const nav = page.getByRole("navigation", { name: "工作台栏目" });
  await nav.getByRole("link", { name: "街道与社区" }).click();
  await page.getByLabel("街道名称").fill("福海街道");
  await page.getByRole("button", { name: "保存街道" }).click();
  await expect(page.getByRole("row").filter({ hasText: "福海街道" })).toBeVisible();
  await page.getByLabel("社区名称").fill("和平社区");
  await page.getByLabel("街道", { exact: true }).selectOption({ label: "福海街道" });
  await page.getByLabel("办公地址").fill("和平社区党群服务中心二楼");
  await page.getByRole("button", { name: "保存社区" }).click();
  await expect(page.getByRole("link", { name: "和平社区", exact: true })).toBeVisible();

  // A lawyer, with a sign-in.
  await nav.getByRole("link", { name: "导入", exact: true }).click();
  await page.getByLabel("或粘贴表格内容").fill("律师姓名,律师事务所,执业证号\n王新,广东和平律师事务所,14403202612345678\n");
  await page.getByRole("button", { name: "检查" }).click();
  await expect(page.getByRole("status")).toHaveText("共1行，0行有误");
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("已导入1名律师");
  await nav.getByRole("link", { name: "律师名册" }).click();
  await page.getByRole("row").filter({ hasText: "14403202612345678" }).getByRole("button", { name: /修改/ }).click();
  await page.getByLabel("登录手机号").fill("13712345678");
  await page.getByLabel(/初始密码/).fill("lawyer-first-2026");
  await page.getByRole("button", { name: "保存登录信息" }).click();
  await expect(page.getByRole("status").filter({ hasText: "登录信息已保存" })).toBeVisible();

  // The lawyer is the community's A lawyer.
  await nav.getByRole("link", { name: "街道与社区" }).click();
  await page.getByRole("button", { name: /福海街道/ }).click();
  await page.getByRole("link", { name: "和平社区", exact: true }).click();
  await expect(page).toHaveURL(/\/desk\/team\?community=\d+/);
  const community = new URL(page.url()).searchParams.get("community");
  await page.getByLabel("角色").selectOption({ label: "A角" });
  await page.getByLabel("律师", { exact: true }).selectOption({ label: "王新" });
  await page.getByRole("button", { name: "保存调整" }).click();
  await expect(page.getByRole("status")).toContainText("已保存");

  // Monday mornings, from today.
  await nav.getByRole("link", { name: "排班" }).click();
  await page.getByLabel("社区", { exact: true }).selectOption(community!);
  await expect(page.getByText("该社区还没有值班安排")).toBeVisible();
  await page.getByLabel("星期", { exact: true }).selectOption({ label: "周一" });
  await page.getByLabel("开始时间").fill("09:00");
  await page.getByLabel("结束时间").fill("12:00");
  await page.getByRole("button", { name: "保存值班" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存");

  // The calendar: the next Saturday but one worked as a Monday, the Monday after it a holiday.
  let saturday = day(2);
  while (saturday.getUTCDay() !== 6) saturday = new Date(saturday.getTime() + 86_400_000);
  const holiday = new Date(saturday.getTime() + 2 * 86_400_000);
  await nav.getByRole("link", { name: "节假日" }).click();
  await page.getByLabel("日期", { exact: true }).fill(iso(saturday));
  await page.getByLabel("类型", { exact: true }).selectOption({ label: "调休上班" });
  await page.getByLabel("名称", { exact: true }).fill("调休上班");
  await page.getByLabel("按星期几值班").selectOption({ label: "周一" });
  await page.getByRole("button", { name: "保存这一天" }).click();
  await expect(page.getByRole("row").filter({ hasText: iso(saturday) })).toBeVisible();
  await page.getByLabel("日期", { exact: true }).fill(iso(holiday));
  await page.getByLabel("类型", { exact: true }).selectOption({ label: "放假" });
  await page.getByLabel("名称", { exact: true }).fill("区庆");
  await page.getByRole("button", { name: "保存这一天" }).click();
  await expect(page.getByRole("row").filter({ hasText: iso(holiday) })).toBeVisible();
  await nav.getByRole("link", { name: "工作台", exact: true }).click();
  await expect(setup).toBeVisible();
  for (const missing of ["没有A岗律师", "没有值班安排", "还不能登录"]) await expect(setup).not.toContainText(missing);

  // A resident books the Saturday; the holiday is not offered, and booking it is refused.
  const resident = await browser.newPage({ baseURL: `http://127.0.0.1:${port}` });
  await resident.goto("/sign-in");
  await resident.getByLabel("手机号").fill("13712349999");
  await resident.getByRole("button", { name: "获取验证码" }).click();
  await resident.getByLabel("验证码").fill(await codeSentTo("13712349999", log));
  await resident.getByRole("button", { name: "登录", exact: true }).click();
  await expect(resident).toHaveURL("/");
  await resident.getByRole("link", { name: /福海街道/ }).click();
  await resident.getByRole("link", { name: "和平社区" }).click();
  await resident.getByRole("link", { name: "预约律师" }).click();
  await expect(resident.getByRole("button", { name: `周一 ${iso(holiday).slice(5)}` })).toHaveCount(0);
  await resident.getByRole("button", { name: `周六 ${iso(saturday).slice(5)}` }).click();
  await resident.getByRole("button", { name: /^09:00/ }).click();
  await resident.getByLabel("咨询类别").selectOption({ label: "劳动争议" });
  await resident.getByLabel("简要说明您的问题").fill("公司拖欠工资");
  await resident.getByRole("button", { name: "确认预约" }).click();
  const code = (await resident.getByTestId("booking-code").textContent()) ?? "";
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  const refused = await resident.request.post("/api/booking/book", {
    data: { community_id: Number(community), slot_start: Date.parse(`${iso(holiday)}T09:00:00+08:00`), channel: "in_person", topic: "labour", description: "工资" },
  });
  expect(refused.status()).toBeGreaterThanOrEqual(400);

  // The lawyer signs in with the sign-in staff gave and sees the booking.
  const lawyer = await browser.newPage({ baseURL: `http://127.0.0.1:${port}` });
  await signInDesk(lawyer, "13712345678", "lawyer-first-2026");
  const booking = lawyer.getByRole("listitem").filter({ hasText: `${iso(saturday)} 09:00` });
  await expect(booking).toContainText("和平社区 · 137****9999");
  await expect(booking.getByRole("button", { name: "确认" })).toBeVisible();
});
