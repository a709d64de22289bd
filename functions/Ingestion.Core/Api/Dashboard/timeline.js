// The timeline: events per day, week or month (chosen from the range's length), stacked by type. Dragging across
// it (or Enter on a bar) zooms the whole page to that span.
import { getJson } from "./api.js";
import { apiParams } from "./state.js";
import { addDays, daysBetween, isoWeek, monthOf, weekStart } from "./dates.js";
import { legend, regroup, scheme } from "./cameo.js";
import { svg } from "./dom.js";

/** Day buckets up to two months, weeks up to two years, months beyond. */
export function grainOf(from, to) {
  const days = daysBetween(from, to) + 1;
  return days <= 62 ? "day" : days <= 731 ? "week" : "month";
}

/** Every bucket of the range, empty ones too, so the axis is continuous and a brushed span maps to dates. */
export function slotsOf(from, to, grain) {
  const slots = [];
  const clamp = (start, end) => ({ from: start < from ? from : start, to: end > to ? to : end });
  if (grain === "day") {
    for (let day = from; day <= to; day = addDays(day, 1)) slots.push({ key: day, from: day, to: day });
  } else if (grain === "week") {
    for (let start = weekStart(from); start <= to; start = addDays(start, 7)) {
      slots.push({ key: isoWeek(start), ...clamp(start, addDays(start, 6)) });
    }
  } else {
    for (let start = monthOf(from).from; start <= to; start = addDays(monthOf(start).to, 1)) {
      slots.push({ key: start.slice(0, 7), ...clamp(start, monthOf(start).to) });
    }
  }
  return slots;
}

const width = 960, height = 230, left = 40, right = 8, top = 12, bottom = 46;

export function createTimeline(panel, { onZoom }) {
  const chart = panel.querySelector(".chart");
  const keys = panel.querySelector(".legend");
  const caption = panel.querySelector(".caption");

  async function load(state, signal) {
    const grain = grainOf(state.from, state.to);
    const summary = await getJson("events/summary", apiParams(state, { groupBy: grain }), signal);
    const counts = new Map(summary.buckets.map(bucket => [bucket.key, bucket]));
    const slots = slotsOf(state.from, state.to, grain).map(slot => ({ ...slot, bucket: counts.get(slot.key) }));
    const total = summary.buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    panel.dataset.total = total;
    caption.textContent = `${total} event${total === 1 ? "" : "s"}, per ${grain}, ${state.from} to ${state.to}. Drag across the bars to zoom in.`;
    draw(slots, scheme(state.colour));
    return total;
  }

  function draw(slots, colours) {
    const max = Math.max(1, ...slots.map(slot => slot.bucket?.count ?? 0));
    const slotWidth = (width - left - right) / slots.length;
    const barWidth = Math.max(1, Math.min(40, slotWidth * 0.8));
    const y = value => top + (height - top - bottom) * (1 - value / max);
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": "Events over time; choose a bar to zoom to it" });
    root.append(
      svg("line", { x1: left, x2: width - right, y1: y(0), y2: y(0), class: "axis" }),
      svg("text", { x: left - 6, y: y(max) + 4, "text-anchor": "end", class: "tick" }, String(max)),
      svg("text", { x: left - 6, y: y(0) + 4, "text-anchor": "end", class: "tick" }, "0"));
    const seen = new Set();
    const every = Math.ceil(slots.length / 24);
    slots.forEach((slot, i) => {
      const x = left + i * slotWidth + (slotWidth - barWidth) / 2;
      const count = slot.bucket?.count ?? 0;
      const group = svg("g", {
        class: "slot", tabindex: "0", role: "button", "data-key": slot.key, "data-from": slot.from, "data-to": slot.to,
        "aria-label": `${slot.key}: ${count} event${count === 1 ? "" : "s"}. Zoom to ${slot.from} – ${slot.to}`,
      });
      // A transparent full-height target, so thin or empty bars can still be chosen.
      group.append(svg("rect", { x: left + i * slotWidth, width: slotWidth, y: top, height: height - top - bottom, class: "hit" }));
      let base = 0;
      for (const [key, n] of regroup(slot.bucket?.byType, count, colours)) {
        group.append(svg("rect", { x, width: barWidth, y: y(base + n), height: y(base) - y(base + n), fill: colours.colour(key), class: "bar", "data-type": key || "none" },
          svg("title", {}, `${slot.key}: ${n} ${colours.name(key)}`)));
        base += n;
        seen.add(key);
      }
      if (i % every === 0) {
        const labelX = x + barWidth / 2, labelY = height - bottom + 14;
        root.append(svg("text", { x: labelX, y: labelY, "text-anchor": "end", class: "tick", transform: `rotate(-35 ${labelX} ${labelY})` },
          slot.key.length === 10 ? slot.key.slice(5) : slot.key));
      }
      root.append(group);
    });
    const brush = svg("rect", { class: "brush", y: top, height: height - top - bottom, width: 0, x: 0, visibility: "hidden" });
    root.append(brush);
    brushing(root, brush, slots, slotWidth);
    chart.replaceChildren(root);
    legend(keys, seen, colours);
  }

  function brushing(root, brush, slots, slotWidth) {
    const indexAt = event => {
      const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(root.getScreenCTM().inverse());
      return Math.max(0, Math.min(slots.length - 1, Math.floor((point.x - left) / slotWidth)));
    };
    let start = null;
    const span = end => [Math.min(start, end), Math.max(start, end)];
    root.addEventListener("pointerdown", event => {
      start = indexAt(event);
      root.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    root.addEventListener("pointermove", event => {
      if (start === null) return;
      const [first, last] = span(indexAt(event));
      brush.setAttribute("x", left + first * slotWidth);
      brush.setAttribute("width", (last - first + 1) * slotWidth);
      brush.setAttribute("visibility", "visible");
    });
    root.addEventListener("pointerup", event => {
      if (start === null) return;
      const [first, last] = span(indexAt(event));
      start = null;
      brush.setAttribute("visibility", "hidden");
      onZoom(slots[first].from, slots[last].to);
    });
    root.addEventListener("keydown", event => {
      const slot = event.target.closest?.(".slot");
      if (slot && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        onZoom(slot.dataset.from, slot.dataset.to);
      }
    });
  }

  return { load };
}
