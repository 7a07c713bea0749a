-- A resident may leave a community: the membership's status becomes 'left'
-- (what they contributed stays, under their name). The table is rebuilt for
-- the wider CHECK (SQLite cannot alter one).
CREATE TABLE memberships_new (
  community_id INTEGER NOT NULL REFERENCES communities(id),
  user_id      INTEGER NOT NULL REFERENCES users(id),
  status       TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected', 'left')),
  joined_at    INTEGER NOT NULL,
  decided_at   INTEGER NOT NULL DEFAULT 0,
  decided_by   INTEGER REFERENCES users(id),
  reason       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (community_id, user_id)
);
INSERT INTO memberships_new SELECT community_id, user_id, status, joined_at, decided_at, decided_by, reason
  FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX memberships_by_user ON memberships(user_id);
CREATE INDEX memberships_by_status ON memberships(community_id, status, user_id);
