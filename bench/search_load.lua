-- wrk script for bench/search_load: a mixed query set (single words, AND, phrases, filters,
-- facets, snippets), each request picking the next query in turn.
local queries = {
  "/search?q=election",
  "/search?q=hospital&snippet=200",
  "/search?q=tax+increase",
  "/search?q=foreign+policy&snippet=200",
  "/search?q=%22grand+jury%22",
  "/search?q=%22United+States%22&snippet=200",
  "/search?q=budget&lang=en",
  "/search?q=Kennedy&facets=person,place,year",
  "/search?q=police+investigation&facets=year&snippet=200",
  "/search?q=nuclear+weapons&from=2019-01-01",
  "/search?q=baseball&sort=-date",
  "/search?q=Moscow&snippet=200",
  "/search?q=school+segregation",
  "/search?q=inflation+-tax",
  "/search?q=Atlanta&facets=person:20",
  "/search?q=missile&snippet=100",
}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", queries[(counter % #queries) + 1])
end
