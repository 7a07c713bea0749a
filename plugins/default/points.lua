-- Points (积分) of the default plugin (docs/plugins.md, hook "on_event").
-- One award per event to the person who did the thing (or, for an accepted
-- proposal, its author), with a daily cap per rule that the host enforces
-- by the event's local day. The first comment of someone's day earns a
-- bonus (yishi.points_today tells). yishi.settings.points.<event type> may
-- change the points or the cap of a rule.

local defaults = {
  ["proposal.submitted"]      = { rule = "proposal",       to = "actor", points = 5,  daily_cap = 10, reason = "提出议题" },
  ["proposal.accepted"]       = { rule = "proposal.accepted", to = "owner", points = 10, daily_cap = 30, reason = "议题被受理" },
  ["comment.posted"]          = { rule = "comment",        to = "actor", points = 1,  daily_cap = 5,  reason = "参与协商",
                                  first_of_day = 2 },
  ["support.given"]           = { rule = "support",        to = "actor", points = 1,  daily_cap = 5,  reason = "附议支持" },
  ["project.rated"]           = { rule = "rating",         to = "actor", points = 2,  daily_cap = 6,  reason = "评价项目" },
  ["convention.acknowledged"] = { rule = "convention",     to = "actor", points = 2,  daily_cap = 6,  reason = "知晓公约" },
  -- Volunteer service: points per started half hour.
  ["volunteer.logged"]        = { rule = "volunteer",      to = "owner", points = 3,  daily_cap = 24, reason = "志愿服务",
                                  per_minutes = 30 },
}

local overrides = (yishi.settings.points or {})

local function on_event(event)
  local base = defaults[event.type]
  if not base then return {} end
  local custom = overrides[event.type] or {}
  local points = custom.points or base.points
  local cap = custom.daily_cap or base.daily_cap
  local user = (base.to == "owner") and event.owner or event.actor
  if user == nil then return {} end
  if base.first_of_day and yishi.points_today(event, user, base.rule) == 0 then
    points = custom.first_of_day or base.first_of_day
  end
  if base.per_minutes then
    local minutes = event.quantity or 0
    points = points * ((minutes + base.per_minutes - 1) // base.per_minutes)
  end
  if points <= 0 then return {} end
  return { { user = user, points = points, rule = base.rule, reason = base.reason, daily_cap = cap } }
end

return { on_event = on_event }
