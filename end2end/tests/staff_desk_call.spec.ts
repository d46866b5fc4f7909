import { expect, test } from "@playwright/test";
import { bookHoutingAhead, signInResident, signInWorker } from "./helpers";

test("the lawyer calls the resident of a phone consultation only when it is about to start", async ({ page, browser }) => {
  await signInResident(page, "13712340077");
  const { slot, code } = await bookHoutingAhead(page, "phone", "加班费");

  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const lawyer = await desk.newPage();
  await signInWorker(lawyer, "lawyer");
  const row = lawyer.locator(`li[data-code="${code}"]`);
  await expect(row).toContainText("137****0077");
  await expect(row.getByRole("button", { name: /拨打居民电话/ })).toHaveCount(0);

  await page.request.post("/test/clock", { data: { at: slot.start - 10 * 60_000 } });
  try {
    await lawyer.reload();
    await row.getByRole("button", { name: /拨打居民电话/ }).click();
    const dial = row.getByRole("link", { name: "拨打 13712340077" });
    await expect(dial).toHaveAttribute("href", "tel:13712340077");
  } finally {
    await page.request.post("/test/clock", { data: { at: null } });
    await desk.close();
  }
});
