import { expect, test } from "@playwright/test";
import { expectAccessible, setCommunity, signInResident, signInWorker } from "./helpers";

test("a resident complains about an answer; the street's staff reply; the resident reads the reply", async ({ page, browser }) => {
  await signInResident(page, "13766660021");
  await setCommunity(page, "后亭社区");
  // A question the A lawyer answered (asked and answered through the API, as the app and the desk do).
  const asked = await page.request.post("/api/questions/ask", {
    data: { client_key: "feedback-spec", category: "labour", title: "加班费怎么计算", body: "每天加班两小时，公司不给加班费。", consent: true },
  });
  expect(asked.ok()).toBeTruthy();
  const question = (await asked.json()).question.id;
  const deskContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const lawyer = await deskContext.newPage();
  await signInWorker(lawyer, "lawyer");
  expect((await lawyer.request.post("/api/questions/claim", { data: { question_id: question } })).ok()).toBeTruthy();
  const answered = await lawyer.request.post("/api/questions/answer", { data: { question_id: question, body: "可以要求支付加班费。" } });
  expect(answered.ok()).toBeTruthy();
  await deskContext.close();

  await page.goto("/me");
  await page.getByRole("link", { name: "表扬与投诉" }).click();
  await expect(page).toHaveURL("/me/feedback");
  await page.getByLabel("咨询或答复").selectOption(`q:${question}`);
  await page.getByLabel("投诉", { exact: true }).check();
  await page.getByLabel("表扬内容或事情经过").fill("答复太简单，没有说怎么计算。");
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByRole("alert")).toContainText("请求");
  await page.getByLabel("咨询或答复").selectOption(`q:${question}`);
  await page.getByLabel("投诉", { exact: true }).check();
  await page.getByLabel("表扬内容或事情经过").fill("答复太简单，没有说怎么计算。");
  await page.getByLabel("投诉请求(您希望如何处理)").fill("请律师说明计算方法");
  await page.getByRole("button", { name: "提交" }).click();
  const complaint = page.getByRole("listitem").filter({ hasText: "答复太简单" });
  await expect(complaint).toContainText("待处理");
  await expectAccessible(page);

  // 沙井街道's staff, from the desk: the complaint first, answered.
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const staff = await staffContext.newPage();
  await signInWorker(staff, "shajing");
  await staff.getByRole("link", { name: "年度与专项工作" }).click();
  await staff.getByRole("link", { name: "表扬与投诉" }).click();
  await expect(staff).toHaveURL("/staff/feedback");
  const card = staff.getByRole("listitem").filter({ hasText: "答复太简单" });
  await expect(card).toContainText("待处理");
  await expectAccessible(staff);
  await card.getByLabel("答复", { exact: true }).fill("已请律师补充加班费的计算方法。");
  await card.getByRole("button", { name: "答复并办结" }).click();
  await expect(staff.getByRole("listitem").filter({ hasText: "答复太简单" })).toContainText("已答复");
  await staffContext.close();

  await page.reload();
  await expect(complaint).toContainText("已请律师补充加班费的计算方法。");
  await page.goto("/me/messages");
  await expect(page.getByText("您的投诉已有答复")).toBeVisible();
});
