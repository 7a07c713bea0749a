-- Suggestions made at a 议事会 meeting (docs/council.md), recorded by the
-- committee once the meeting began, each with its standing mark (采纳): the
-- decision is NULL until marked; every mark made is in the audit log. Who
-- made it: a verified resident (author_id) or a plain name (author_name),
-- or neither.
CREATE TABLE meeting_suggestions (
  id           INTEGER PRIMARY KEY,
  meeting_id   INTEGER NOT NULL REFERENCES meetings(id),
  proposal_id  INTEGER NOT NULL REFERENCES proposals(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  body         TEXT NOT NULL CHECK (length(body) > 0),
  author_id    INTEGER REFERENCES users(id),
  author_name  TEXT NOT NULL DEFAULT '',
  recorded_by  INTEGER NOT NULL REFERENCES users(id),
  recorded_at  INTEGER NOT NULL,
  decision     TEXT CHECK (decision IN ('adopted', 'partly_adopted', 'not_adopted')),
  reason       TEXT NOT NULL DEFAULT '',
  decided_by   INTEGER REFERENCES users(id),
  decided_at   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meeting_suggestions_by_meeting ON meeting_suggestions(meeting_id, id);
CREATE INDEX meeting_suggestions_decided ON meeting_suggestions(community_id, decided_at) WHERE decision IS NOT NULL;

-- The notifications processor finds the meetings about to begin (the
-- reminder to those who answered "attend"; docs/notifications.md), and an
-- item names when what it is about happens (a meeting's start; 0: nothing).
CREATE INDEX meetings_by_start ON meetings(starts_at);
ALTER TABLE notifications ADD COLUMN event_at INTEGER NOT NULL DEFAULT 0;
