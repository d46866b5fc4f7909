import { expect, test, type Page } from "@playwright/test";
import { codeSentTo, expectAccessible } from "./helpers";

// Standing in 沙井街道 (the demo's centre of it): "near me" lists its communities first.
test.use({ geolocation: { latitude: 22.565, longitude: 113.89 }, permissions: ["geolocation"] });

/** Counts every tap the resident makes. */
function counter(page: Page) {
  let taps = 0;
  return {
    tap: async (target: ReturnType<Page["getByRole"]>) => {
      taps += 1;
      await target.click();
    },
    get taps() {
      return taps;
    },
  };
}

test("a new resident asks a question from a cold start in eight taps, choosing their community on the way", async ({ page }) => {
  const phone = "13766660001";
  const you = counter(page);
  await page.goto("/");
  await you.tap(page.getByRole("navigation", { name: "tabs" }).getByRole("link", { name: "咨询" }));
  await expect(page).toHaveURL("/questions");
  await you.tap(page.getByRole("link", { name: "登录后提问" }));
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("手机号").fill(phone);
  await you.tap(page.getByRole("button", { name: "获取验证码" }));
  await page.getByLabel("验证码").fill(await codeSentTo(phone));
  await you.tap(page.getByRole("button", { name: "登录", exact: true }));

  // Back where they were going, with no community yet: the chooser is right here.
  await expect(page).toHaveURL("/questions/ask");
  await expect(page.getByText("请先选择您的社区")).toBeVisible();
  await expectAccessible(page);
  await you.tap(page.getByRole("button", { name: "查找我附近的社区" }));
  await expect(page).toHaveURL(/\/me\/community\?.*near=/);
  const first = page.getByRole("listitem").first();
  const name = (await first.locator(".font-bold").first().textContent()) ?? "";
  expect(name).toContain("社区");
  await expectAccessible(page);
  await you.tap(first.getByRole("button"));

  await expect(page).toHaveURL("/questions/ask");
  await expect(page.getByText(`提问到：${name}`)).toBeVisible();
  await page.getByLabel("标题(一句话说明问题)").fill("公司不签劳动合同");
  await page.getByLabel("详细情况(时间、经过、您想得到什么帮助)").fill("入职三个月了，公司一直不签劳动合同，可以要求双倍工资吗？");
  await you.tap(page.getByLabel("我已阅读并同意提问须知"));
  await you.tap(page.getByRole("button", { name: "提交", exact: true }));
  await expect(page).toHaveURL(/\/questions\/\d+$/);
  await expect(page.getByText("等待律师回复")).toBeVisible();
  expect(you.taps).toBeLessThanOrEqual(8);

  // 我的 shows the community chosen, and changes it; the waitlists are one tap away.
  await page.getByRole("navigation", { name: "tabs" }).getByRole("link", { name: "我的" }).click();
  await page.getByRole("link", { name: "我的社区" }).click();
  await expect(page).toHaveURL("/me/community");
  await expect(page.getByRole("link", { name: new RegExp(name) })).toBeVisible();
  await page.getByLabel("按名称查找社区").fill("后亭");
  await page.getByRole("button", { name: "搜索" }).click();
  await page.getByRole("listitem").filter({ hasText: "后亭社区" }).getByRole("button").click();
  await expect(page.getByRole("heading", { name: "后亭社区" })).toBeVisible();
  await expect(page.getByText("这是我的社区")).toBeVisible();
  await page.goto("/me");
  await page.getByRole("link", { name: "我的候补" }).click();
  await expect(page.getByText("您没有在等候的时段")).toBeVisible();
  await expectAccessible(page);
});
