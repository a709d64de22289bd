// Top actors, places and types of the range, from the summary; each is a link that adds its filter.
import { getJson } from "./api.js";
import { apiParams, toSearch, withFilter } from "./state.js";
import { label } from "./cameo.js";
import { element, showError } from "./dom.js";

const lists = [
  { groupBy: "actor", filter: "actor", name: bucket => bucket.name ?? bucket.label ?? bucket.key },
  { groupBy: "place", filter: "location", name: bucket => bucket.name ?? bucket.key },
  { groupBy: "type", filter: "type", name: bucket => `${bucket.key} ${label(bucket.key)}` },
];

export function createTops(panel, { navigate }) {
  async function load(state, signal) {
    await Promise.all(lists.map(async list => {
      const box = panel.querySelector(`[data-top="${list.groupBy}"]`);
      try {
        const summary = await getJson("events/summary", apiParams(state, { groupBy: list.groupBy, limit: 8 }), signal);
        draw(box, list, summary.buckets, state);
        showError(box, null);
      } catch (error) {
        if (signal.aborted) return;
        box.querySelector("ol").replaceChildren();
        showError(box, error);
      }
    }));
  }

  function draw(box, list, buckets, state) {
    const max = Math.max(1, ...buckets.map(bucket => bucket.count));
    const items = buckets.map(bucket => {
      const next = withFilter(state, list.filter, bucket.key);
      const link = element("a", { href: toSearch(next), "data-key": bucket.key }, list.name(bucket));
      link.addEventListener("click", event => { event.preventDefault(); navigate(next); });
      return element("li", { style: `--share:${(100 * bucket.count) / max}%` }, link, element("span", { class: "count" }, String(bucket.count)));
    });
    box.querySelector("ol").replaceChildren(...items);
    box.querySelector(".status").textContent = items.length ? "" : "None in this range.";
  }

  return { load };
}
