-- Notifications (docs/notifications.md): each person's inbox, what they
-- follow, what they choose to receive, the district's outbound delivery and
-- its queue. The processor reads audit_log after its cursor and writes the
-- inbox items and the moved cursor in one transaction (exactly once).

CREATE TABLE notification_cursor (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  audit_id INTEGER NOT NULL
);
-- Changes made before the feature existed notify no one.
INSERT INTO notification_cursor (id, audit_id) SELECT 1, COALESCE(MAX(id), 0) FROM audit_log;

CREATE TABLE notifications (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  kind         TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id   INTEGER NOT NULL,
  community_id INTEGER REFERENCES communities(id),
  actor_id     INTEGER REFERENCES users(id),
  title        TEXT NOT NULL DEFAULT '',
  detail       TEXT NOT NULL DEFAULT '',
  urgent       INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  read_at      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notifications_by_user ON notifications(user_id, id);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at = 0;

CREATE TABLE notification_follows (
  user_id     INTEGER NOT NULL REFERENCES users(id),
  proposal_id INTEGER NOT NULL REFERENCES proposals(id),
  since       INTEGER NOT NULL,
  PRIMARY KEY (proposal_id, user_id)
);
CREATE INDEX notification_follows_by_user ON notification_follows(user_id, proposal_id);

-- What a person chooses: kinds they do not want, channels beyond the inbox,
-- their own quiet hours (minutes of the local day; -1: the district's).
CREATE TABLE notification_preferences (
  user_id      INTEGER PRIMARY KEY REFERENCES users(id),
  muted_kinds  TEXT NOT NULL DEFAULT '',
  webhook      INTEGER NOT NULL DEFAULT 0,
  email        TEXT NOT NULL DEFAULT '',
  quiet_start  INTEGER NOT NULL DEFAULT -1,
  quiet_end    INTEGER NOT NULL DEFAULT -1,
  updated_at   INTEGER NOT NULL
);

CREATE TABLE notification_district_delivery (
  district_id    INTEGER PRIMARY KEY REFERENCES districts(id),
  webhook_url    TEXT NOT NULL DEFAULT '',
  webhook_secret TEXT NOT NULL DEFAULT '',
  smtp_host      TEXT NOT NULL DEFAULT '',
  smtp_port      INTEGER NOT NULL DEFAULT 25,
  smtp_from      TEXT NOT NULL DEFAULT '',
  quiet_start    INTEGER NOT NULL DEFAULT 1320,  -- 22:00
  quiet_end      INTEGER NOT NULL DEFAULT 420,   -- 07:00
  updated_at     INTEGER NOT NULL,
  updated_by     INTEGER REFERENCES users(id)
);

CREATE TABLE notification_deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  notification_id INTEGER NOT NULL REFERENCES notifications(id),
  district_id     INTEGER NOT NULL REFERENCES districts(id),
  channel         TEXT NOT NULL CHECK (channel IN ('webhook', 'email')),
  target          TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,  -- seconds; quiet hours hold it until morning
  last_error      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notification_deliveries_due ON notification_deliveries(next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_deliveries_by_district ON notification_deliveries(district_id, id);

-- Reminders and passings already sent, once each: (what, which, phase).
CREATE TABLE notification_due_sent (
  what       TEXT NOT NULL,
  subject_id INTEGER NOT NULL,
  phase      TEXT NOT NULL,
  sent_at    INTEGER NOT NULL,
  PRIMARY KEY (what, subject_id, phase)
);

-- Votes that opened or closed before the feature existed are not announced.
INSERT INTO notification_due_sent (what, subject_id, phase, sent_at)
  SELECT 'election', id, 'opened', 0 FROM elections WHERE opens_at <= CAST(strftime('%s', 'now') AS INTEGER);
INSERT INTO notification_due_sent (what, subject_id, phase, sent_at)
  SELECT 'election', id, 'closed', 0 FROM elections WHERE closes_at <= CAST(strftime('%s', 'now') AS INTEGER);
