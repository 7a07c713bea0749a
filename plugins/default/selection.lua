-- 民心项目 selection rules of the default plugin (docs/plugins.md, hook
-- "select"). input.settings.rule picks one:
--   greedy            by votes within the budget: skip what does not fit, go on
--   greedy-threshold  the same over projects with votes >= settings.threshold
--   greedy-quota      first up to settings.quota_per_community (default 1)
--                     projects per community, then greedy over the rest
--   mes-add1          Method of Equal Shares (approval ballots, cost
--                     utilities) with the Add1 completion, in exact fractions,
--                     by the host's yishi.equal_shares_add1
--   mes-add1-reference  the same, MES and Add1 written below in Lua (slow:
--                     one MES run per unit of per-voter budget; the
--                     reference the host function is tested against)
--
-- Ties. Greedy rules order by votes, highest first, then by the order of
-- input.projects. MES picks the project with the highest effective vote
-- count cost/rho (rho: what each supporter who can afford it pays), i.e. the
-- smallest payment per unit of utility under cost utilities; among equal
-- ones the lower cost, then more votes, then input order. One order holds
-- for a whole Add1 search.

local F = yishi.fraction

local function fail(message) error(message, 2) end
-- The caller's mistake (a rule or a setting it asked for), not the plugin's:
-- the host answers "plugin.input".
local function refuse(message) yishi.refuse(message) end

