// CAMEO root categories, their QuadClass (as GDELT groups them) and the colours the timeline, map and legends share.
export const roots = [
  ["01", "Make public statement"], ["02", "Appeal"], ["03", "Express intent to cooperate"], ["04", "Consult"],
  ["05", "Engage in diplomatic cooperation"], ["06", "Engage in material cooperation"], ["07", "Provide aid"],
  ["08", "Yield"], ["09", "Investigate"], ["10", "Demand"], ["11", "Disapprove"], ["12", "Reject"], ["13", "Threaten"],
  ["14", "Protest"], ["15", "Exhibit force posture"], ["16", "Reduce relations"], ["17", "Coerce"], ["18", "Assault"],
  ["19", "Fight"], ["20", "Use unconventional mass violence"],
].map(([code, label]) => ({ code, label }));

const labels = Object.fromEntries(roots.map(root => [root.code, root.label]));
export const label = code => labels[code] ?? (code ? code : "Untyped");

// QuadClass: verbal (01–05, 09–13) or material (06–08, 14–20), cooperation (01–08) or conflict (09–20).
export const quads = [
  { code: "1", label: "Verbal cooperation", colour: "#2f7ed8" },
  { code: "2", label: "Material cooperation", colour: "#1b9e77" },
  { code: "3", label: "Verbal conflict", colour: "#e6a100" },
  { code: "4", label: "Material conflict", colour: "#c0392b" },
];
export function quadOf(code) {
  const n = Number(code);
  return n <= 5 ? "1" : n <= 8 ? "2" : n <= 13 ? "3" : "4";
}

// Twenty colours a reader can tell apart, in code order (cooperation blues and greens to conflict reds).
const palette = ["#1f5fbf", "#3d85c6", "#5fa8d3", "#0b7285", "#15aabf", "#2b8a3e", "#51cf66", "#94d82d", "#845ef7",
  "#ae3ec9", "#e599f7", "#f59f00", "#fd7e14", "#e8590c", "#d9480f", "#c2255c", "#a61e4d", "#c92a2a", "#862e2e", "#343a40"];
const untyped = "#adb5bd";
// A mark counting events of every type, when the API gives no breakdown (the map's places).
const all = { colour: "#2456c8", name: "Events of any type" };

/** The colour scheme chosen in the page: "cameo" (twenty roots) or "quad" (four classes), plus the key "all". */
export function scheme(mode) {
  const chosen = typed(mode);
  return {
    ...chosen,
    colour: key => (key === "all" ? all.colour : chosen.colour(key)),
    name: key => (key === "all" ? all.name : chosen.name(key)),
  };
}

function typed(mode) {
  if (mode === "quad") {
    const byCode = Object.fromEntries(quads.map(q => [q.code, q]));
    return {
      key: code => (code ? quadOf(code) : ""),
      colour: key => byCode[key]?.colour ?? untyped,
      name: key => byCode[key]?.label ?? "Untyped",
      order: quads.map(q => q.code),
    };
  }
  return {
    key: code => code ?? "",
    colour: key => (key ? palette[Number(key) - 1] ?? untyped : untyped),
    name: key => (key ? `${key} ${label(key)}` : "Untyped"),
    order: roots.map(r => r.code),
  };
}

/** Counts by type regrouped under a scheme's keys, in the scheme's order (untyped last). */
export function regroup(byType, total, colours) {
  const sums = new Map();
  let typed = 0;
  for (const [code, n] of Object.entries(byType ?? {})) {
    const key = colours.key(code);
    sums.set(key, (sums.get(key) ?? 0) + n);
    typed += n;
  }
  const parts = colours.order.filter(key => sums.has(key)).map(key => [key, sums.get(key)]);
  if (total > typed) parts.push(["", total - typed]);
  return parts;
}

/** The key with most events, for a one-colour mark such as a map circle. */
export function dominant(byType, colours) {
  const parts = regroup(byType, 0, colours);
  return parts.length ? parts.reduce((best, part) => (part[1] > best[1] ? part : best))[0] : "";
}

/** A legend of the keys shown, as a list. */
export function legend(element, keys, colours) {
  element.replaceChildren(...colours.order.concat(["", "all"]).filter(key => keys.has(key)).map(key => {
    const item = document.createElement("li");
    item.style.setProperty("--swatch", colours.colour(key));
    item.textContent = colours.name(key);
    return item;
  }));
}
