-- The steady state for scripts/load.sh's RSS check: images and layouts already in the cache, in turn.
local paths = {"/v1/charts/dense.png", "/v1/charts/dense.svg?theme=dark", "/v1/charts/dense/layout", "/v1/charts"}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[counter % #paths + 1])
end
