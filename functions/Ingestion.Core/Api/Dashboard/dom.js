// Small helpers to build elements: text always goes in as text, never as HTML.
export function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [attribute, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(attribute, value === true ? "" : value);
  }
  node.append(...children.filter(child => child !== undefined && child !== null));
  return node;
}

export function svg(name, attributes = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", name);
  for (const [attribute, value] of Object.entries(attributes)) node.setAttribute(attribute, value);
  node.append(...children);
  return node;
}

/** Shows an error inside a panel (never a blank panel), or clears it. */
export function showError(panel, error) {
  const box = panel.querySelector(":scope > .error");
  box.textContent = error ? error.message : "";
  box.hidden = !error;
}

/** A short status in a panel ("No events in this range."), or nothing. */
export function showStatus(panel, text) {
  const box = panel.querySelector(":scope > .status");
  if (box) box.textContent = text ?? "";
}
