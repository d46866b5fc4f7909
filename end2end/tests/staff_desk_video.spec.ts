import { expect, test } from "@playwright/test";
import { bookHoutingAhead, signInResident, signInWorker } from "./helpers";

test("a video consultation's link reaches both sides only when it is about to start", async ({ page, browser }) => {
  await signInResident(page, "13712340078");
  const { slot, id, code } = await bookHoutingAhead(page, "video", "抚养费");

  // The lawyer gives the meeting's link a day ahead; a wrong one is explained.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const lawyer = await desk.newPage();
  await signInWorker(lawyer, "lawyer");
  const row = lawyer.locator(`li[data-code="${code}"]`);
  const link = row.getByLabel("视频会议链接(居民在开始前15分钟可见)");
  await link.fill("http://meet.example.gov.cn/houting");
  await row.getByRole("button", { name: "保存链接" }).click();
  await expect(row.getByRole("alert")).toContainText("https://");
  await link.fill("https://meet.example.gov.cn/houting-video");
  await row.getByRole("button", { name: "保存链接" }).click();
  await expect(row.getByRole("alert")).toHaveCount(0);
  await expect(row.getByRole("link", { name: "进入视频会议" })).toHaveCount(0);

  // A day ahead the resident's slip says when the link comes; ten minutes before, both have it.
  await page.goto(`/bookings/${id}`);
  await expect(page.getByText("视频咨询开始前15分钟，会议链接会出现在这里")).toBeVisible();
  await expect(page.getByRole("link", { name: "加入视频咨询" })).toHaveCount(0);
  await page.request.post("/test/clock", { data: { at: slot.start - 10 * 60_000 } });
  try {
    await page.reload();
    await expect(page.getByRole("link", { name: "加入视频咨询" })).toHaveAttribute("href", "https://meet.example.gov.cn/houting-video");
    await lawyer.reload();
    await expect(row.getByRole("link", { name: "进入视频会议" })).toHaveAttribute("href", "https://meet.example.gov.cn/houting-video");
  } finally {
    await page.request.post("/test/clock", { data: { at: null } });
    await desk.close();
  }
});
