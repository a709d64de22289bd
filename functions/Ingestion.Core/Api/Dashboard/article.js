// An article's own view, in a dialog: its status (processed, failed and why), publication date and its events.
import { getJson } from "./api.js";
import { label } from "./cameo.js";
import { element, showError } from "./dom.js";
import { dateText } from "./events.js";

export function createArticleView(dialog, { navigate, currentState }) {
  const body = dialog.querySelector(".body");
  const heading = dialog.querySelector("h2");
  dialog.querySelector("button.close").addEventListener("click", () => dialog.close());
  let controller;

  async function open(name) {
    controller?.abort();
    controller = new AbortController();
    heading.textContent = name;
    body.replaceChildren(element("p", { class: "status" }, "Loading…"));
    showError(dialog, null);
    if (!dialog.open) dialog.showModal();
    try {
      const details = await getJson(`articles/${encodeURIComponent(name)}`, undefined, controller.signal);
      draw(details);
    } catch (error) {
      if (controller.signal.aborted) return;
      body.replaceChildren();
      showError(dialog, error);
    }
  }

  function draw({ article, events, moreEvents }) {
    heading.textContent = article.title || article.name;
    const facts = element("dl", { class: "facts" },
      element("dt", {}, "File"), element("dd", {}, article.name),
      element("dt", {}, "Status"), element("dd", { class: `article-status ${article.status}` }, article.status),
      article.error ? element("dt", {}, "Why") : null, article.error ? element("dd", {}, article.error) : null,
      element("dt", {}, "Published"), element("dd", {}, `${article.published ?? "unknown"} (from ${article.publishedSource ?? "—"})`),
      element("dt", {}, "Events"), element("dd", {}, String(article.eventCount ?? events.length)),
      element("dt", {}, "Extractor"), element("dd", {}, article.extractorVersion ?? "—"));
    const dates = events.map(event => event.date).sort();
    const filter = element("a", { href: "#" }, "Show only this article's events in the dashboard");
    filter.addEventListener("click", click => {
      click.preventDefault();
      dialog.close();
      const state = currentState();
      navigate({ ...state, article: article.name, from: dates[0] ?? state.from, to: dates.at(-1) ?? state.to });
    });
    const list = element("ol", { class: "article-events" }, ...events.map(event => element("li", {},
      element("strong", {}, dateText(event)), " ",
      element("span", { class: "muted" }, event.type ? label(event.type.code) : "Untyped"), " — ", event.sentence)));
    body.replaceChildren(facts, events.length ? filter : "", list,
      moreEvents ? element("p", { class: "muted" }, "The first 1,000 events are listed.") : "");
  }

  return { open };
}
