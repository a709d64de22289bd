// The view's state lives in the address: every filter, the range and the colour scheme. Reading and writing it
// here keeps links, back/forward and the forms in step.
const single = ["from", "to", "actor", "location", "country", "precision", "article", "coded", "colour"];

/** The state in an address's query: { from, to, actor, …, types: [] }. Unknown parameters are ignored. */
export function read(search) {
  const params = new URLSearchParams(search);
  const state = { types: params.getAll("type").filter(Boolean) };
  for (const name of single) {
    const value = params.get(name)?.trim();
    if (value) state[name] = value;
  }
  if (params.get("code")) state.code = params.get("code");
  return state;
}

/** The address query of a state, in a stable order. */
export function toSearch(state) {
  const params = new URLSearchParams();
  for (const name of ["from", "to"]) if (state[name]) params.set(name, state[name]);
  for (const type of state.types ?? []) params.append("type", type);
  for (const name of single.slice(2)) if (state[name]) params.set(name, state[name]);
  if (state.code) params.set("code", state.code);
  return `?${params}`;
}

/** The API query of a state: range and filters only (the function key is added by the API module). */
export function apiParams(state, extra = {}) {
  const params = new URLSearchParams();
  params.set("from", state.from);
  params.set("to", state.to);
  for (const type of state.types ?? []) params.append("type", type);
  for (const name of ["actor", "location", "country", "precision", "article", "coded"]) {
    if (state[name]) params.set(name, state[name]);
  }
  for (const [name, value] of Object.entries(extra)) if (value !== undefined && value !== null) params.set(name, value);
  return params;
}

/** The state with one filter added (types accumulate; the others replace). */
export function withFilter(state, name, value) {
  if (name === "type") {
    return { ...state, types: state.types.includes(value) ? state.types : [...state.types, value] };
  }
  return { ...state, [name]: value };
}

export function without(state, name, value) {
  if (name === "type") return { ...state, types: state.types.filter(type => type !== value) };
  const next = { ...state };
  delete next[name];
  return next;
}