-- The projects with their input position, checked.
local function read_projects(input)
  local projects, by_id = {}, {}
  for position, p in ipairs(input.projects or {}) do
    if type(p.id) ~= "string" then fail("project " .. position .. " has no string id") end
    if math.type(p.cost) ~= "integer" or p.cost < 0 then fail("project " .. p.id .. " has no integer cost >= 0") end
    if by_id[p.id] then fail("project id " .. p.id .. " appears twice") end
    local votes = p.votes or 0
    if math.type(votes) ~= "integer" then fail("project " .. p.id .. " has votes that are not an integer") end
    local project = { id = p.id, cost = p.cost, votes = votes, community = p.community, position = position }
    projects[#projects + 1] = project
    by_id[p.id] = project
  end
  if math.type(input.budget) ~= "integer" or input.budget < 0 then fail("budget must be an integer >= 0") end
  return projects, by_id
end

local function by_votes(projects)
  local order = {}
  for i, p in ipairs(projects) do order[i] = p end
  table.sort(order, function(a, b)
    if a.votes ~= b.votes then return a.votes > b.votes end
    return a.position < b.position
  end)
  return order
end

local function ids_of(list)
  local ids = {}
  for i, p in ipairs(list) do ids[i] = p.id end
  return ids
end

local function greedy_over(order, budget, taken, chosen)
  local remaining = budget
  for _, p in ipairs(chosen) do remaining = remaining - p.cost end
  for _, p in ipairs(order) do
    if not taken[p.id] and p.cost <= remaining then
      taken[p.id] = true
      chosen[#chosen + 1] = p
      remaining = remaining - p.cost
    end
  end
  return chosen, remaining
end

local function greedy(input, threshold)
  local projects = read_projects(input)
  local order = {}
  for _, p in ipairs(by_votes(projects)) do
    if p.votes >= threshold then order[#order + 1] = p end
  end
  local chosen, remaining = greedy_over(order, input.budget, {}, {})
  return chosen, remaining
end

local function greedy_quota(input)
  local projects = read_projects(input)
  local quota = (input.settings or {}).quota_per_community or 1
  if math.type(quota) ~= "integer" or quota < 0 then refuse("quota_per_community must be an integer >= 0") end
  local order = by_votes(projects)
  local per_community, taken, chosen, remaining = {}, {}, {}, input.budget
  for _, p in ipairs(order) do
    if p.community == nil then refuse("project " .. p.id .. " has no community; greedy-quota needs one") end
    local c = tostring(p.community)
    local had = per_community[c] or 0
    if had < quota and p.cost <= remaining then
      per_community[c] = had + 1
      taken[p.id] = true
      chosen[#chosen + 1] = p
      remaining = remaining - p.cost
    end
  end
  return greedy_over(order, input.budget, taken, chosen)
end

---------------------------------------------------------------------------
-- Method of Equal Shares.
--
-- Voters with the same remaining budget form a class; a project keeps how
-- many of its supporters sit in each class. Finding a project's payment per
-- supporter then walks classes, not voters, which is what keeps exact
-- fractions affordable with tens of thousands of voters.

local function prepare_ballots(input, projects, by_id)
  local ballots = {}
  local supporters = {}
  for i = 1, #projects do supporters[i] = {} end
  for v, ballot in ipairs(input.ballots or {}) do
    local indices, seen = {}, {}
    for _, id in ipairs(ballot) do
      local p = by_id[id]
      if not p then fail("ballot " .. v .. " approves an unknown project " .. tostring(id)) end
      if not seen[p.position] then
        seen[p.position] = true
        indices[#indices + 1] = p.position
        local s = supporters[p.position]
        s[#s + 1] = v
      end
    end
    ballots[v] = indices
  end
  return ballots, supporters
end

-- Is a preferable to b when both need the same payment?
local function mes_tie_before(a, b)
  if a.cost ~= b.cost then return a.cost < b.cost end
  if a.votes ~= b.votes then return a.votes > b.votes end
  return a.position < b.position
end

-- MES with every voter starting at `share` (a fraction); returns the chosen
-- projects in the order chosen and their total cost. Class 0 holds the
-- voters with nothing left; it is never counted, since they pay nothing.
local function equal_shares(projects, ballots, supporters, share)
  local zero = F(0)
  local class_budget = { share }            -- class id -> budget (> 0)
  local class_of_budget = { [tostring(share)] = 1 }
  local voter_class = {}                    -- voter -> class id (0: broke)
  for v = 1, #ballots do voter_class[v] = 1 end
  local counts, class_lists = {}, {}        -- per project: class -> count, classes seen
  local candidates = {}
  for i, p in ipairs(projects) do
    local n = #supporters[i]
    counts[i] = { [1] = n }
    class_lists[i] = { 1 }
    -- key: rho / cost, the price per unit of utility; it never falls
    -- from one round to the next, so an old key is a lower bound.
    if n > 0 and p.cost > 0 then
      candidates[#candidates + 1] = { project = p, key = F(1, n) }
    elseif n > 0 then
      candidates[#candidates + 1] = { project = p, key = zero }
    end
  end

  -- The payment rho per supporter that buys project i: the solution of
  -- sum over supporters of min(budget, rho) = cost. Or nil if they cannot
  -- afford it. Classes poorer than the current rho pay all they have;
  -- dropping them can only raise rho, so a few linear passes settle it
  -- (cheaper than sorting the classes).
  local function payment(i, cost)
    local count, live = counts[i], {}
    local k = 0
    for _, c in ipairs(class_lists[i]) do
      local n = count[c]
      if n > 0 then
        live[#live + 1] = c
        k = k + n
      else
        count[c] = nil
      end
    end
    class_lists[i] = live
    if cost == 0 then return zero end
    local remaining, active = F(cost), live
    while k > 0 do
      local rho = remaining / k
      local richer, poorer = {}, false
      for _, c in ipairs(active) do
        local b = class_budget[c]
        if b < rho then
          local n = count[c]
          remaining = remaining - b * n
          k = k - n
          poorer = true
        else
          richer[#richer + 1] = c
        end
      end
      if not poorer then return rho end
      active = richer
    end
    return nil
  end

  local chosen, spent = {}, 0
  while #candidates > 0 do
    table.sort(candidates, function(a, b)
      if a.key ~= b.key then return a.key < b.key end
      return mes_tie_before(a.project, b.project)
    end)
    local best, best_key, best_rho = nil, nil, nil
    local keep = {}
    for idx, cand in ipairs(candidates) do
      if best_key and cand.key > best_key then
        for j = idx, #candidates do keep[#keep + 1] = candidates[j] end
        break
      end
      local cost = cand.project.cost
      local rho = payment(cand.project.position, cost)
      if rho then
        cand.key = cost > 0 and rho / cost or zero
        keep[#keep + 1] = cand
        if not best_key or cand.key < best_key or
            (cand.key == best_key and mes_tie_before(cand.project, best.project)) then
          best, best_key, best_rho = cand, cand.key, rho
        end
      end
    end
    if not best then break end
    candidates = {}
    for _, cand in ipairs(keep) do
      if cand ~= best then candidates[#candidates + 1] = cand end
    end
    local p = best.project
    chosen[#chosen + 1] = p
    spent = spent + p.cost
    -- Every supporter pays min(budget, rho); voters with equal budgets
    -- afterwards share a class.
    local moved_to = {}
    for _, v in ipairs(supporters[p.position]) do
      local c = voter_class[v]
      if c ~= 0 then
        local target = moved_to[c]
        if not target then
          local b = class_budget[c]
          if b > best_rho then
            local left = b - best_rho
            local name = tostring(left)
            target = class_of_budget[name]
            if not target then
              class_budget[#class_budget + 1] = left
              target = #class_budget
              class_of_budget[name] = target
            end
          else
            target = 0
          end
          moved_to[c] = target
        end
        voter_class[v] = target
        for _, q in ipairs(ballots[v]) do
          local count = counts[q]
          count[c] = count[c] - 1
          if target ~= 0 then
            local had = count[target]
            if not had then
              local list = class_lists[q]
              list[#list + 1] = target
              had = 0
            end
            count[target] = had + 1
          end
        end
      end
    end
  end
  return chosen, spent
end

-- The Add1 completion around one MES run per per-voter budget e (an
-- integer): start at floor(budget / voters), go on while the outcome fits.
local function add1(input, projects, ballots, supporters, run_mes)
  local n, budget = #ballots, input.budget
  if n == 0 then return {}, budget, "no ballots" end
  local supported = 0
  for i = 1, #projects do
    if #supporters[i] > 0 then supported = supported + 1 end
  end
  local e = budget // n
  local chosen, spent = run_mes(e)
  local steps = 0
  while #chosen < supported do
    local next_chosen, next_spent = run_mes(e + 1)
    if next_spent > budget then break end
    e, chosen, spent, steps = e + 1, next_chosen, next_spent, steps + 1
  end
  return chosen, budget - spent,
    string.format("per-voter budget %d after %d Add1 steps from %d", e, steps, budget // n)
end

-- Ballots as lists of project positions, for the host (which drops a
-- project named twice on a ballot itself).
local function ballot_positions(input, by_id)
  local ballots = {}
  for v, ballot in ipairs(input.ballots or {}) do
    local positions = {}
    for i, id in ipairs(ballot) do
      local p = by_id[id]
      if not p then fail("ballot " .. v .. " approves an unknown project " .. tostring(id)) end
      positions[i] = p.position
    end
    ballots[v] = positions
  end
  return ballots
end

-- MES+Add1 done by the host (yishi.equal_shares_add1, exact): the same
-- outcome and final per-voter budget as add1 above, but it runs MES only at
-- the budgets where the outcome may change instead of at every unit.
local function mes_add1(input)
  local projects, by_id = read_projects(input)
  local ballots = ballot_positions(input, by_id)
  local n, budget = #ballots, input.budget
  if n == 0 then return {}, budget, "no ballots" end
  local costs, order = {}, {}
  for i, p in ipairs(projects) do
    costs[i] = p.cost
    order[i] = p
  end
  table.sort(order, mes_tie_before)
  for i, p in ipairs(order) do order[i] = p.position end
  local positions, e = yishi.equal_shares_add1({ costs = costs, ballots = ballots, order = order }, budget)
  local chosen, spent = {}, 0
  for i, position in ipairs(positions) do
    chosen[i] = projects[position]
    spent = spent + projects[position].cost
  end
  return chosen, budget - spent,
    string.format("per-voter budget %d after %d Add1 steps from %d", e, e - budget // n, budget // n)
end

-- The same rule with MES written in Lua over yishi.fraction: the readable
-- reference the host's equal_shares is tested against. Slow on large
-- elections.
local function mes_add1_reference(input)
  local projects, by_id = read_projects(input)
  local ballots, supporters = prepare_ballots(input, projects, by_id)
  return add1(input, projects, ballots, supporters, function(e)
    return equal_shares(projects, ballots, supporters, F(e))
  end)
end

local rules = {
  ["greedy"] = function(input) return greedy(input, math.mininteger) end,
  ["greedy-threshold"] = function(input)
    local threshold = (input.settings or {}).threshold
    if math.type(threshold) ~= "integer" then refuse("greedy-threshold needs settings.threshold, an integer") end
    return greedy(input, threshold)
  end,
  ["greedy-quota"] = greedy_quota,
  ["mes-add1"] = mes_add1,
  ["mes-add1-reference"] = mes_add1_reference,
}

local function select(input)
  local settings = input.settings or {}
  local rule = settings.rule or (yishi.settings.selection or {}).rule or "greedy"
  local run = rules[rule]
  if not run then
    local known = {}
    for name in yishi.sorted_pairs(rules) do known[#known + 1] = name end
    refuse("unknown selection rule '" .. tostring(rule) .. "'; this plugin knows " .. table.concat(known, ", "))
  end
  local chosen, remaining, detail = run(input)
  local notes = string.format("%s: %d selected, %d of %d left", rule, #chosen, remaining, input.budget)
  if detail then notes = notes .. "; " .. detail end
  return { selected = ids_of(chosen), rule = rule, notes = notes }
end

return { select = select }
