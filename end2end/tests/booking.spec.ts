import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectAccessible, signInResident, signInWorker } from "./helpers";

/** From the home page to 后亭社区's booking form, then books the first free slot by phone. */
async function bookAtHouting(page: Page): Promise<string> {
  await page.getByRole("link", { name: /沙井街道/ }).click();
  await page.getByRole("link", { name: "后亭社区" }).click();
  await page.getByRole("link", { name: "预约律师" }).click();
  await page.getByRole("button", { name: /^\d\d:\d\d/ }).first().click();
  await expectAccessible(page);
  await page.getByLabel("电话咨询").check();
  await page.getByLabel("咨询类别").selectOption({ label: "劳动争议" });
  await page.getByLabel("简要说明您的问题").fill("公司拖欠三个月工资，想了解怎么维权");
  await page.getByRole("button", { name: "确认预约" }).click();
  const code = page.getByTestId("booking-code");
  await expect(code).toHaveText(/^[A-Z2-9]{8}$/);
  await expect(page.getByText("待律师确认")).toBeVisible();
  await expectAccessible(page);
  return (await code.textContent()) ?? "";
}

test("a new resident books 后亭社区, finds it in 我的预约, saves it to the calendar and cancels it", async ({ page }) => {
  await signInResident(page, "13712340010");
  const code = await bookAtHouting(page);
  await page.screenshot({ path: test.info().outputPath("booking-slip-360.png") });

  await page.getByRole("link", { name: "预约", exact: true }).click();
  await page.getByRole("link", { name: "我的预约" }).click();
  await expect(page.getByRole("heading", { name: "即将到来" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /后亭社区/ }).first().click();
  await expect(page.getByTestId("booking-code")).toHaveText(code);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "加入日历" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`fai-${code}.ics`);
  const ics = readFileSync((await file.path()) as string, "utf8");
  expect(ics).toContain("DTSTART;TZID=Asia/Shanghai:");
  expect(ics).toContain(`UID:${code}@fai-shequ`);

  await page.getByRole("button", { name: "取消预约" }).click();
  await expect(page.getByRole("alert")).toContainText("请填写原因");
  await page.getByLabel("取消原因").fill("临时有事");
  await page.getByRole("button", { name: "取消预约" }).click();
  await expect(page.getByText("已取消")).toBeVisible();
  await expect(page.getByRole("button", { name: "取消预约" })).toHaveCount(0);
});

test("the lawyer confirms and completes a booking, and the resident rates it", async ({ page, browser }) => {
  await signInResident(page, "13712340011");
  const code = await bookAtHouting(page);
  const slip = page.url();

  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const lawyer = await desk.newPage();
  await signInWorker(lawyer, "lawyer");
  const row = lawyer.locator(`li[data-code="${code}"]`);
  await row.getByRole("button", { name: "确认" }).click();
  await expect(row.getByText("已确认")).toBeVisible();
  // Not before its time: a consultation is done once it has started.
  await row.getByRole("button", { name: "已完成咨询" }).click();
  await expect(row.getByRole("alert")).toContainText("时间还没到");
  const mine = await (await page.request.post("/api/booking/mine", { data: {} })).json();
  const start: number = mine.upcoming.find((b: { code: string }) => b.code === code).start;
  await page.request.post("/test/clock", { data: { at: start + 60_000 } });
  try {
    await row.getByRole("button", { name: "已完成咨询" }).click();
    await expect(row.getByText("已完成", { exact: true })).toBeVisible();
    await desk.close();

    await page.goto(slip);
    await expect(page.getByText("已完成")).toBeVisible();
    await page.getByRole("button", { name: "4", exact: true }).click();
    await page.getByLabel("评价内容(选填)").fill("解答清楚，很有耐心");
    await page.getByRole("button", { name: "提交" }).click();
    await expect(page.getByText("已评价")).toBeVisible();
    await expect(page.getByText("★★★★", { exact: false })).toBeVisible();
  } finally {
    await page.request.post("/test/clock", { data: { at: null } });
  }
});

test("a visitor who picks a slot and then signs in comes back to that slot", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /沙井街道/ }).click();
  await page.getByRole("link", { name: "后亭社区" }).click();
  await page.getByRole("link", { name: "预约律师" }).click();
  const slot = page.getByRole("button", { name: /^\d\d:\d\d/ }).nth(1);
  const time = (await slot.textContent())?.slice(0, 5) ?? "";
  await slot.click();
  await expect(page).toHaveURL(/\/communities\/\d+\/book\?slot=\d+/);
  const chosen = page.url();

  await page.getByRole("link", { name: "登录后即可预约" }).click();
  await signInResident(page, "13712340012", chosen);
  await expect(page.getByRole("button", { name: new RegExp(`^${time}`), pressed: true })).toBeVisible();
  await page.getByLabel("简要说明您的问题").fill("房东不退押金");
  await page.getByRole("button", { name: "确认预约" }).click();
  await expect(page.getByTestId("booking-code")).toHaveText(/^[A-Z2-9]{8}$/);
  await expect(page.getByText(time)).toBeVisible();
});
