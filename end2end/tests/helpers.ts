import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const serverLog = join(__dirname, "..", "test-results", "server.log");

/** The last one-time code the log SMS sender wrote for `phone`. */
export async function codeSentTo(phone: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(() => {
      const lines = readFileSync(serverLog, "utf8").split("\n").filter((l) => l.includes(`to="${phone}"`) || l.includes(`to=${phone}`));
      code = lines.at(-1)?.match(/验证码是(\d{6})|code is (\d{6})/)?.slice(1).find(Boolean);
      return code;
    }, { message: `an SMS to ${phone}` })
    .toBeTruthy();
  return code as string;
}

/** Signs a resident in through the 我的 tab with a one-time code. */
export async function signInResident(page: Page, phone: string) {
  await page.goto("/sign-in");
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("status")).toContainText("验证码已发送");
  await page.getByLabel("验证码").fill(await codeSentTo(phone));
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/");
}
