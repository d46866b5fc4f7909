import { expect, test } from "@playwright/test";
import { signInResident, signInWorker } from "./helpers";

test("the lawyer calls the resident of a phone consultation only when it is about to start", async ({ page, browser }) => {
  await signInResident(page, "13712340077");
  const found = await page.request.post("/api/directory/communities", { data: { query: "后亭社区" } });
  const [houting] = await found.json();
  const availability = await (await page.request.post("/api/booking/availability", { data: { community_id: houting.id } })).json();
  type Slot = { start: number; seats_left: number; channels: string[] };
  const slot: Slot = availability.days
    .flatMap((d: { slots: Slot[] }) => d.slots)
    .find((s: Slot) => s.seats_left > 0 && s.channels.includes("phone") && s.start > Date.now() + 86_400_000);
  const booked = await page.request.post("/api/booking/book", {
    data: { community_id: houting.id, slot_start: slot.start, channel: "phone", topic: "labour", description: "加班费" },
  });
  expect(booked.ok(), await booked.text()).toBeTruthy();
  const { code } = await booked.json();

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
