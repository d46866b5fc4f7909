import { expect, test } from "@playwright/test";
import { signInWorker } from "./helpers";

/** `YYYY-MM-DD` of the first Saturday at least two days from now, in Shanghai. */
function nextSaturday(): string {
  const day = new Date(Date.now() + 8 * 3_600_000 + 2 * 86_400_000);
  while (day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

test("the district's staff make a Saturday a make-up working day and residents can book it", async ({ page, browser }) => {
  await signInWorker(page, "staff");

  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "节假日" }).click();
  await expect(page).toHaveURL("/desk/calendar");
  // The demo loads the year's official schedule, the file staff would import.
  await expect(page.getByRole("row").filter({ hasText: "2026-10-10" })).toContainText("国庆节调休上班");

  const saturday = nextSaturday();
  await page.getByLabel("名称", { exact: true }).fill("");
  await page.getByRole("button", { name: "保存这一天" }).click();
  await expect(page.getByRole("alert")).toContainText("日期");
  await page.getByLabel("日期", { exact: true }).fill(saturday);
  await page.getByLabel("类型", { exact: true }).selectOption({ label: "调休上班" });
  await page.getByLabel("名称", { exact: true }).fill("调休上班");
  await page.getByLabel("按星期几值班").selectOption({ label: "周一" });
  await page.getByRole("button", { name: "保存这一天" }).click();
  await expect(page.getByRole("row").filter({ hasText: saturday })).toContainText("周一");

  // 后亭社区 sits on weekday mornings: that Saturday is now offered like a Monday.
  const resident = await browser.newPage();
  const found = await resident.request.post("/api/directory/communities", { data: { query: "后亭社区" } });
  const [houting] = await found.json();
  await expect
    .poll(async () => {
      const answer = await resident.request.post("/api/booking/availability", { data: { community_id: houting.id } });
      return (await answer.json()).days.map((d: { date: string }) => d.date);
    })
    .toContain(saturday);
  await resident.goto(`/communities/${houting.id}/book`);
  await expect(resident.getByText(`周六 ${saturday.slice(5)}`)).toBeVisible();
});
