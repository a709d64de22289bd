// Drives the dashboard in headless Chromium against a host with the sample articles, one named check per run.
// Usage: node dashboard-check.mjs <dashboard url> <check> <output folder>; prints what it found, exits 1 on a failed check.
// Every wait is for a condition in the page (data-loaded, a selector), never a fixed time.
import { chromium } from "playwright-core";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const [url, check, output] = process.argv.slice(2);
const failures = [];
const expect = (condition, message) => { if (!condition) failures.push(message); };
const found = {};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  // This machine has no network beyond loopback: background services would only fail and slow the start.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/** A page that fails the check on a script error or on any request leaving the host (no CDN, no tiles). */
async function open(viewport = { width: 1280, height: 1000 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const host = new URL(url).host;
  page.on("pageerror", error => failures.push(`page error: ${error.message}`));
  await page.route(address => address.host !== host, route => { failures.push(`request outside the host: ${route.request().url()}`); return route.abort(); });
  return page;
}

const at = query => new URL(query, url).toString();
const loaded = page => page.waitForSelector("body[data-loaded=true]", { timeout: 60000 });

/** Goes to an address (or acts) and waits until every panel of the new view has loaded. */
async function view(page, action) {
  await page.evaluate(() => { document.body.dataset.loaded = "waiting"; }).catch(() => {});
  await action();
  await loaded(page);
}

/** The events of every page of the list, as { id, date, when, type, sentence, who, marks }. */
async function allEvents(page) {
  const events = [];
  for (let number = 1; ; number++) {
    await page.waitForSelector(`#events[data-page="${number}"]`, { timeout: 30000 });
    events.push(...await page.$$eval("li.event", items => items.map(item => ({
      id: item.dataset.id, date: item.dataset.date, when: item.querySelector(".when").textContent,
      type: item.querySelector(".type").textContent, sentence: item.querySelector(".sentence").textContent,
      who: item.querySelector(".who").textContent, marks: [...item.querySelectorAll("mark")].map(m => [m.className, m.textContent]),
    }))));
    if (await page.isDisabled("#events button.next")) return events;
    await page.click("#events button.next");
  }
}

// APIs the host does not have yet (DashboardTests probes them): the panels that need them show an error, as they must.
const missing = (process.env.DASHBOARD_MISSING_APIS ?? "").split(",").filter(Boolean);
const excused = missing.includes("places") ? "#map, [data-top=place]" : null;

async function noErrors(page) {
  const shown = await page.$$eval(".error:not([hidden])", (boxes, excused) => boxes.filter(box => !(excused && box.closest(excused))).map(box => box.textContent), excused);
  expect(shown.length === 0, `the page shows errors: ${shown.join(" | ")}`);
}

const checks = {
  // A reader who changes their mind: the first range is still loading when the second is chosen, and must not win.
  async range() {
    const page = await open();
    let firstRangeAsked, releaseFirstRange;
    const asked = new Promise(resolve => firstRangeAsked = resolve);
    const released = new Promise(resolve => releaseFirstRange = resolve);
    await page.route(address => address.pathname.endsWith("/api/events") && address.searchParams.get("from") === "2021-08-01", async route => {
      firstRangeAsked();
      await released;
      await route.continue().catch(() => {}); // the page may have abandoned the request meanwhile
    });
    await view(page, () => page.goto(url));
    await page.fill("input[name=from]", "2021-08-01");
    await page.fill("input[name=to]", "2021-08-31");
    await page.click("#filters button[type=submit]");
    await asked;
    // The page must abandon the first range's request once the second is chosen.
    const dropped = page.waitForEvent("requestfailed", request => new URL(request.url()).searchParams.get("from") === "2021-08-01", { timeout: 30000 });
    await view(page, async () => {
      await page.fill("input[name=from]", "2022-02-05");
      await page.fill("input[name=to]", "2022-02-07");
      await page.click("#filters button[type=submit]");
    });
    releaseFirstRange();
    await dropped;
    const events = await allEvents(page);
    const visit = events.find(e => e.date === "2022-02-07" && e.when === "Monday → 2022-02-07" && e.who.includes("Emmanuel Macron")
      && e.marks.some(([role, text]) => role === "trigger" && text === "visit") && e.marks.some(([role, text]) => role === "actor" && text === "Macron"));
    expect(visit, `no event for Macron's visit, dated "Monday → 2022-02-07" with its trigger and actor marked, among ${events.length}`);
    expect(events.every(e => e.date >= "2022-02-05" && e.date <= "2022-02-07"), "an event outside 2022-02-05..2022-02-07 is listed");
    for (const day of ["2022-02-05", "2022-02-06", "2022-02-07"]) {
      expect(await page.$(`#timeline .slot[data-key="${day}"] rect.bar`), `no bar for ${day}`);
    }
    expect(new URL(page.url()).search === "?from=2022-02-05&to=2022-02-07", `the address is ${page.url()}`);
    await noErrors(page);
    found.events = events.length;
    await view(page, () => page.goto(page.url())); // the first page of the list, for the screenshot
    await page.screenshot({ path: path.join(output, "dashboard.png"), fullPage: true });
    const narrow = await open({ width: 390, height: 844 });
    await view(narrow, () => narrow.goto(at("/?from=2022-02-05&to=2022-02-07")));
    await noErrors(narrow);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `the narrow page scrolls sideways by ${overflow}px`);
    await narrow.screenshot({ path: path.join(output, "dashboard-narrow.png") }); // the first screen, as a phone shows it
  },

  // An address with filters opens that view; a link adds a filter; back returns to the view before.
  async address() {
    const page = await open();
    await view(page, () => page.goto(url));
    const latest = await (await page.request.get(at("/api/events/latest"))).json();
    const month = new URL(page.url()).searchParams;
    expect(latest.date && month.get("from") === `${latest.date.slice(0, 7)}-01` && month.get("to").startsWith(latest.date.slice(0, 7)),
      `the default range ${month} is not the month of the latest event ${latest.date}`);

    const query = "?from=2022-02-05&to=2022-02-07&type=04&actor=Emmanuel+Macron";
    await view(page, () => page.goto(at(`/${query}`)));
    expect(await page.inputValue("input[name=from]") === "2022-02-05" && await page.inputValue("input[name=actor]") === "Emmanuel Macron", "the form does not show the address's filters");
    const chips = await page.$$eval("#chips a", links => links.map(link => link.textContent));
    expect(chips.some(chip => chip.includes("04")) && chips.some(chip => chip.includes("Emmanuel Macron")), `the active filters are ${chips}`);
    const events = await allEvents(page);
    expect(events.length > 0 && events.every(e => e.type.startsWith("04") && e.who.includes("Emmanuel Macron")), `the list does not match the address's filters: ${JSON.stringify(events.map(e => [e.type, e.who]))}`);
    const apiIds = (await (await page.request.get(at(`/api/events${query}&limit=1000`))).json()).events.map(e => e.id);
    expect(JSON.stringify(apiIds) === JSON.stringify(events.map(e => e.id)), "the list is not the API's answer for the address");

    // A top-list link sets its filter (another actor); back shows the previous view again.
    const other = await page.$("[data-top=actor] ol a:not([data-key='Emmanuel Macron'])");
    expect(other, "no other top actor to choose");
    if (other) {
      const key = await other.getAttribute("data-key");
      await view(page, () => other.click());
      expect(new URL(page.url()).searchParams.get("actor") === key, `choosing ${key} gave ${page.url()}`);
      await view(page, () => page.goBack());
      expect(new URL(page.url()).search === query, `back gave ${page.url()}`);
      expect(await page.inputValue("input[name=actor]") === "Emmanuel Macron", "back did not restore the actor in the form");
      const again = await allEvents(page);
      expect(JSON.stringify(again.map(e => e.id)) === JSON.stringify(events.map(e => e.id)), "back does not show the same events");
    }
    await noErrors(page);
    found.events = events.length;
  },

  // Dragging across the timeline zooms the page to that span.
  async brush() {
    const page = await open();
    await view(page, () => page.goto(at("/?from=2022-01-24&to=2022-02-20")));
    const before = await allEvents(page);
    const total = Number(await page.getAttribute("#timeline", "data-total"));
    await page.locator("#timeline .chart").scrollIntoViewIfNeeded(); // paging scrolled to the list
    const box = async key => (await page.$(`#timeline .slot[data-key="${key}"] rect.hit`)).boundingBox();
    const [start, end] = [await box("2022-02-05"), await box("2022-02-06")];
    await view(page, async () => {
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
      await page.mouse.down();
      await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 5 });
      await page.mouse.up();
    });
    const address = new URL(page.url()).searchParams;
    expect(address.get("from") === "2022-02-05" && address.get("to") === "2022-02-06", `brushing gave ${page.url()}`);
    const after = await allEvents(page);
    const narrowed = Number(await page.getAttribute("#timeline", "data-total"));
    expect(after.length > 0 && after.every(e => e.date >= "2022-02-05" && e.date <= "2022-02-06"), "the list holds events outside the brushed span");
    expect(before.some(e => e.date < "2022-02-05" || e.date > "2022-02-06"), "the wider range had no events outside the span, so the check proves nothing");
    expect(narrowed < total && narrowed === after.length, `the timeline counts ${narrowed} of ${total}, the list ${after.length}`);
    await noErrors(page);
    Object.assign(found, { before: before.length, after: after.length });
  },

  // The map shows the seed's places; a circle leads to its place's events.
  async map() {
    const page = await open();
    await view(page, () => page.goto(at("/?from=2022-02-05&to=2022-02-07&article=000_40f01add132810ba.txt")));
    const places = await page.$$eval(".place-marker", paths => paths.map(p => p.dataset.place));
    for (const name of ["Moscow", "Warsaw"]) expect(places.some(place => place.includes(name)), `no circle for ${name} among ${places}`);
    const marker = await page.$(".place-marker[data-place*=Warsaw]");
    if (marker) {
      await marker.click({ force: true });
      const show = await page.waitForSelector(".leaflet-popup button", { timeout: 10000 });
      await view(page, () => show.click());
      const location = new URL(page.url()).searchParams.get("location");
      const events = await allEvents(page);
      expect(location && events.length > 0 && events.every(e => e.who.includes("Warsaw") || e.sentence.includes("Warsaw")), `the place's events (location=${location}) are not Warsaw's: ${events.map(e => e.who)}`);
    }
    await noErrors(page);
    found.places = places;
  },

  // An alias in the actor box: "Macron" finds Emmanuel Macron's events, and the box suggests him.
  async alias() {
    const page = await open();
    await view(page, () => page.goto(at("/?from=2022-02-05&to=2022-02-07")));
    await page.fill("input[name=actor]", "Mac");
    await page.waitForFunction(() => [...document.querySelectorAll("#actor-options option")].some(o => o.value === "Emmanuel Macron"), null, { timeout: 15000 });
    await page.fill("input[name=actor]", "Macron");
    await view(page, () => page.click("#filters button[type=submit]"));
    expect(new URL(page.url()).searchParams.get("actor") === "Macron", `the address is ${page.url()}`);
    const events = await allEvents(page);
    expect(events.length >= 5 && events.every(e => e.who.includes("Emmanuel Macron")), `"Macron" gave ${events.length} events: ${events.map(e => e.who)}`);
    await noErrors(page);
    found.events = events.length;
  },

  // Export downloads the current query; its rows are the list's events.
  async export() {
    const page = await open();
    await view(page, () => page.goto(at("/?from=2022-02-05&to=2022-02-07&type=04")));
    const events = await allEvents(page);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("a[data-format=csv]")]);
    const rows = parseCsv(await readFile(await csv.path(), "utf8"));
    const header = rows.shift();
    const id = header.indexOf("id");
    expect(id >= 0, `the CSV has no id column: ${header}`);
    expect(JSON.stringify(rows.map(row => row[id])) === JSON.stringify(events.map(e => e.id)), `the CSV's ${rows.length} rows are not the list's ${events.length} events`);
    const [geojson] = await Promise.all([page.waitForEvent("download"), page.click("a[data-format=geojson]")]);
    const collection = JSON.parse(await readFile(await geojson.path(), "utf8"));
    const ids = new Set(events.map(e => e.id));
    expect(collection.type === "FeatureCollection" && collection.features.length > 0
      && collection.features.every(f => ids.has(f.properties.id)), "the GeoJSON is not a collection of the list's events");
    await noErrors(page);
    Object.assign(found, { events: events.length, csvRows: rows.length, features: collection.features.length });
  },

  // axe-core (from npm) finds no serious or critical violation, wide and narrow, with the article dialog open too.
  async axe() {
    const axe = createRequire(import.meta.url)("axe-core").source;
    for (const viewport of [{ width: 1280, height: 1000 }, { width: 390, height: 844 }]) {
      const page = await open(viewport);
      await view(page, () => page.goto(at("/?from=2022-02-05&to=2022-02-07")));
      await page.addScriptTag({ content: axe });
      const serious = async () => page.evaluate(async () => (await window.axe.run(document)).violations
        .filter(v => v.impact === "serious" || v.impact === "critical")
        .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`));
      found[`page ${viewport.width}`] = await serious();
      await page.click("li.event a.article");
      await page.waitForSelector("#article dl.facts");
      found[`dialog ${viewport.width}`] = await serious();
      for (const [where, violations] of Object.entries(found)) expect(violations.length === 0, `${where}: ${violations.join("; ")}`);
    }
  },
};

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [[]];
  let field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { rows.at(-1).push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      rows.at(-1).push(field); field = ""; rows.push([]);
    } else field += c;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field); else rows.pop();
  return rows;
}

try {
  if (!checks[check]) throw new Error(`unknown check ${check}; one of ${Object.keys(checks)}`);
  await checks[check]();
} catch (error) {
  failures.push(`${check} threw: ${error.stack ?? error}`);
} finally {
  await browser.close();
}
console.log(JSON.stringify({ check, found, failures }, null, 1));
process.exit(failures.length === 0 ? 0 : 1);
