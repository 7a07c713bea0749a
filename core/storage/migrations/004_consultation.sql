-- 开展协商: comments (threaded, moderated, never deleted), reports, supports, meetings.
CREATE TABLE comments (
  id            INTEGER PRIMARY KEY,
  proposal_id   INTEGER NOT NULL REFERENCES proposals(id),
  community_id  INTEGER NOT NULL REFERENCES communities(id),
  parent_id     INTEGER REFERENCES comments(id),
  depth         INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),
  author_id     INTEGER NOT NULL REFERENCES users(id),
  stance        TEXT NOT NULL CHECK (stance IN ('for', 'neutral', 'against')),
  body          TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  edited_at     INTEGER NOT NULL DEFAULT 0,
  withdrawn     INTEGER NOT NULL DEFAULT 0,
  hidden        INTEGER NOT NULL DEFAULT 0,
  hidden_reason TEXT NOT NULL DEFAULT '',
  reports       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_by_proposal ON comments(proposal_id, id);

CREATE TABLE comment_reports (
  comment_id  INTEGER NOT NULL REFERENCES comments(id),
  reporter_id INTEGER NOT NULL REFERENCES users(id),
  reason      TEXT NOT NULL,
  reported_at INTEGER NOT NULL,
  PRIMARY KEY (comment_id, reporter_id)
);

CREATE TABLE supports (
  proposal_id INTEGER NOT NULL REFERENCES proposals(id),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  given_at    INTEGER NOT NULL,
  PRIMARY KEY (proposal_id, user_id)
);

CREATE TABLE meetings (
  id           INTEGER PRIMARY KEY,
  proposal_id  INTEGER NOT NULL REFERENCES proposals(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  mode         TEXT NOT NULL CHECK (mode IN ('online', 'offline', 'hybrid')),
  starts_at    INTEGER NOT NULL,
  place        TEXT NOT NULL,
  minutes      TEXT NOT NULL DEFAULT '',
  attendance   INTEGER NOT NULL DEFAULT -1,
  recorded_at  INTEGER NOT NULL DEFAULT 0,
  created_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX meetings_by_proposal ON meetings(proposal_id, id);

CREATE INDEX audit_log_by_community ON audit_log(community_id, action, id);
