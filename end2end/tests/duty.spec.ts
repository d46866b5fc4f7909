import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInWorker } from "./helpers";

// The phone stands at 后亭社区's office (the demo district's coordinates for it).
test.use({ geolocation: { latitude: 22.7341, longitude: 113.8201 }, permissions: ["geolocation"] });

async function record(page: Page, kind: string, people: string, fields: Record<string, string>) {
  const form = page.locator("form").filter({ has: page.getByRole("heading", { name: "登记服务" }) });
  await form.getByLabel("服务类型").selectOption({ label: kind });
  await form.getByLabel("社区").selectOption({ label: "沙井街道后亭社区" });
  await form.getByLabel(/服务人数/).fill(people);
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole("button", { name: "提交" }).click();
  await expect(form.getByRole("status")).toHaveText(`已登记：${kind} · ${people}`);
}

test("a lawyer checks in at the office, logs a lecture and a mediation, checks out, and sees the month", async ({ page }) => {
  await signInWorker(page, "lawyer");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "值班登记" }).click();
  await expect(page).toHaveURL("/desk/duty");
  const duty = page.getByRole("region", { name: "签到" });
  await duty.getByLabel("社区").selectOption({ label: "沙井街道后亭社区" });
  await duty.getByRole("button", { name: "签到" }).click();
  await expect(duty).toContainText("值班中：后亭社区");
  await expect(duty).toContainText("位置已核验");
  await expectAccessible(page);

  await record(page, "法治宣传", "30", { "主题 / 意见事项": "劳动合同法", "服务内容": "社区法治讲座：签订劳动合同要注意什么" });
  await record(page, "矛盾纠纷调处", "2", { "当事人 / 服务对象": "楼上楼下两户", "调处结果": "达成调解协议", "服务内容": "漏水赔偿纠纷" });

  await duty.getByRole("button", { name: "签退" }).click();
  await expect(duty.getByRole("button", { name: "签到" })).toBeVisible();

  await page.getByRole("link", { name: "月度统计" }).last().click();
  await expect(page).toHaveURL(/\/desk\/month\?lawyer=\d+/);
  const figures = page.locator("dl").first();
  await expect(figures.locator("div").filter({ hasText: "值班天次" })).toContainText("1");
  // Other specs may have completed a booking (a consultation record): count only these two.
  await expect(page.getByText("法治宣传: 1 · 30")).toBeVisible();
  await expect(page.getByText("矛盾纠纷调处: 1 · 2")).toBeVisible();
  await expectAccessible(page);
});

test("an assistant logs a consultation attributed to the lawyer, kept on the phone until it is sent", async ({ page }) => {
  await signInWorker(page, "assistant");
  await page.goto("/desk/duty");
  const form = page.locator("form").filter({ has: page.getByRole("heading", { name: "登记服务" }) });
  await form.getByLabel("服务内容").fill("咨询拖欠工资如何申请劳动仲裁");
  // The tab closes before sending: the draft is still there when the page opens again.
  await page.reload();
  await expect(form.getByLabel("服务内容")).toHaveValue("咨询拖欠工资如何申请劳动仲裁");
  await form.getByLabel("社区").selectOption({ label: "沙井街道后亭社区" });
  await form.getByRole("button", { name: "提交" }).click();
  await expect(form.getByRole("status")).toHaveText("已登记：法律咨询 · 1");
  await expect(form.getByLabel("服务内容")).toHaveValue("");

  await page.getByRole("link", { name: "月度统计" }).last().click();
  await expect(page.getByText(/法律咨询 · 1 · 咨询拖欠工资如何申请劳动仲裁 · 录入：律师助理 小林/)).toBeVisible();
});
