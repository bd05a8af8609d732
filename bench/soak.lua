-- wrk script for bench/soak: 64 connections sending a mix of ordinary requests (searches, facets,
-- documents, stats, health) and hostile ones (malformed JSON, bad dates and percent-encoding, deep
-- nesting, huge bodies). Non-2xx answers are counted by status and error code and printed at the
-- end, one line each: "non2xx <status> <code> <count>".
local deep = '{"q":"a","x":' .. string.rep("[", 100000) .. string.rep("]", 100000) .. '}'
local huge = '{"q":"' .. string.rep("a", 2 * 1024 * 1024) .. '"}'
local json_headers = { ["Content-Type"] = "application/json" }

local requests = {
  { "GET", "/search?q=the+jury" },
  { "GET", "/search?q=election&snippet=200" },
  { "GET", "/search?q=%22United+States%22&facets=person,place,year" },
  { "GET", "/search?q=&facets=person,org,place,lang,year" },
  { "GET", "/search?q=budget&sort=-date&limit=20" },
  { "GET", "/search?q=moscow*" },
  { "POST", "/search", '{"q":"foreign policy","facets":["year"],"limit":5}' },
  { "GET", "/documents/ca01.txt" },
  { "GET", "/documents/no-such-document.txt" },
  { "GET", "/stats" },
  { "GET", "/health" },
  -- hostile
  { "POST", "/search", '{"q": "unterminated' },
  { "POST", "/search", '[1,2,' },
  { "GET", "/search?q=a&from=2020-02-31" },
  { "GET", "/search?q=a&from=2020-1-1" },
  { "GET", "/search?q=%zz" },
  { "GET", "/search?q=" .. string.rep("x", 20000) },
  { "POST", "/search", deep },
  { "POST", "/search", huge },
  { "GET", "/search?q=a&limit=-1&offset=99999999" },
  { "GET", "/../../etc/passwd" },
}

local counter = 0
counts = {}  -- global: done() reads it from every thread with thread:get
local prepared = {}
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

-- Requests are formatted once per thread: wrk.format on a 2 MiB body per request would load the
-- client more than the server.
init = function(args)
  for i, r in ipairs(requests) do
    if r[1] == "POST" then
      prepared[i] = wrk.format("POST", r[2], json_headers, r[3])
    else
      prepared[i] = wrk.format("GET", r[2])
    end
  end
  counter = math.random(#requests)
end

request = function()
  counter = counter % #requests + 1
  return prepared[counter]
end

response = function(status, headers, body)
  if status >= 200 and status < 300 then return end
  local code = body and string.match(body, '"code"%s*:%s*"([^"]*)"') or "-"
  local key = status .. " " .. (code or "-")
  counts[key] = (counts[key] or 0) + 1
end

done = function(summary, latency, requests_done)
  local total = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = (total[k] or 0) + v end
  end
  for k, v in pairs(total) do io.write(string.format("non2xx %s %d\n", k, v)) end
  io.write(string.format("errors connect %d read %d write %d timeout %d status %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status))
  io.write(string.format("requests %d in %.1f s\n", summary.requests, summary.duration / 1e6))
end
