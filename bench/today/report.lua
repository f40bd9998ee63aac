-- wrk script: adds p95 and a one-line summary (requests/s, latency percentiles in ms, non-2xx/errors).
done = function(summary, latency, requests)
  local s = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("SUMMARY req=%d rps=%.1f p50=%.1f p90=%.1f p95=%.1f p99=%.1f max=%.1f non2xx=%d errors=%d\n",
    summary.requests, summary.requests / s,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
