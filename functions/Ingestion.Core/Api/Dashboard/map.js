// The map: one circle per place of the current query's events (from the place summary), sized by event count and
// coloured by the type most of them have. Country outlines come from world-atlas (Natural Earth) — no tile server.
import { getJson } from "./api.js";
import { apiParams } from "./state.js";
import { dominant, legend, regroup, scheme } from "./cameo.js";
import { element } from "./dom.js";

const L = window.L;

export function createMap(panel, { onPlace }) {
  const keys = panel.querySelector(".legend");
  const caption = panel.querySelector(".caption");
  const map = L.map(panel.querySelector(".map"), {
    worldCopyJump: true, minZoom: 1, maxZoom: 10, zoomSnap: 0.5,
    attributionControl: true, keyboard: true,
  }).setView([30, 10], 1.5);
  map.attributionControl.setPrefix("Leaflet").addAttribution("Country outlines: Natural Earth");
  const circles = L.layerGroup().addTo(map);
  outlines(map);

  async function load(state, signal) {
    const summary = await getJson("events/summary", apiParams(state, { groupBy: "place", limit: 500 }), signal);
    const colours = scheme(state.colour);
    const placed = summary.buckets.filter(bucket => Number.isFinite(bucket.latitude) && Number.isFinite(bucket.longitude));
    const max = Math.max(1, ...placed.map(bucket => bucket.count));
    const seen = new Set();
    circles.clearLayers();
    for (const bucket of placed.sort((a, b) => b.count - a.count)) {
      // Without counts by type for the place, its circle takes the colour of "all types".
      const key = bucket.byType ? dominant(bucket.byType, colours) : "all";
      seen.add(key);
      const circle = L.circleMarker([bucket.latitude, bucket.longitude], {
        radius: 4 + 18 * Math.sqrt(bucket.count / max),
        color: "#fff", weight: 1, fillColor: colours.colour(key), fillOpacity: 0.8, className: "place-marker",
      });
      circle.bindTooltip(`${bucket.name ?? bucket.key}: ${bucket.count}`);
      circle.bindPopup(() => popup(bucket, colours));
      circle.addTo(circles);
      const path = circle.getElement();
      path.dataset.place = bucket.name ?? bucket.key;
      path.dataset.count = bucket.count;
    }
    if (placed.length) map.fitBounds(L.latLngBounds(placed.map(b => [b.latitude, b.longitude])).pad(0.3), { maxZoom: 6 });
    const unplaced = summary.buckets.length - placed.length;
    caption.textContent = `${placed.length} place${placed.length === 1 ? "" : "s"} on the map` +
      (unplaced ? `, ${unplaced} without coordinates.` : ".") + " Choose a circle for its events.";
    legend(keys, seen, colours);
  }

  function popup(bucket, colours) {
    const name = bucket.name ?? bucket.key;
    const parts = bucket.byType ? regroup(bucket.byType, bucket.count, colours).map(([key, n]) => element("li", {}, `${colours.name(key)}: ${n}`)) : [];
    const show = element("button", { type: "button" }, `Show the ${bucket.count} event${bucket.count === 1 ? "" : "s"} here`);
    show.addEventListener("click", () => { map.closePopup(); onPlace(bucket.key, name); });
    return element("div", { class: "popup" },
      element("strong", {}, name), bucket.countryCode ? ` (${bucket.countryCode})` : "",
      bucket.featureKind ? element("div", { class: "muted" }, bucket.featureKind) : null,
      element("ul", {}, ...parts), show);
  }

  // Leaflet measures its container when created; a panel that changes size (a phone turned) must be measured again.
  new ResizeObserver(() => map.invalidateSize()).observe(panel.querySelector(".map"));

  return { load };
}

async function outlines(map) {
  const response = await fetch("/api/dashboard/vendor/countries-110m.json");
  const world = await response.json();
  L.geoJSON(window.topojson.feature(world, world.objects.countries), {
    style: { color: "#fff", weight: 0.7, fillColor: "#d8dde6", fillOpacity: 1 },
    interactive: false,
  }).addTo(map).bringToBack();
}
