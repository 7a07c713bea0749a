-- The yearly 民心项目 round of a community (docs/wish-rounds.md): its
-- phases and, per wish raised in answer to it, the committee's cost with its
-- public note and the project formed once the vote selected it.
CREATE TABLE wish_rounds (
  id            INTEGER PRIMARY KEY,
  community_id  INTEGER NOT NULL REFERENCES communities(id),
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
  decided_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX wish_rounds_by_community ON wish_rounds(community_id, id);

CREATE TABLE wish_round_wishes (
  round_id    INTEGER NOT NULL REFERENCES wish_rounds(id),
  proposal_id INTEGER NOT NULL UNIQUE REFERENCES proposals(id),
  raised_at   INTEGER NOT NULL,
  cost_fen    INTEGER CHECK (cost_fen IS NULL OR cost_fen > 0),
  cost_note   TEXT NOT NULL DEFAULT '',
  project_id  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (round_id, proposal_id)
);
