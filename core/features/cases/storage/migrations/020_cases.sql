-- The closed loop on problems (docs/cases.md): one case per accepted
-- problem, and its record. The case row is the current state, what the
-- entries add up to; the entries are the record the figures are computed
-- from, and are never changed.
CREATE TABLE cases (
  id           INTEGER PRIMARY KEY,
  proposal_id  INTEGER NOT NULL UNIQUE REFERENCES proposals(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  raised_by    INTEGER NOT NULL REFERENCES users(id),
  state        TEXT NOT NULL CHECK (state IN ('open', 'in_progress', 'done', 'closed')),
  assignee     INTEGER REFERENCES users(id),
  opened_at    INTEGER NOT NULL,
  done_at      INTEGER NOT NULL DEFAULT 0,
  closed_at    INTEGER NOT NULL DEFAULT 0,
  reopened     INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0)
);
CREATE INDEX cases_by_community ON cases(community_id, state, id);

CREATE TABLE case_entries (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES cases(id),
  kind           TEXT NOT NULL CHECK (kind IN ('opened', 'assigned', 'reassigned', 'step', 'done', 'rated',
                                               'not_solved', 'follow_up')),
  at             INTEGER NOT NULL,
  by_user        INTEGER REFERENCES users(id),
  text           TEXT NOT NULL DEFAULT '',
  assignee       INTEGER REFERENCES users(id),
  handling_stars INTEGER CHECK (handling_stars BETWEEN 1 AND 5),
  result_stars   INTEGER CHECK (result_stars BETWEEN 1 AND 5),
  solved         INTEGER CHECK (solved IN (0, 1)),
  CHECK ((kind = 'rated') = (handling_stars IS NOT NULL AND result_stars IS NOT NULL AND solved IS NOT NULL)),
  CHECK ((kind IN ('assigned', 'reassigned')) = (assignee IS NOT NULL))
);
CREATE INDEX case_entries_by_case ON case_entries(case_id, id);

CREATE TRIGGER case_entries_are_append_only_update BEFORE UPDATE ON case_entries
BEGIN SELECT RAISE(ABORT, 'case_entries is append-only'); END;
CREATE TRIGGER case_entries_are_append_only_delete BEFORE DELETE ON case_entries
BEGIN SELECT RAISE(ABORT, 'case_entries is append-only'); END;
