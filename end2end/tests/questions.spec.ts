import { expect, test } from "@playwright/test";
import { expectAccessible, photo, setCommunity, signInResident, signInWorker } from "./helpers";

test("a resident asks with a photo; the A lawyer claims and answers; the resident follows up, accepts and rates", async ({ page, browser }) => {
  await signInResident(page, "13755550021");
  await setCommunity(page, "后亭社区");
  await page.getByRole("navigation", { name: "tabs" }).getByRole("link", { name: "咨询" }).click();
  await expect(page).toHaveURL("/questions");
  // A page the server renders, in the app's own frame: the same tab bar, its tab marked.
  await expect(page.getByRole("navigation", { name: "tabs" }).getByRole("link", { name: "咨询" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "常见问题" })).toBeVisible();
  await page.getByRole("link", { name: "我要提问" }).click();
  await expect(page).toHaveURL("/questions/ask");
  await expect(page.getByText("提问到：后亭社区")).toBeVisible();
  await page.getByLabel("分类").selectOption({ label: "借贷纠纷" });
  await page.getByLabel("标题(一句话说明问题)").fill("朋友借钱不还，只有转账记录");
  await page.getByLabel("详细情况(时间、经过、您想得到什么帮助)").fill("去年借给朋友5000元，有微信转账，没有借条，现在对方不还。");
  await page.getByLabel("添加照片或文件(最多5个)").setInputFiles({ name: "转账截图.jpg", mimeType: "image/jpeg", buffer: await photo(page, "转账 ¥5000") });
  await expect(page.locator("#attached")).toContainText("转账截图.jpg");
  // A file picked by mistake comes off the draft again.
  await page.getByLabel("添加照片或文件(最多5个)").setInputFiles({ name: "错选.jpg", mimeType: "image/jpeg", buffer: await photo(page, "错选") });
  await expect(page.locator("#attached")).toContainText("错选.jpg");
  await page.getByRole("button", { name: "移除 错选.jpg" }).click();
  await expect(page.locator("#attached")).not.toContainText("错选.jpg");
  await expectAccessible(page);

  // The draft, photo included, survives the tab being closed and opened again.
  await page.reload();
  await expect(page.getByLabel("标题(一句话说明问题)")).toHaveValue("朋友借钱不还，只有转账记录");
  await expect(page.locator("#attached")).toContainText("转账截图.jpg");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("请先阅读并同意提问须知");
  await page.getByLabel("我已阅读并同意提问须知").check();
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page).toHaveURL(/\/questions\/\d+$/);
  const thread = page.url();
  await expect(page.getByText("等待律师回复")).toBeVisible();
  await expect(page.getByRole("link", { name: "转账截图.jpg" })).toBeVisible();

  // The A lawyer, at a desk.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const lawyer = await desk.newPage();
  await signInWorker(lawyer, "lawyer");
  // The desk shows the questions waiting beside today's bookings.
  await expect(lawyer.getByRole("region", { name: "在线咨询" }).getByRole("link", { name: "朋友借钱不还，只有转账记录" })).toBeVisible();
  await lawyer.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: "在线咨询" }).click();
  await lawyer.getByRole("link", { name: "朋友借钱不还，只有转账记录" }).click();
  await expect(lawyer.getByText("提问人： 137****0021")).toBeVisible();
  await lawyer.getByRole("button", { name: "认领(由我负责)" }).click();
  // Answered in writing: the number stays masked for the lawyer who holds it.
  await expect(lawyer.getByRole("button", { name: "认领(由我负责)" })).toHaveCount(0);
  await expect(lawyer.getByText("提问人： 137****0021")).toBeVisible();
  // Its route, in the reader's language.
  await expect(lawyer.getByRole("listitem").filter({ hasText: "A角" }).filter({ hasText: "居民提问" })).toHaveCount(1);
  await expect(lawyer.getByRole("listitem").filter({ hasText: "律师认领" })).toHaveCount(1);
  await lawyer.getByLabel("回复(支持简单Markdown格式)").fill("微信转账记录可以证明**款项交付**，再补一份聊天记录更好。");
  await lawyer.getByRole("button", { name: "回复", exact: true }).click();
  await expect(lawyer.locator("strong", { hasText: "款项交付" })).toBeVisible();
  await expectAccessible(lawyer);

  await page.goto(thread);
  await expect(page.getByText("律师已回复")).toBeVisible();
  await expect(page.locator(".thread strong")).toHaveText("款项交付");
  await page.getByLabel("继续追问").fill("对方说是送给他的，怎么办？");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByText("等待律师回复")).toBeVisible();
  await expectAccessible(page);

  await lawyer.reload();
  await lawyer.getByLabel("回复(支持简单Markdown格式)").fill("赠与要由对方证明；您的转账备注和催款记录都有用。");
  await lawyer.getByRole("button", { name: "回复", exact: true }).click();
  await expect(lawyer.getByText("赠与要由对方证明")).toBeVisible();
  await desk.close();

  await page.reload();
  await page.getByRole("button", { name: "问题已解决，结束咨询" }).click();
  await expect(page.getByText("已结束")).toBeVisible();
  await page.getByLabel("4").check();
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("您的评分： 4/5")).toBeVisible();
});
