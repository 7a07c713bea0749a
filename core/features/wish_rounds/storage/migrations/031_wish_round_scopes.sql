-- A 民心项目 round belongs to a community, or to a street or the district
-- for a round across their communities (docs/wish-rounds.md): scope_kind and
-- scope_id say which, district_id whose rule and plugins select, and
-- community_id is set for a community's round only (the table is rebuilt:
-- SQLite cannot drop a NOT NULL). Existing rounds are communities'.
CREATE TABLE wish_rounds_new (
  id            INTEGER PRIMARY KEY,
  scope_kind    TEXT NOT NULL CHECK (scope_kind IN ('community', 'street', 'district')),
  scope_id      INTEGER NOT NULL,
  district_id   INTEGER NOT NULL REFERENCES districts(id),
  community_id  INTEGER REFERENCES communities(id),
  year          INTEGER NOT NULL,
  title         TEXT NOT NULL,
  call          TEXT NOT NULL DEFAULT '',
  wishes_due_at INTEGER NOT NULL,
  phase         TEXT NOT NULL CHECK (phase IN ('collecting', 'costing', 'ready', 'voting', 'decided')),
  budget_fen    INTEGER NOT NULL DEFAULT 0 CHECK (budget_fen >= 0),
  rule          TEXT NOT NULL DEFAULT '',
  rule_param    INTEGER NOT NULL DEFAULT 0,
  max_choices   INTEGER NOT NULL DEFAULT 0,
  election_id   INTEGER NOT NULL DEFAULT 0,
  created_by    INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL,
  decided_at    INTEGER NOT NULL DEFAULT 0,
  CHECK ((scope_kind = 'community') = (community_id IS NOT NULL)),
  CHECK (scope_kind <> 'community' OR scope_id = community_id)
);
INSERT INTO wish_rounds_new (id, scope_kind, scope_id, district_id, community_id, year, title, call, wishes_due_at,
                             phase, budget_fen, rule, rule_param, max_choices, election_id, created_by, created_at,
                             decided_at)
  SELECT r.id, 'community', r.community_id, c.district_id, r.community_id, r.year, r.title, r.call, r.wishes_due_at,
         r.phase, r.budget_fen, r.rule, r.rule_param, r.max_choices, r.election_id, r.created_by, r.created_at,
         r.decided_at
  FROM wish_rounds r JOIN communities c ON c.id = r.community_id;
DROP TABLE wish_rounds;
ALTER TABLE wish_rounds_new RENAME TO wish_rounds;
CREATE INDEX wish_rounds_by_scope ON wish_rounds(scope_kind, scope_id, id);
