-- wrk script: POST one Anthropic Messages request over and over, to measure the simulator.
--   salvo-sim --port 0 --latency-ms 0 --latency-per-token-ms 0 --jitter 0
--   wrk -t1 -c50 -d10s -s tests/bench/wrk-post.lua http://127.0.0.1:PORT/v1/messages
wrk.method = "POST"
wrk.body = '{"model":"claude-sonnet-4-5","max_tokens":256,'
    .. '"messages":[{"role":"user","content":"Classify this ticket: the parcel arrived late."}]}'
wrk.headers["content-type"] = "application/json"
wrk.headers["x-api-key"] = "sk-sim-bench"
wrk.headers["anthropic-version"] = "2023-06-01"
