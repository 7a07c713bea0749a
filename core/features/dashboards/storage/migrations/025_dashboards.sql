-- The 驾驶舱 (docs/dashboards.md): each community's figures, kept so that a
-- district's dashboard is read, not computed, per request. Every row is what
-- figuresFromRecords computed from the records at computed_at; the refresh
-- replaces it whole. Nothing here is typed in by anyone.
CREATE TABLE dashboard_figures (
  community_id     INTEGER PRIMARY KEY REFERENCES communities(id),
  street_id        INTEGER NOT NULL REFERENCES streets(id),
  district_id      INTEGER NOT NULL REFERENCES districts(id),
  computed_at      INTEGER NOT NULL,  -- microseconds
  overdue          INTEGER NOT NULL CHECK (overdue >= 0),
  cases            INTEGER NOT NULL CHECK (cases >= 0),
  cases_closed     INTEGER NOT NULL CHECK (cases_closed BETWEEN 0 AND cases),
  seconds_to_close TEXT NOT NULL,     -- one per closed case, shortest first, comma-separated
  ratings          INTEGER NOT NULL CHECK (ratings >= 0),
  satisfied        INTEGER NOT NULL CHECK (satisfied BETWEEN 0 AND ratings),
  members          INTEGER NOT NULL CHECK (members >= 0),
  active_people    INTEGER NOT NULL CHECK (active_people >= 0),
  points_given     INTEGER NOT NULL,
  points_redeemed  INTEGER NOT NULL,
  valid_until      INTEGER NOT NULL   -- microseconds: when time alone changes a figure (a deadline, the window)
);
CREATE INDEX dashboard_figures_by_street ON dashboard_figures(street_id);
CREATE INDEX dashboard_figures_by_district ON dashboard_figures(district_id);
CREATE INDEX dashboard_figures_by_age ON dashboard_figures(computed_at);
CREATE INDEX dashboard_figures_by_validity ON dashboard_figures(valid_until);

-- Public topics of the community by kind and state (only counts above 0).
CREATE TABLE dashboard_topics (
  community_id INTEGER NOT NULL REFERENCES dashboard_figures(community_id),
  kind         TEXT NOT NULL,
  state        TEXT NOT NULL,
  count        INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (community_id, kind, state)
);

-- Every audit row and points ledger row up to these ids is in the figures;
-- moved in the transaction that writes the figures it led to.
CREATE TABLE dashboard_cursor (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  audit_through  INTEGER NOT NULL,
  ledger_through INTEGER NOT NULL
);
INSERT INTO dashboard_cursor (id, audit_through, ledger_through) VALUES (1, 0, 0);

-- For the figures' reads: the points of a community's events, the points
-- spent on its rewards. (Its participation is found by audit_log_by_community,
-- of migration 004.)
CREATE INDEX outbox_by_community ON outbox(community_id) WHERE community_id IS NOT NULL;
CREATE INDEX points_ledger_by_redemption ON points_ledger(redemption_id) WHERE redemption_id IS NOT NULL;
