import { expect, test, type Page } from "@playwright/test";
import { bookHoutingAhead, expectAccessible, setCommunity, signInResident } from "./helpers";

/** Every residents' page, app and server alike, for a signed-in resident with a booking. */
async function residentPages(page: Page): Promise<string[]> {
  await signInResident(page, "13766660002");
  await setCommunity(page, "后亭社区");
  const { id } = await bookHoutingAhead(page, "in_person", "邻居装修噪音扰民");
  const found = await page.request.post("/api/directory/communities", { data: { query: "后亭社区" } });
  const [houting] = await found.json();
  const feed = await (await page.request.post("/api/articles/feed", { data: {} })).json();
  const article = JSON.stringify(feed).match(/"id":(\d+)/)?.[1];
  const library = await (await page.request.post("/api/library/search", { data: { query: "" } })).json();
  const documentId = JSON.stringify(library).match(/"id":(\d+)/)?.[1];
  const asked = await page.request.post("/api/questions/ask", {
    data: { client_key: "modes-1", category: "family", title: "噪音扰民", body: "楼上每晚装修到十一点", consent: true },
  });
  expect(asked.ok(), await asked.text()).toBeTruthy();
  const question = (await asked.json()).question.id;
  return [
    "/", "/booking", "/bookings", `/bookings/${id}`, `/communities/${houting.id}/book`, "/me", "/sign-in",
    `/streets/${houting.street_id}`, `/communities/${houting.id}`, "/questions", "/questions/ask", `/questions/${question}`,
    "/articles", `/articles/${article}`, "/library", `/library/${documentId}`, "/me/files", "/me/privacy",
    "/me/community?q=%E5%90%8E%E4%BA%AD", "/me/waitlist", "/privacy",
  ];
}

/** The page fits the phone's width and every control and code on it is within reach. */
async function fitsAndWorks(page: Page, path: string, mode: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // A row that scrolls sideways on purpose (the booking page's days) holds what it holds.
    const inScroller = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (["auto", "scroll"].includes(getComputedStyle(up).overflowX)) return true;
      }
      return false;
    };
    const wide = [...document.querySelectorAll("main *, header *, nav *")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return box.width > 0 && style.visibility !== "hidden" && (box.right > width + 1 || box.left < -1) && !inScroller(el);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
    return { page: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
  expect(overflow, `${path} in ${mode}: nothing runs off a 360 px screen`).toEqual({ page: 0, wide: [] });
  await expectAccessible(page);
}

test("every residents' page fits a 360 px phone and passes axe, in normal, large, high-contrast and 200 % text", async ({ page }) => {
  test.setTimeout(300_000);
  const pages = await residentPages(page);
  const choose = async (large: boolean, contrast: boolean) => {
    await page.goto("/me");
    await page.getByRole("switch", { name: "大字模式" }).setChecked(large);
    await page.getByRole("switch", { name: "高对比度" }).setChecked(contrast);
  };
  const modes: [string, boolean, boolean][] = [
    ["normal", false, false],
    ["large text", true, false],
    ["high contrast", false, true],
  ];
  for (const [mode, large, contrast] of modes) {
    await choose(large, contrast);
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator("#boot")).toHaveCount(0);
      await expect(page.locator("main")).not.toBeEmpty();
      // The server's pages are right on first paint: the choices travel in cookies.
      const html = page.locator("html");
      await expect(html).toHaveClass(large ? /large-text/ : /^(?!.*large-text)/);
      await expect(html).toHaveClass(contrast ? /high-contrast/ : /^(?!.*high-contrast)/);
      await fitsAndWorks(page, path, mode);
    }
  }
  // 200 % text, as a phone's font-size setting asks for it (every size is in rem).
  await choose(false, false);
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("main")).not.toBeEmpty();
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe("32px");
    await fitsAndWorks(page, path, "200 % text");
  }
  // The booking slip's code is whole at 200 %.
  await page.goto(pages[3]);
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  const code = page.getByTestId("booking-code");
  const box = await code.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBeTruthy();
});
