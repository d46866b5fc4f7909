import { expect, test } from "@playwright/test";
import { expectAccessible, signInWorker } from "./helpers";

test("staff conclude a lawyer's year on the scale with a comment; the lawyer reads it and answers", async ({ page, browser }) => {
  const lawyerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const lawyer = await lawyerContext.newPage();
  await signInWorker(lawyer, "lawyer");
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const own = await (await lawyer.request.post("/api/evaluations/mine", { data: { year } })).json();

  await signInWorker(page, "staff");
  await page.getByRole("link", { name: "年度与专项工作" }).click();
  await expect(page).toHaveURL("/work");
  await expectAccessible(page);
  await page.getByRole("link", { name: "律师履约评价" }).click();
  await expect(page).toHaveURL("/staff/evaluations");
  const card = page.getByRole("listitem", { name: `${own.name} · ${own.firm}`, exact: true });
  await expect(card).toContainText("权重");
  await expect(card).toContainText("尚未评价");
  await expectAccessible(page);
  await card.getByLabel("评价结论").selectOption("合格");
  await card.getByLabel("评语").fill("全年履职认真，建议增加周末值班。");
  await card.getByRole("button", { name: "保存评价" }).click();
  await expect(page.getByRole("listitem", { name: `${own.name} · ${own.firm}`, exact: true })).toContainText("评价结论：合格");

  await lawyer.reload();
  await lawyer.getByRole("link", { name: "年度与专项工作" }).click();
  await lawyer.getByRole("link", { name: "我的年度评价" }).click();
  await expect(lawyer).toHaveURL("/evaluation");
  await expect(lawyer.getByText("评价结论：合格")).toBeVisible();
  await expect(lawyer.getByText("全年履职认真，建议增加周末值班。")).toBeVisible();
  await expectAccessible(lawyer);
  await lawyer.getByLabel("律师回复").fill("接受，明年增加周末值班。");
  await lawyer.getByRole("button", { name: "回复", exact: true }).click();
  await expect(lawyer.getByText("律师回复：接受，明年增加周末值班。")).toBeVisible();
  await lawyerContext.close();

  // The answered year stands: staff see the answer and no longer a form.
  await page.reload();
  const answered = page.getByRole("listitem", { name: `${own.name} · ${own.firm}`, exact: true });
  await expect(answered).toContainText("接受，明年增加周末值班。");
  await expect(answered.getByRole("button", { name: "保存评价" })).toHaveCount(0);
});
