// The filter form: range, actor and place with suggestions (from /api/actors and /api/places), type, country,
// precision and which events (CAMEO-coded, the API's default; all; not coded), plus the active filters as removable chips.
import { getJson } from "./api.js";
import { apiParams, toSearch, without } from "./state.js";
import { label, roots } from "./cameo.js";
import { element } from "./dom.js";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const countryName = code => { try { return regionNames.of(code.toUpperCase()); } catch { return code; } };

export function createFilters(form, chips, { navigate, currentState }) {
  const fields = form.elements;
  fields.type.append(...roots.map(root => new Option(`${root.code} ${root.label}`, root.code)));
  suggest(fields.actor, "actors", "actors", actor => [actor.name, [actor.kind, actor.countryCode, `${actor.count} events`].filter(Boolean).join(" · ")]);
  suggest(fields.location, "places", "places", place => [place.name, [place.featureKind, place.admin1, place.countryCode, `${place.count} events`].filter(Boolean).join(" · ")]);

  form.addEventListener("submit", event => {
    event.preventDefault();
    const state = currentState();
    const next = { types: [...state.types], code: state.code, colour: state.colour };
    for (const name of ["from", "to", "actor", "location", "country", "precision"]) {
      const value = fields[name].value.trim();
      if (value) next[name] = value;
    }
    if (fields.type.value && !next.types.includes(fields.type.value)) next.types.push(fields.type.value);
    if (fields.coded.value) next.coded = fields.coded.value;
    if (state.article) next.article = state.article;
    navigate(next);
  });

  /** Puts a state into the form and the chips. */
  function show(state) {
    for (const name of ["from", "to", "actor", "location", "precision"]) fields[name].value = state[name] ?? "";
    ensureOption(fields.country, state.country);
    fields.country.value = state.country ?? "";
    fields.type.value = "";
    fields.coded.value = ["any", "false"].includes(state.coded) ? state.coded : "";
    chips.replaceChildren(...active(state).map(([name, value, text]) => {
      const remove = element("a", { href: toSearch(without(state, name, value)), class: "chip", "data-filter": name, title: "Remove this filter" },
        element("span", { class: "sr-only" }, "Remove filter "), text, element("span", { class: "resolved" }), element("span", { "aria-hidden": "true" }, " ×"));
      remove.addEventListener("click", event => { event.preventDefault(); navigate(without(state, name, value)); });
      return element("li", {}, remove);
    }));
  }

  /** The countries of the range, with their counts, for the picker (the chosen one stays even if it has none). */
  async function loadCountries(state, signal) {
    const summary = await getJson("events/summary", apiParams(without(state, "country"), { groupBy: "country", limit: 250 }), signal);
    const chosen = state.country ?? "";
    fields.country.replaceChildren(new Option("any country", ""),
      ...summary.buckets.map(b => new Option(`${countryName(b.key)} (${b.key}, ${b.count})`, b.key)));
    ensureOption(fields.country, chosen);
    fields.country.value = chosen;
  }

  /** What an actor or place filter stood for, from the API's answer ("Macron" → Emmanuel Macron), on its chip. */
  function resolved(byFilter) {
    for (const [name, items] of Object.entries(byFilter)) {
      const chip = chips.querySelector(`a[data-filter="${name}"]`);
      if (chip && items?.length) chip.querySelector(".resolved").textContent = ` → ${items.map(item => item.name).join(", ")}`;
    }
  }

  return { show, loadCountries, resolved };
}

function active(state) {
  const chips = [];
  for (const type of state.types) chips.push(["type", type, `Type: ${type} ${label(type)}`]);
  if (state.actor) chips.push(["actor", state.actor, `Actor: ${state.actor}`]);
  if (state.location) chips.push(["location", state.location, `Place: ${state.location}`]);
  if (state.country) chips.push(["country", state.country, `Country: ${countryName(state.country)}`]);
  if (state.precision) chips.push(["precision", state.precision, `Dated to the ${state.precision}`]);
  if (state.article) chips.push(["article", state.article, `Article: ${state.article}`]);
  if (state.coded === "any") chips.push(["coded", "any", "Coded or not"]);
  if (state.coded === "false") chips.push(["coded", "false", "Not coded only"]);
  return chips;
}

function ensureOption(select, value) {
  if (value && ![...select.options].some(option => option.value === value)) select.append(new Option(`${countryName(value)} (${value})`, value));
}

/** Suggestions from an API route as a datalist, asked for a moment after typing stops; a failure only hides them. */
function suggest(input, route, property, describe) {
  const list = document.getElementById(input.getAttribute("list"));
  const hint = input.closest("label").querySelector(".hint");
  let timer, controller;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      const form = input.form.elements;
      const params = new URLSearchParams({ search: input.value.trim(), limit: "8" });
      if (form.from.value && form.to.value) { params.set("from", form.from.value); params.set("to", form.to.value); }
      try {
        const answer = await getJson(route, params, controller.signal);
        list.replaceChildren(...answer[property].map(item => {
          const [value, text] = describe(item);
          return new Option(text, value);
        }));
        hint.textContent = "";
      } catch (error) {
        if (controller.signal.aborted) return;
        list.replaceChildren();
        hint.textContent = "Suggestions are unavailable.";
      }
    }, 200);
  });
}
