import { expect, test } from "@playwright/test";
import { expectAccessible, signInWorker } from "./helpers";

test("staff preview a Saturday evening of duty for four weeks, save it, and end it", async ({ page }) => {
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "排班" }).click();
  await expect(page).toHaveURL("/desk/schedule");
  const found = await page.request.post("/api/directory/communities", { data: { query: "福永社区" } });
  const [fuyong] = await found.json();
  await page.getByLabel("社区", { exact: true }).selectOption(String(fuyong.id));
  await expect(page.getByRole("row").filter({ hasText: "周一" }).first()).toBeVisible();

  await page.getByLabel("星期", { exact: true }).selectOption({ label: "周六" });
  await page.getByLabel("开始时间").fill("18:00");
  await page.getByLabel("结束时间").fill("19:00");
  await page.getByRole("button", { name: "预览四周" }).click();
  const preview = page.getByRole("list", { name: "预览四周" });
  // Four Saturdays carry the evening, but one may be a make-up working day another test made,
  // which runs as a weekday instead.
  const evenings = preview.getByRole("listitem").filter({ hasText: "周六" }).filter({ hasText: "18:00–18:30 ×2" });
  await expect.poll(() => evenings.count()).toBeGreaterThanOrEqual(3);
  await expectAccessible(page);

  await page.getByRole("button", { name: "保存值班" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存");
  const saturday = page.getByRole("row").filter({ hasText: "周六 18:00–19:00" });
  await expect(saturday).toBeVisible();
  // Saving the same time again is refused: it overlaps.
  await page.getByRole("button", { name: "保存值班" }).click();
  await expect(page.getByRole("alert")).toContainText("重叠");

  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await saturday.getByRole("textbox").or(saturday.locator("input[type=date]")).first().fill(today);
  await saturday.getByRole("button", { name: "结束" }).click();
  await expect(page.getByRole("row").filter({ hasText: "周六 18:00–19:00" })).toContainText(`– ${today}`);
});
