-- Polls (问卷) and service ratings (docs/polls.md). Answers and ratings are
-- never changed or removed: one per resident, kept with who gave it so that
-- it stays one.
CREATE TABLE polls (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  title        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  closes_at    INTEGER NOT NULL,
  created_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX polls_by_community ON polls(community_id, id);

CREATE TABLE poll_questions (
  id       INTEGER PRIMARY KEY,
  poll_id  INTEGER NOT NULL REFERENCES polls(id),
  position INTEGER NOT NULL,
  text     TEXT NOT NULL,
  multiple INTEGER NOT NULL CHECK (multiple IN (0, 1)),
  UNIQUE (poll_id, position)
);

CREATE TABLE poll_options (
  id          INTEGER PRIMARY KEY,
  question_id INTEGER NOT NULL REFERENCES poll_questions(id),
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  UNIQUE (question_id, position)
);

CREATE TABLE poll_answers (
  poll_id     INTEGER NOT NULL REFERENCES polls(id),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (poll_id, user_id)
);

CREATE TABLE poll_choices (
  poll_id   INTEGER NOT NULL,
  user_id   INTEGER NOT NULL,
  option_id INTEGER NOT NULL REFERENCES poll_options(id),
  PRIMARY KEY (poll_id, user_id, option_id),
  FOREIGN KEY (poll_id, user_id) REFERENCES poll_answers(poll_id, user_id)
);

CREATE TABLE rated_services (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  kind         TEXT NOT NULL CHECK (kind IN ('property', 'owners_committee', 'other')),
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL
);
CREATE INDEX rated_services_by_community ON rated_services(community_id, id);

CREATE TABLE rating_periods (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  label        TEXT NOT NULL,
  opens_at     INTEGER NOT NULL,
  closes_at    INTEGER NOT NULL,
  created_at   INTEGER NOT NULL,
  CHECK (closes_at > opens_at)
);
CREATE INDEX rating_periods_by_community ON rating_periods(community_id, opens_at);

CREATE TABLE service_ratings (
  period_id  INTEGER NOT NULL REFERENCES rating_periods(id),
  service_id INTEGER NOT NULL REFERENCES rated_services(id),
  user_id    INTEGER NOT NULL REFERENCES users(id),
  stars      INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment    TEXT NOT NULL DEFAULT '',
  rated_at   INTEGER NOT NULL,
  PRIMARY KEY (period_id, service_id, user_id)
);

CREATE TRIGGER poll_answers_are_append_only_update BEFORE UPDATE ON poll_answers
BEGIN SELECT RAISE(ABORT, 'poll_answers is append-only'); END;
CREATE TRIGGER poll_answers_are_append_only_delete BEFORE DELETE ON poll_answers
BEGIN SELECT RAISE(ABORT, 'poll_answers is append-only'); END;
CREATE TRIGGER poll_choices_are_append_only_update BEFORE UPDATE ON poll_choices
BEGIN SELECT RAISE(ABORT, 'poll_choices is append-only'); END;
CREATE TRIGGER poll_choices_are_append_only_delete BEFORE DELETE ON poll_choices
BEGIN SELECT RAISE(ABORT, 'poll_choices is append-only'); END;
CREATE TRIGGER service_ratings_are_append_only_update BEFORE UPDATE ON service_ratings
BEGIN SELECT RAISE(ABORT, 'service_ratings is append-only'); END;
CREATE TRIGGER service_ratings_are_append_only_delete BEFORE DELETE ON service_ratings
BEGIN SELECT RAISE(ABORT, 'service_ratings is append-only'); END;
