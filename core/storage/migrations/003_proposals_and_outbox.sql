-- Topics (议题) through the 议事 chain, and the outbox of domain events.
CREATE TABLE proposals (
  id                   INTEGER PRIMARY KEY,
  community_id         INTEGER NOT NULL REFERENCES communities(id),
  author_id            INTEGER NOT NULL REFERENCES users(id),
  kind                 TEXT NOT NULL CHECK (kind IN ('problem', 'wish', 'rule')),
  title                TEXT NOT NULL,
  body                 TEXT NOT NULL,
  state                TEXT NOT NULL,
  merged_into          INTEGER REFERENCES proposals(id),
  election_id          INTEGER NOT NULL DEFAULT 0,
  consultation_ends_at INTEGER NOT NULL DEFAULT 0,
  last_reason          TEXT NOT NULL DEFAULT '',
  created_at           INTEGER NOT NULL,
  submitted_at         INTEGER NOT NULL DEFAULT 0,
  updated_at           INTEGER NOT NULL
);
CREATE INDEX proposals_by_community ON proposals(community_id, id);
CREATE INDEX proposals_by_state ON proposals(community_id, state, id);
CREATE INDEX proposals_by_merge ON proposals(merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE outbox (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  type         TEXT NOT NULL,
  occurred_at  INTEGER NOT NULL,
  actor_id     INTEGER REFERENCES users(id),
  community_id INTEGER REFERENCES communities(id),
  subject_kind TEXT NOT NULL,
  subject_id   INTEGER NOT NULL,
  subject_owner INTEGER REFERENCES users(id)
);
