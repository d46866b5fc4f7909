import { expect, test } from "@playwright/test";
import { expectAccessible, setCommunity, signInResident, signInWorker } from "./helpers";

test("staff say why they open a resident's question, and the resident reads who opened it, when and why", async ({ page, browser }) => {
  // A resident of 后亭社区 asks (through the API the ask page uses).
  const home = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const resident = await home.newPage();
  await signInResident(resident, "13755550095");
  await setCommunity(resident, "后亭社区");
  const asked = await resident.request.post("/api/questions/ask", {
    data: { client_key: "access-spec", category: "labour", title: "加班费没有发", body: "连续三个月加班没有加班费。", consent: true },
  });
  expect(asked.ok()).toBe(true);

  // Staff open it from the questions list: first the reason, which an empty one does not pass.
  await signInWorker(page, "staff");
  await page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "在线咨询" }).click();
  await page.getByRole("link", { name: "加班费没有发" }).click();
  await expect(page.getByRole("heading", { name: "加班费没有发" })).toHaveCount(0);
  const reason = page.getByLabel("查看理由(居民可看到谁在何时为何查看)");
  await reason.fill("   ");
  await page.getByRole("button", { name: "查看", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("请写明查看的理由");
  await reason.fill("核查超时未答的问题");
  await page.getByRole("button", { name: "查看", exact: true }).click();
  await expect(page.getByRole("heading", { name: "加班费没有发" })).toBeVisible();
  await expect(page.getByText("提问人： 137****0095")).toBeVisible();
  await expectAccessible(page);

  // The resident's 个人信息 says who opened it, and why.
  await resident.goto("/me/privacy");
  const openings = resident.getByRole("region", { name: "谁查看过我的信息" });
  await expect(openings.getByRole("listitem")).toHaveCount(1);
  await expect(openings.getByRole("listitem")).toContainText("工作人员 区司法局 公共法律服务科 查看了您的问题");
  await expect(openings.getByRole("listitem")).toContainText("理由：核查超时未答的问题");
  await expectAccessible(resident);
  await home.close();
});
