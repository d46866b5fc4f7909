import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const serverLog = join(__dirname, "..", "test-results", "server.log");

/** The last one-time code the log SMS sender wrote for `phone` (to `log`: the demo server's). */
export async function codeSentTo(phone: string, log = serverLog): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(() => {
      const lines = readFileSync(log, "utf8").split("\n").filter((l) => l.includes(`to="${phone}"`) || l.includes(`to=${phone}`));
      code = lines.at(-1)?.match(/验证码是(\d{6})|code is (\d{6})/)?.slice(1).find(Boolean);
      return code;
    }, { message: `an SMS to ${phone}` })
    .toBeTruthy();
  return code as string;
}

/** Signs a resident in with a one-time code, from the sign-in page the app is on (or a fresh
 * one), and waits to land on `landing`. */
export async function signInResident(page: Page, phone: string, landing = "/") {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("status")).toContainText("验证码已发送");
  await page.getByLabel("验证码").fill(await codeSentTo(phone));
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(landing);
}

/** Signs a lawyer, assistant or staff member in on the workbench. */
export async function signInWorker(page: Page, login: string) {
  await page.goto("/desk/sign-in");
  await page.getByLabel("登录名或手机号").fill(login);
  await page.getByLabel("密码").fill("fai-demo-2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/desk");
}

/** Fails on any accessibility rule axe-core finds broken on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(found, `axe on ${page.url()}`).toEqual([]);
}

/** Makes the signed-in resident of `page` a resident of `community` (by name). */
export async function setCommunity(page: Page, community: string) {
  const found = await page.request.post("/api/directory/communities", { data: { query: community } });
  const [first] = await found.json();
  const answer = await page.request.post("/api/account/set-community", { data: { community_id: first.id } });
  expect(answer.ok(), await answer.text()).toBeTruthy();
}

/** A photo, as a phone's camera would give one (a JPEG drawn by the browser). */
export async function photo(page: Page, text: string): Promise<Buffer> {
  const base64 = await page.evaluate((text) => {
    const canvas = document.createElement("canvas");
    canvas.width = 800;
    canvas.height = 600;
    const g = canvas.getContext("2d") as CanvasRenderingContext2D;
    g.fillStyle = "#f5f1e6";
    g.fillRect(0, 0, 800, 600);
    g.fillStyle = "#222";
    g.font = "48px sans-serif";
    g.fillText(text, 60, 120);
    return canvas.toDataURL("image/jpeg", 0.9).split(",")[1];
  }, text);
  return Buffer.from(base64, "base64");
}

/** Books a slot of 后亭社区 over `channel` a day or more ahead, as the resident signed in on `page`. */
export async function bookHoutingAhead(page: Page, channel: string, description: string) {
  const found = await page.request.post("/api/directory/communities", { data: { query: "后亭社区" } });
  const [houting] = await found.json();
  const availability = await (await page.request.post("/api/booking/availability", { data: { community_id: houting.id } })).json();
  type Slot = { start: number; seats_left: number; channels: string[] };
  const slot: Slot = availability.days
    .flatMap((d: { slots: Slot[] }) => d.slots)
    .find((s: Slot) => s.seats_left > 0 && s.channels.includes(channel) && s.start > Date.now() + 86_400_000);
  const booked = await page.request.post("/api/booking/book", {
    data: { community_id: houting.id, slot_start: slot.start, channel, topic: "family", description },
  });
  expect(booked.ok(), await booked.text()).toBeTruthy();
  const { id, code } = await booked.json();
  return { slot, id: id as number, code: code as string };
}
