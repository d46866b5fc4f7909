import { expect, test } from "@playwright/test";
import { expectAccessible, signInResident, signInWorker } from "./helpers";

test("a resident books a notary's home visit, free for a will at 76; the office calls it off with a reason the resident reads", async ({ page, browser }) => {
  const phone = "13766660011";
  await signInResident(page, phone);
  await page.goto("/me");
  await page.getByRole("link", { name: "上门公证" }).click();
  await expect(page).toHaveURL("/me/visits");
  await expect(page.getByText("暂无上门公证预约")).toBeVisible();
  await page.getByRole("link", { name: "家门口公证" }).click();
  await expect(page).toHaveURL("/visits");
  await expect(page.getByText("年满65周岁的居民办理遗嘱公证免收公证费")).toBeVisible();
  await expectAccessible(page);

  // The district's one office is chosen; a birth date in the future is refused and said.
  await page.getByRole("radio").first().check();
  await page.getByLabel("办理事项").selectOption({ label: "遗嘱" });
  await page.getByLabel("上门地址").fill("后亭社区幸福路8号3栋502");
  await page.getByLabel("出生日期").fill("2100-01-01");
  await page.getByRole("button", { name: "预约上门" }).click();
  await expect(page.getByRole("alert")).toContainText("出生日期");
  await page.getByRole("radio").first().check();
  await page.getByLabel("上门地址").fill("后亭社区幸福路8号3栋502");
  await page.getByLabel("出生日期").fill("1950-03-01");
  await page.getByRole("button", { name: "预约上门" }).click();
  await expect(page).toHaveURL("/me/visits");
  const visit = page.getByRole("listitem").filter({ hasText: "幸福路8号" });
  await expect(visit).toContainText("待上门");
  await expect(visit).toContainText("免收公证费");
  await expectAccessible(page);

  // The notary office sees who to ring and calls the visit off with a reason.
  const officeContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const office = await officeContext.newPage();
  await signInWorker(office, "notary");
  await office.getByRole("link", { name: "转介受理" }).click();
  await office.getByRole("link", { name: "上门公证" }).click();
  await expect(office).toHaveURL("/agency/visits");
  const card = office.getByRole("listitem").filter({ hasText: "幸福路8号" });
  await expect(card).toContainText(phone);
  await expectAccessible(office);
  await card.getByRole("button", { name: "取消并说明原因" }).click();
  await expect(office.getByRole("alert")).toContainText("原因");
  await office.getByRole("listitem").filter({ hasText: "幸福路8号" }).getByLabel("原因").fill("公证员临时外出，请改约");
  await office.getByRole("listitem").filter({ hasText: "幸福路8号" }).getByRole("button", { name: "取消并说明原因" }).click();
  await expect(office.getByRole("listitem").filter({ hasText: "幸福路8号" })).toContainText("已取消");
  await officeContext.close();

  await page.reload();
  await expect(visit).toContainText("已取消");
  await expect(visit).toContainText("公证员临时外出，请改约");
  await page.goto("/me/messages");
  await expect(page.getByText("上门公证已取消")).toBeVisible();
});
