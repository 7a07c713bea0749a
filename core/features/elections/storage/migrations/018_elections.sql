-- Verifiable elections (docs/election-record.md): the election, its board's
-- entries (D[0] is the manifest) and signed heads, the residents' credential
-- keys, and the secrets the server keeps (the board key's seed; in demo mode
-- the state of every trustee it plays). Entries are append-only.

CREATE TABLE elections (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  scope        TEXT NOT NULL,
  subject      TEXT NOT NULL DEFAULT '',
  kind         TEXT NOT NULL CHECK (kind IN ('referendum', 'approval')),
  title        TEXT NOT NULL,
  min_choices  INTEGER NOT NULL,
  max_choices  INTEGER NOT NULL,
  budget       INTEGER NOT NULL DEFAULT 0,
  rule         TEXT NOT NULL DEFAULT '',
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
  created_at   INTEGER NOT NULL
);
CREATE INDEX elections_by_community ON elections(community_id, id);
CREATE INDEX elections_by_deadline ON elections(phase, closes_at);

CREATE TABLE election_options (
  election_id INTEGER NOT NULL REFERENCES elections(id),
  idx         INTEGER NOT NULL,
  label       TEXT NOT NULL,
  cost        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (election_id, idx)
);

CREATE TABLE election_entries (
  election_id INTEGER NOT NULL REFERENCES elections(id),
  idx         INTEGER NOT NULL,
  bytes       BLOB NOT NULL,
  PRIMARY KEY (election_id, idx)
);
CREATE TRIGGER election_entries_no_update BEFORE UPDATE ON election_entries
BEGIN SELECT RAISE(ABORT, 'election entries are append-only'); END;
CREATE TRIGGER election_entries_no_delete BEFORE DELETE ON election_entries
BEGIN SELECT RAISE(ABORT, 'election entries are append-only'); END;

CREATE TABLE election_heads (
  election_id INTEGER NOT NULL REFERENCES elections(id),
  size        INTEGER NOT NULL,
  bytes       BLOB NOT NULL,
  PRIMARY KEY (election_id, size)
);

CREATE TABLE election_credentials (
  election_id INTEGER NOT NULL REFERENCES elections(id),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  cred_pk     BLOB NOT NULL,
  active      INTEGER NOT NULL,
  enrolled_at INTEGER NOT NULL,
  UNIQUE (election_id, cred_pk)
);
CREATE UNIQUE INDEX election_credentials_one_active ON election_credentials(election_id, user_id) WHERE active = 1;

CREATE TABLE election_secrets (
  election_id INTEGER PRIMARY KEY REFERENCES elections(id),
  board_seed  BLOB NOT NULL
);
CREATE TABLE election_trustee_states (
  election_id INTEGER NOT NULL REFERENCES elections(id),
  trustee     INTEGER NOT NULL,
  state       BLOB NOT NULL,
  PRIMARY KEY (election_id, trustee)
);
