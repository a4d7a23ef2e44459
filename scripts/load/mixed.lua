-- The mixed case for scripts/load.sh: mostly cached images (the dashboards' and e-mails' steady state),
-- one request in ten a window never asked before (an uncached render), a few layout reports.
local counter = 0
request = function()
  counter = counter + 1
  if counter % 10 == 0 then
    -- a new window each time: the cache has never seen it
    return wrk.format("GET", string.format("/v1/charts/dense.png?from=2024-01-%02dT%02d:00:00Z", 1 + math.floor(counter / 240) % 28, math.floor(counter / 10) % 24))
  elseif counter % 10 == 5 then
    return wrk.format("GET", "/v1/charts/dense/layout")
  elseif counter % 2 == 0 then
    return wrk.format("GET", "/v1/charts/dense.png")
  else
    return wrk.format("GET", "/v1/charts/dense.svg?theme=dark")
  end
end
