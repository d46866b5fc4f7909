import { expect, test } from "@playwright/test";
import { expectAccessible, signInWorker } from "./helpers";

test("a street forms an emergency team; a member logs a service against it and staff see the line", async ({ page, browser }) => {
  await signInWorker(page, "shajing");
  await page.getByRole("link", { name: "年度与专项工作" }).click();
  await page.getByRole("link", { name: "应急法律服务队" }).click();
  await expect(page).toHaveURL("/staff/incidents");
  await expectAccessible(page);

  // A name is needed; then the team is formed.
  const lawyerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const lawyer = await lawyerContext.newPage();
  await signInWorker(lawyer, "lawyer");
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const own = await (await lawyer.request.post("/api/evaluations/mine", { data: { year } })).json();
  const name = `后亭电子厂欠薪${Date.now() % 100000}`;
  await page.getByLabel("事件名称").fill(name);
  await page.getByLabel("所在社区").selectOption({ label: "沙井街道 · 后亭社区" });
  await page.getByLabel("队员律师(可多选)").first().selectOption({ label: `${own.name} · ${own.firm}` });
  await page.getByRole("button", { name: "组建服务队" }).click();
  const line = page.getByRole("listitem", { name });
  await expect(line).toContainText("进行中");
  await expect(line).toContainText("服务0件，0人次");

  // The member, from the desk, logs what the team did there.
  await lawyer.reload();
  await lawyer.getByRole("link", { name: "年度与专项工作" }).click();
  await lawyer.getByRole("link", { name: "我的应急任务" }).click();
  await expect(lawyer).toHaveURL("/incidents");
  const mine = lawyer.getByRole("listitem", { name });
  await mine.getByLabel("服务人次").fill("40");
  await mine.getByLabel("服务内容").fill("现场讲解欠薪维权程序，收集工人材料。");
  await expectAccessible(lawyer);
  await mine.getByRole("button", { name: "登记服务" }).click();
  await expect(lawyer.getByRole("listitem", { name })).toContainText("服务1件，40人次");
  await lawyerContext.close();

  // Staff read the line and close the team.
  await page.reload();
  const read = page.getByRole("listitem", { name });
  await expect(read).toContainText("服务1件，40人次");
  await read.getByRole("button", { name: "结束任务" }).click();
  await expect(page.getByRole("listitem", { name })).toContainText("已结束");
});
