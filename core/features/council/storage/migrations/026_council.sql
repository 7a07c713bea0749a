-- 议事会 depth (docs/council.md): calls for topics with the topics raised
-- in answer, and the committee's marks on suggestions (采纳). A call is
-- never deleted; a topic answers one call at most; a suggestion has one
-- standing mark (every mark made is in the audit log).
CREATE TABLE topic_calls (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  title        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  theme        TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  deadline     INTEGER NOT NULL,
  closed_at    INTEGER NOT NULL DEFAULT 0,
  created_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX topic_calls_by_community ON topic_calls(community_id, id);

CREATE TABLE topic_call_topics (
  call_id     INTEGER NOT NULL REFERENCES topic_calls(id),
  proposal_id INTEGER NOT NULL UNIQUE REFERENCES proposals(id),
  linked_at   INTEGER NOT NULL
);
CREATE INDEX topic_call_topics_by_call ON topic_call_topics(call_id, linked_at);

CREATE TABLE adoption_marks (
  comment_id   INTEGER PRIMARY KEY REFERENCES comments(id),
  proposal_id  INTEGER NOT NULL REFERENCES proposals(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  author_id    INTEGER NOT NULL REFERENCES users(id),
  decision     TEXT NOT NULL CHECK (decision IN ('adopted', 'partly_adopted', 'not_adopted')),
  reason       TEXT NOT NULL CHECK (length(reason) > 0),
  decided_by   INTEGER NOT NULL REFERENCES users(id),
  decided_at   INTEGER NOT NULL
);
CREATE INDEX adoption_marks_by_proposal ON adoption_marks(proposal_id);
CREATE INDEX adoption_marks_by_community ON adoption_marks(community_id, decided_at);

-- 居民代表: a term from started_at until ended_at (0 while serving); ended
-- terms are kept with their reason.
CREATE TABLE representatives (
  id            INTEGER PRIMARY KEY,
  community_id  INTEGER NOT NULL REFERENCES communities(id),
  user_id       INTEGER NOT NULL REFERENCES users(id),
  started_at    INTEGER NOT NULL,
  designated_by INTEGER NOT NULL REFERENCES users(id),
  ended_at      INTEGER NOT NULL DEFAULT 0,
  end_reason    TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX representatives_serving ON representatives(community_id, user_id) WHERE ended_at = 0;

-- Who is invited to a meeting (consultation's meetings), their answer and
-- whether they came (-1 until the committee records attendance).
CREATE TABLE meeting_invitations (
  meeting_id     INTEGER NOT NULL REFERENCES meetings(id),
  user_id        INTEGER NOT NULL REFERENCES users(id),
  community_id   INTEGER NOT NULL REFERENCES communities(id),
  representative INTEGER NOT NULL CHECK (representative IN (0, 1)),
  answer         TEXT NOT NULL DEFAULT 'pending' CHECK (answer IN ('pending', 'attend', 'decline')),
  invited_at     INTEGER NOT NULL,
  answered_at    INTEGER NOT NULL DEFAULT 0,
  attended       INTEGER NOT NULL DEFAULT -1 CHECK (attended IN (-1, 0, 1)),
  PRIMARY KEY (meeting_id, user_id)
);
