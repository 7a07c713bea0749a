-- wrk script for scripts/bench.sh (section 2b, mixed load): 95% reads of
-- community proposal lists (first page of 50) spread over the communities
-- in BENCH_COMMUNITIES ("1,4,5,..."), as a signed-in resident
-- (BENCH_READER token); 5% writes: comments on a random proposal (ids
-- 1..BENCH_MAX_PROPOSAL) by BENCH_WRITER (a district admin takes part
-- everywhere), new proposals in community 1 by BENCH_PROPOSER (its
-- committee) and supports there by BENCH_SUPPORTER (a resident; the two
-- wrk threads may both support one proposal: one such write fails with 409).
-- With BENCH_STATIC set, reads only, of /mixed/<community>.json (nginx).
local communities = {}
for id in string.gmatch(os.getenv("BENCH_COMMUNITIES") or "1", "%d+") do communities[#communities + 1] = id end
local static = os.getenv("BENCH_STATIC") ~= nil
local reader = os.getenv("BENCH_READER") or ""
local writer = os.getenv("BENCH_WRITER") or ""
local supporter = os.getenv("BENCH_SUPPORTER") or ""
local proposer = os.getenv("BENCH_PROPOSER") or ""
local max_proposal = tonumber(os.getenv("BENCH_MAX_PROPOSAL") or "1000")
local community1_first = tonumber(os.getenv("BENCH_COMMUNITY1_FIRST") or "1")
local community1_last = tonumber(os.getenv("BENCH_COMMUNITY1_LAST") or "1000")
local n = 0
local supported = {}  -- this thread's supports: the next write on one withdraws it

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

local function bearer(token, body)
  local h = { ["Authorization"] = "Bearer " .. token }
  if body then h["Content-Type"] = "application/json" end
  return h
end

request = function()
  local c = communities[math.random(#communities)]
  if static then return wrk.format("GET", "/mixed/" .. c .. ".json") end
  n = n + 1
  if math.random(100) > 5 then
    return wrk.format("GET", "/api/v1/communities/" .. c .. "/proposals?limit=50", bearer(reader))
  end
  local kind = math.random(3)
  if kind == 1 then
    local body = '{"body":"混合负载意见 ' .. n .. '","stance":"for"}'
    return wrk.format("POST", "/api/v1/proposals/" .. math.random(max_proposal) .. "/comments", bearer(writer, true), body)
  elseif kind == 2 then
    local body = '{"kind":"wish","title":"混合负载议题 ' .. n .. '","submit":true}'
    return wrk.format("POST", "/api/v1/communities/1/proposals", bearer(proposer, true), body)
  end
  local p = math.random(community1_first, community1_last)
  if supported[p] then
    supported[p] = nil
    return wrk.format("DELETE", "/api/v1/proposals/" .. p .. "/supports/mine", bearer(supporter))
  end
  supported[p] = true
  return wrk.format("POST", "/api/v1/proposals/" .. p .. "/supports", bearer(supporter, true), "")
end
