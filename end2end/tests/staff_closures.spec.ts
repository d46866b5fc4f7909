import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInResident, signInWorker } from "./helpers";

/** Communities the other specs use, left as they are. */
const USED = ["后亭社区", "空港东社区", "和平社区", "海旺社区", "固戍社区", "福永社区", "沙头社区"];

type Slot = { start: number; seats_left: number };

/** A community no other spec uses that offers a free slot, with that slot. */
async function quietCommunity(page: Page): Promise<{ id: number; name: string; slot: Slot }> {
  const found = await page.request.post("/api/directory/communities", { data: { query: "" } });
  for (const community of (await found.json()) as { id: number; name: string }[]) {
    if (USED.includes(community.name)) continue;
    const answer = await page.request.post("/api/booking/availability", { data: { community_id: community.id } });
    const slots: Slot[] = (await answer.json()).days.flatMap((d: { slots: Slot[] }) => d.slots);
    const slot = slots.find((s) => s.seats_left > 0 && s.start > Date.now() + 86_400_000);
    if (slot) return { ...community, slot };
  }
  throw new Error("no quiet community with a free slot");
}

/** `YYYY-MM-DD` of an instant, in Shanghai. */
const dayOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

test("staff close a community for a day and cancel its booking with a message the resident reads", async ({ page, browser }) => {
  const resident = await browser.newPage();
  await signInResident(resident, "13733330101");
  const community = await quietCommunity(resident);
  const booked = await resident.request.post("/api/booking/book", {
    data: { community_id: community.id, slot_start: community.slot.start, channel: "in_person", topic: "family", description: "赡养纠纷" },
  });
  expect(booked.ok(), await booked.text()).toBeTruthy();
  const { code } = await booked.json();

  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "排班" }).click();
  await page.getByLabel("社区", { exact: true }).selectOption(String(community.id));
  await page.getByLabel("日期", { exact: true }).fill(dayOf(community.slot.start));
  await page.getByLabel("原因(内部)").fill("办公室装修");
  await page.getByRole("button", { name: "设为闭馆日" }).click();
  const uncovered = page.getByRole("status").filter({ hasText: "已没有对应的值班" });
  await expect(uncovered).toContainText(code);
  await expectAccessible(page);

  // Cancelling says why, or nothing happens.
  await uncovered.getByRole("button", { name: "全部取消并通知居民" }).click();
  await expect(page.getByRole("alert")).toContainText("原因");
  await page.getByLabel("取消原因(将发给居民)").fill("社区办公室装修，当天闭馆");
  await page.getByRole("button", { name: "全部取消并通知居民" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已没有对应的值班" })).toHaveCount(0);

  const mine = await (await resident.request.post("/api/booking/mine", { data: {} })).json();
  expect(mine.past.find((b: { code: string }) => b.code === code)?.status).toBe("cancelled");
  const inbox = await (await resident.request.post("/api/account/inbox", { data: {} })).json();
  expect(JSON.stringify(inbox)).toContain("社区办公室装修，当天闭馆");
});

test("staff give one community its own booking window, and back to the district's", async ({ page }) => {
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "预约规则" }).click();
  await expect(page).toHaveURL("/desk/rules");
  const community = await quietCommunity(page);
  await page.getByLabel("适用范围").selectOption(String(community.id));
  await page.getByLabel("可预约天数").fill("0");
  await page.getByRole("button", { name: "保存规则" }).click();
  await expect(page.getByRole("alert")).toContainText("开放1–90天");

  await page.getByLabel("可预约天数").fill("2");
  await page.getByRole("button", { name: "保存规则" }).click();
  const row = page.getByRole("row").filter({ hasText: community.name });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  const lastDay = dayOf(Date.now() + 86_400_000);
  const days = async () => {
    const answer = await page.request.post("/api/booking/availability", { data: { community_id: community.id } });
    return (await answer.json()).days.map((d: { date: string }) => d.date) as string[];
  };
  await expect.poll(async () => (await days()).every((d) => d <= lastDay)).toBe(true);

  await row.getByRole("button", { name: "改回全区规则" }).click();
  await expect(page.getByRole("row").filter({ hasText: community.name })).toHaveCount(0);
  await expect.poll(async () => (await days()).some((d) => d > lastDay)).toBe(true);
});
