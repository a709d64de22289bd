-- wrk script for the query API: cycles through typical reads and prints machine-readable totals at the end.
local paths = {
  "/api/events?from=2022-02-05&to=2022-02-07",
  "/api/events?from=2022-01-01&to=2022-12-31&limit=50",
  "/api/articles/000_40f01add132810ba.txt",
  "/api/events/summary?from=2022-01-01&to=2022-12-31&groupBy=day",
}
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests=%d\n", summary.requests))
  io.write(string.format("socket_errors=%d\n", errors.connect + errors.read + errors.write + errors.timeout))
  io.write(string.format("non_2xx=%d\n", errors.status))
  io.write(string.format("seconds=%.2f\n", summary.duration / 1e6))
  io.write(string.format("requests_per_second=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50_ms=%.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms=%.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("max_ms=%.2f\n", latency.max / 1000))
end
