// Calls to the Ingestion API: the Functions host's key passed on, answers read as JSON, problems turned into errors
// the page can show.
const base = "/api";
const key = new URLSearchParams(location.search).get("code");

/** The address of an API route with its query (and the function key when the page was opened with one). */
export function apiUrl(path, params = new URLSearchParams()) {
  const query = new URLSearchParams(params);
  if (key) query.set("code", key);
  const text = query.toString();
  return `${base}/${path}${text ? `?${text}` : ""}`;
}

/** An answer that is not a success: the API's problem details (RFC 9457), or what the response said. */
export class ApiError extends Error {
  constructor(status, problem) {
    const details = problem?.errors
      ? Object.entries(problem.errors).map(([name, messages]) => `${name}: ${messages.join(" ")}`)
      : [problem?.detail].filter(Boolean);
    super([problem?.title ?? `The API answered ${status}`, ...details].join("\n"));
    this.status = status;
    this.problem = problem;
  }
}

export async function getJson(path, params, signal) {
  let response;
  try {
    response = await fetch(apiUrl(path, params), { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new Error(`The API could not be reached (${error.message}).`);
  }
  const type = response.headers.get("content-type") ?? "";
  const body = type.includes("json") ? await response.json() : null;
  signal?.throwIfAborted();
  if (!response.ok) throw new ApiError(response.status, body ?? { title: `${response.status} ${response.statusText}` });
  return body;
}

export const aborted = error => error?.name === "AbortError";
