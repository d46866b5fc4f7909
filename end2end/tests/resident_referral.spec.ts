import { expect, test } from "@playwright/test";
import { expectAccessible, photo, setCommunity, signInResident, signInWorker } from "./helpers";

test("a lawyer refers a question to legal aid with its photo; the resident agrees; the centre accepts and records the outcome; the resident sees both in 我的", async ({ page, browser }) => {
  const phone = "13755550071";
  await signInResident(page, phone);
  await setCommunity(page, "后亭社区");
  // The question, with a photo of the pay slip, asked as the questions spec asks one.
  const upload = await page.request.post("/api/files/upload?name=工资条.jpg", { data: await photo(page, "工资条 6月") });
  expect(upload.ok(), await upload.text()).toBeTruthy();
  const { token } = await upload.json();
  const asked = await page.request.post("/api/questions/ask", {
    data: { client_key: "referral-spec", category: "labour", title: "工厂拖欠三个月工资", body: "在工厂做了半年，最近三个月没发工资，老板说没钱。", attachments: [token], consent: true },
  });
  expect(asked.ok(), await asked.text()).toBeTruthy();
  const question = (await asked.json()).question.id;

  // The A lawyer, at the community office: from the question to the referral form.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const lawyer = await desk.newPage();
  await signInWorker(lawyer, "lawyer");
  await lawyer.goto(`/desk/questions?id=${question}`);
  await lawyer.getByRole("link", { name: "转介至法律援助、调解或公证" }).click();
  await expect(lawyer).toHaveURL(`/referrals/new?question=${question}`);
  await expect(lawyer.getByText("工厂拖欠三个月工资")).toBeVisible();
  await lawyer.getByLabel("转介至").selectOption({ label: "法律援助 · 宝安区法律援助处" });
  await lawyer.getByLabel("事实与请求").fill("申请人在工厂工作半年，被拖欠三个月工资约1.5万元，经济困难，申请法律援助。");
  await lawyer.getByLabel("特殊群体").selectOption({ label: "农民工" });
  await lawyer.getByLabel("工资条.jpg").check();
  await expectAccessible(lawyer);
  await lawyer.getByRole("button", { name: "提交转介(待居民确认)" }).click();
  await expect(lawyer).toHaveURL("/referrals");
  await expect(lawyer.getByText("待居民确认")).toBeVisible();
  await expect(lawyer.getByText("绿色通道 · 农民工")).toBeVisible();

  // The resident reads what agreeing hands over, in 我的, and agrees.
  await page.goto("/me");
  await page.getByRole("link", { name: "我的转介" }).click();
  await expect(page).toHaveURL("/me/referrals");
  await expect(page.getByText("宝安区法律援助处").first()).toBeVisible();
  await expect(page.getByText("您的姓名、电话将转交给受理机构", { exact: false })).toBeVisible();
  // The centre's pre-application, in the resident's own words.
  await page.getByLabel("家庭人口").fill("3");
  await page.getByLabel("家庭月收入(元)").fill("2400");
  await page.getByLabel("困难类别").selectOption({ label: "低保户" });
  await expectAccessible(page);
  await page.getByRole("button", { name: "同意转交" }).click();
  await expect(page.getByText("已转交，待受理")).toBeVisible();

  // The legal-aid centre: its queue, the resident's number, the photo; accepts, then the outcome.
  const centreContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const centre = await centreContext.newPage();
  await signInWorker(centre, "legalaid");
  await centre.getByRole("link", { name: "转介受理" }).click();
  await expect(centre).toHaveURL("/agency");
  const card = centre.getByRole("listitem").filter({ hasText: "工厂工作半年" });
  await expect(card.getByText(phone)).toBeVisible();
  await expect(card.getByText("绿色通道 · 农民工")).toBeVisible();
  await expect(card.getByText(/家庭人口: 3 · 家庭月收入\(元\): 2400 \(人均 800\) · 低保户/)).toBeVisible();
  const download = centre.waitForEvent("download");
  await card.getByRole("link", { name: "工资条.jpg" }).click();
  expect((await download).suggestedFilename()).toContain(".jpg");
  await expectAccessible(centre);
  await card.getByRole("button", { name: "受理", exact: true }).click();
  await expect(card.getByText("已受理")).toBeVisible();
  await card.getByLabel("办理结果").selectOption({ label: "给予法律援助" });
  await card.getByLabel("说明").fill("已指派援助律师跟进");
  await card.getByRole("button", { name: "登记办理结果" }).click();
  await expect(card.getByText("已办结")).toBeVisible();
  await centreContext.close();

  // The resident sees the answer and the outcome, in 我的转介 and in their messages.
  await page.reload();
  await expect(page.getByText("已办结")).toBeVisible();
  await expect(page.getByText("办理结果: 给予法律援助")).toBeVisible();
  await expect(page.getByText("已指派援助律师跟进")).toBeVisible();
  await expect(page.getByText(/答复时间/)).toBeVisible();
  await page.goto("/me/messages");
  await expect(page.getByText("已受理您的转介事项")).toBeVisible();
  await expect(page.getByText("已办结您的转介事项")).toBeVisible();
  await expectAccessible(page);
  await desk.close();
});
