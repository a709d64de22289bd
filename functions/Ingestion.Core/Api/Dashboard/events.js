// The events of the query as a list, a page at a time: the date with where it came from ("Monday → 2022-02-07"),
// the sentence with its trigger and participants marked, and a link to the article's own view.
import { getJson, apiUrl } from "./api.js";
import { apiParams } from "./state.js";
import { label, scheme } from "./cameo.js";
import { element, showStatus } from "./dom.js";
import { weekday } from "./dates.js";

const pageSize = 25;

export function createEvents(panel, { openArticle, onResolved }) {
  const list = panel.querySelector("ol.events");
  const previous = panel.querySelector("button.previous");
  const next = panel.querySelector("button.next");
  const position = panel.querySelector(".position");
  let tokens = [null];
  let index = 0;
  let current;

  async function load(state, signal) {
    tokens = [null];
    await show(state, 0, signal);
  }

  async function show(state, pageIndex, signal) {
    const page = await getJson("events", apiParams(state, { limit: pageSize, continuationToken: tokens[pageIndex] }), signal);
    current = { state, signal };
    onResolved({ actor: page.resolvedActors, location: page.resolvedPlaces });
    index = pageIndex;
    tokens[index + 1] = page.continuationToken;
    tokens.length = index + 2;
    const colours = scheme(state.colour);
    list.replaceChildren(...page.events.map(event => item(event, colours)));
    showStatus(panel, page.events.length ? "" : "No events match this range and these filters.");
    position.textContent = `Page ${index + 1}`;
    previous.disabled = index === 0;
    next.disabled = !page.continuationToken;
    panel.dataset.page = index + 1;
  }

  // Paging is part of the current view: a new view's load aborts it like everything else.
  previous.addEventListener("click", () => current && turn(index - 1));
  next.addEventListener("click", () => current && turn(index + 1));
  async function turn(pageIndex) {
    const { state, signal } = current;
    try {
      await show(state, pageIndex, signal);
      list.querySelector("a, button")?.focus({ preventScroll: true });
      panel.scrollIntoView({ block: "start" });
    } catch (error) {
      if (!signal.aborted) panel.dispatchEvent(new CustomEvent("panel-error", { detail: error }));
    }
  }

  function item(event, colours) {
    const key = colours.key(event.type?.code);
    const article = element("a", { href: apiUrl(`articles/${encodeURIComponent(event.article.name)}`), class: "article" }, event.article.name);
    article.addEventListener("click", click => { click.preventDefault(); openArticle(event.article.name); });
    return element("li", { class: "event", "data-id": event.id, "data-date": event.date },
      element("div", { class: "head" },
        element("time", { datetime: event.date, class: "when" }, dateText(event)),
        element("span", { class: "type", style: `--swatch:${colours.colour(key)}` }, event.type ? `${event.type.code} ${label(event.type.code)}` : "Untyped"),
        event.eventCode ? element("span", { class: "muted" }, `CAMEO ${event.eventCode}`) : null,
        event.modality && event.modality !== "asserted" ? element("span", { class: "badge" }, event.modality) : null,
        event.negated ? element("span", { class: "badge" }, "negated") : null,
        event.coded === false ? element("span", { class: "badge" }, "not coded") : null),
      element("p", { class: "sentence" }, ...highlight(event)),
      element("div", { class: "who muted" }, participants(event), " · ", article));
  }

  return { load };
}

/**
 * "Monday → 2022-02-07", "earlier this week → 2022-W05 (week)"; for an event with no date of its own, the publication
 * it is dated by ("published Sunday → 2022-02-06") or that it happened before ("before publication → 2022-02-06").
 */
export function dateText(event) {
  const value = event.precision === "day" ? event.date : `${event.dateValue} (${event.precision})`;
  if (event.dateSource === "publicationDate") return `published ${weekday(event.article.published)} → ${value}`;
  if (event.dateSource === "beforePublication") return `before publication → ${event.article.published}`;
  return event.dateText && event.dateText !== event.date ? `${event.dateText} → ${value}` : value;
}

function participants(event) {
  const names = list => list.map(party => party.name).join(", ");
  const parts = [];
  if (event.actors.length) parts.push(names(event.actors));
  if (event.targets.length) parts.push(`→ ${names(event.targets)}`);
  if (event.locations.length) parts.push(`in ${names(event.locations)}`);
  return parts.join(" ") || "no participants found";
}

/** The sentence as text and <mark>s: the trigger, the actors and targets (by full name or a surname) and the places. */
export function highlight(event) {
  const sentence = event.sentence ?? "";
  const lower = sentence.toLowerCase();
  const marks = [];
  const mark = (words, role) => {
    for (const word of words.filter(w => w && w.length > 1)) {
      for (let at = lower.indexOf(word.toLowerCase()); at >= 0; at = lower.indexOf(word.toLowerCase(), at + 1)) {
        const end = at + word.length;
        const whole = !/\w/.test(lower[at - 1] ?? "") && !/\w/.test(lower[end] ?? "");
        if (whole && !marks.some(m => at < m.end && end > m.start)) { marks.push({ start: at, end, role }); return; }
      }
    }
  };
  const names = party => [party.name, ...(party.aliases ?? []), ...party.name.split(/\s+/).filter(part => /^\p{Lu}/u.test(part) && part.length > 2).reverse()];
  mark([event.trigger], "trigger");
  for (const party of event.actors) mark(names(party), "actor");
  for (const party of event.targets) mark(names(party), "target");
  for (const place of event.locations) mark([place.name], "place");
  marks.sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const m of marks) {
    nodes.push(sentence.slice(at, m.start), element("mark", { class: m.role, title: m.role }, sentence.slice(m.start, m.end)));
    at = m.end;
  }
  nodes.push(sentence.slice(at));
  return nodes;
}
