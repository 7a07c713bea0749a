-- An election belongs to a community, or to a street or the district for a
-- 民心项目 round that spans communities: scope_kind and scope_id say which,
-- district_id whose plugins select, and community_id is set for a
-- community's election only (the table is rebuilt: SQLite cannot drop a NOT
-- NULL). rule_param is kept beside the rule (the manifest has it too). An
-- option may be a wish proposal of the round (proposal_id) and belongs to
-- a group (the manifest's group_i). Existing elections are communities'.

CREATE TABLE elections_new (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  scope_kind   TEXT NOT NULL CHECK (scope_kind IN ('community', 'street', 'district')),
  scope_id     INTEGER NOT NULL,
  district_id  INTEGER NOT NULL REFERENCES districts(id),
  community_id INTEGER REFERENCES communities(id),
  scope        TEXT NOT NULL,
  subject      TEXT NOT NULL DEFAULT '',
  kind         TEXT NOT NULL CHECK (kind IN ('referendum', 'approval')),
  title        TEXT NOT NULL,
  min_choices  INTEGER NOT NULL,
  max_choices  INTEGER NOT NULL,
  budget       INTEGER NOT NULL DEFAULT 0,
  rule         TEXT NOT NULL DEFAULT '',
  rule_param   INTEGER NOT NULL DEFAULT 0,
  opens_at     INTEGER NOT NULL,  -- seconds
  closes_at    INTEGER NOT NULL,  -- seconds
  phase        TEXT NOT NULL CHECK (phase IN ('ceremony', 'open', 'closed', 'tallied', 'published')),
  demo         INTEGER NOT NULL,
  manifest     BLOB NOT NULL,
  eid          BLOB NOT NULL UNIQUE,
  board_pk     BLOB NOT NULL,
  counts       TEXT NOT NULL DEFAULT '',  -- once published: n_0,n_1,...
  selected     TEXT NOT NULL DEFAULT '',  -- once published: s_1,s_2,...
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  CHECK ((scope_kind = 'community') = (community_id IS NOT NULL)),
  CHECK (scope_kind <> 'community' OR scope_id = community_id)
);
INSERT INTO elections_new (id, scope_kind, scope_id, district_id, community_id, scope, subject, kind, title,
                           min_choices, max_choices, budget, rule, rule_param, opens_at, closes_at, phase, demo,
                           manifest, eid, board_pk, counts, selected, created_by, created_at)
  SELECT e.id, 'community', e.community_id, c.district_id, e.community_id, e.scope, e.subject, e.kind, e.title,
         e.min_choices, e.max_choices, e.budget, e.rule, 0, e.opens_at, e.closes_at, e.phase, e.demo,
         e.manifest, e.eid, e.board_pk, e.counts, e.selected, e.created_by, e.created_at
  FROM elections e JOIN communities c ON c.id = e.community_id;
DROP TABLE elections;
ALTER TABLE elections_new RENAME TO elections;
CREATE INDEX elections_by_scope ON elections(scope_kind, scope_id, id);
CREATE INDEX elections_by_deadline ON elections(phase, closes_at);

ALTER TABLE election_options ADD COLUMN grp TEXT NOT NULL DEFAULT '';
ALTER TABLE election_options ADD COLUMN proposal_id INTEGER REFERENCES proposals(id);
CREATE INDEX election_options_by_proposal ON election_options(proposal_id) WHERE proposal_id IS NOT NULL;
