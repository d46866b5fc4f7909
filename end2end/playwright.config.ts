import { defineConfig } from "@playwright/test";

// The real server (debug build) on a throwaway SQLite database with the demo district, serving
// the built front end from dist/, and a second one on an empty database (the go-live spec). Debian's Chromium; no browser is downloaded.
const port = Number(process.env.E2E_PORT ?? 3107);
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
// WeChat's in-app browser on Android: the resident flows must work there.
const wechatPhone =
  "Mozilla/5.0 (Linux; Android 12; M2012K11AC) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) NetType/4G Language/zh_CN";

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    {
      name: "phone",
      testMatch: /resident|shell|booking|duty|documents|questions/,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, userAgent: wechatPhone },
    },
    { name: "desktop", testMatch: /staff|calendar/, use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: [
    {
      command: `bash ${__dirname}/serve.sh ${port}`,
      url: `http://127.0.0.1:${port}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
    },
    // An empty database (no demo): the go-live spec sets a district up from nothing.
    {
      command: `bash ${__dirname}/serve.sh ${port + 1} empty`,
      url: `http://127.0.0.1:${port + 1}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
    },
  ],
});
