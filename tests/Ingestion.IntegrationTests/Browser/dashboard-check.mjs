// Drives the dashboard in headless Chromium: chooses 2022-02-05..2022-02-07 (right after another range) and checks the table and the chart.
// Usage: node dashboard-check.mjs <dashboard url> <screenshot.png>; prints what it found, exits 1 on a failed check.
import { chromium } from "playwright-core";

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  // This machine has no network beyond loopback: background services would only fail and slow the start.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const failures = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on("pageerror", error => failures.push(`page error: ${error.message}`));
  // A reader who changes their mind: the first range is still loading when the second is chosen, and must not win.
  // The first range's page of events is held back until the second range is shown, then let through.
  let firstRangeAsked, releaseFirstRange;
  const asked = new Promise(resolve => firstRangeAsked = resolve);
  const released = new Promise(resolve => releaseFirstRange = resolve);
  await page.route(address => address.pathname.endsWith("/api/events") && address.searchParams.get("from") === "2021-08-01", async route => {
    firstRangeAsked();
    await released;
    await route.continue().catch(() => {}); // the page may have abandoned the request meanwhile
  });
  await page.goto(url);
  await page.fill("input[name=from]", "2021-08-01");
  await page.fill("input[name=to]", "2021-08-31");
  await page.click("button[type=submit]");
  await asked;
  await page.fill("input[name=from]", "2022-02-05");
  await page.fill("input[name=to]", "2022-02-07");
  await page.click("button[type=submit]");
  await page.waitForSelector("body[data-loaded=true]", { timeout: 30000 });
  // Were the first load still alive, its answer would now replace the table.
  releaseFirstRange();
  await page.waitForTimeout(1000);

  // The table is in date order, 50 rows a page: page on as a reader would until the visit shows up.
  const rows = [];
  let visit;
  for (let number = 1; ; number++) {
    await page.waitForSelector(`body[data-page="${number}"]`, { timeout: 30000 });
    const cells = await page.$$eval("#events tr", trs => trs.map(tr => [...tr.cells].map(td => td.textContent)));
    rows.push(...cells);
    visit = cells.find(c => c[0] === "2022-02-07" && c[2].startsWith("visit") && c[3].includes("Emmanuel Macron"));
    if (visit || await page.isDisabled("#next")) break;
    await page.click("#next");
  }
  if (!visit) failures.push(`no row for Macron's visit on 2022-02-07 among ${rows.length} rows`);
  for (const day of ["2022-02-05", "2022-02-06", "2022-02-07"]) {
    const bars = await page.$$(`#chart rect.bar[data-day="${day}"]`);
    if (bars.length === 0) failures.push(`no bar for ${day}`);
  }
  const error = await page.textContent("#error");
  if (error) failures.push(`the page shows an error: ${error}`);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ rows: rows.length, visit, failures }));
} finally {
  await browser.close();
}
process.exit(failures.length === 0 ? 0 : 1);
