// The dashboard: reads the view from the address, loads every panel for it (a newer view aborts the older one's
// loads, so a slow answer never overwrites a newer view), and writes each change back to the address.
import { aborted, apiUrl, getJson } from "./api.js";
import { apiParams, read, toSearch } from "./state.js";
import { monthOf, format } from "./dates.js";
import { showError } from "./dom.js";
import { createFilters } from "./filters.js";
import { createTimeline } from "./timeline.js";
import { createMap } from "./map.js";
import { createTops } from "./tops.js";
import { createEvents } from "./events.js";
import { createArticleView } from "./article.js";

const panel = id => document.getElementById(id);
let state;
let controller;

const filters = createFilters(panel("filters"), panel("chips"), { navigate, currentState: () => state });
const timeline = createTimeline(panel("timeline"), { onZoom: (from, to) => navigate({ ...state, from, to }) });
const tops = createTops(panel("tops"), { navigate });
const events = createEvents(panel("events"), { openArticle: name => article.open(name), onResolved: resolved => filters.resolved(resolved) });
const article = createArticleView(panel("article"), { navigate, currentState: () => state });
// Leaflet may fail to load (a build without npm ci): the rest of the page still works.
const map = window.L ? createMap(panel("map"), { onPlace: location => navigate({ ...state, location }) }) : null;
panel("events").addEventListener("panel-error", event => showError(panel("events"), event.detail));
panel("colour").addEventListener("change", event => navigate({ ...state, colour: event.target.value === "quad" ? "quad" : undefined }));

/** A new view: into the address (so back, forward and sharing work) and onto the page. */
function navigate(next) {
  state = next;
  history.pushState(null, "", toSearch(state));
  render();
}

window.addEventListener("popstate", () => start());

async function start() {
  state = read(location.search);
  if (!state.from || !state.to) {
    const range = await defaultRange();
    state = { ...state, ...range };
    history.replaceState(null, "", toSearch(state));
  }
  render();
}

/** The calendar month of the latest day with events (up to today), or this month when there are none. */
async function defaultRange() {
  try {
    const latest = await getJson("events/latest");
    return monthOf(latest.date ?? latest.until);
  } catch (error) {
    showError(panel("status"), error);
    return monthOf(format(new Date()));
  }
}

function render() {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  document.body.dataset.loaded = "false";
  filters.show(state);
  panel("colour").value = state.colour === "quad" ? "quad" : "cameo";
  exports(state);
  document.title = `Events ${state.from} – ${state.to} · Ingestion`;
  const panels = [
    ["timeline", timeline.load], ["tops", tops.load], ["events", events.load],
    ["map", map ? map.load : () => Promise.reject(new Error("The map library did not load (run npm ci before building)."))],
    ["filters-status", filters.loadCountries],
  ];
  Promise.all(panels.map(async ([id, load]) => {
    panel(id).setAttribute("aria-busy", "true");
    try {
      await load(state, signal);
      showError(panel(id), null);
    } catch (error) {
      if (!aborted(error) && !signal.aborted) showError(panel(id), error);
    } finally {
      if (!signal.aborted) panel(id).removeAttribute("aria-busy");
    }
  })).then(() => {
    if (!signal.aborted) document.body.dataset.loaded = "true";
  });
}

/** Download links for the current query in the API's formats. */
function exports(current) {
  for (const link of document.querySelectorAll("a[data-format]")) {
    const format = link.dataset.format;
    link.href = apiUrl("events", apiParams(current, { format }));
    link.download = `events-${current.from}-${current.to}.${format === "geojson" ? "geojson" : format}`;
  }
}

start();
