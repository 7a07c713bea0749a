-- Login sessions (only token hashes) and the append-only audit log (全流程留痕).
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);

CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at_micros    INTEGER NOT NULL,
  actor_id     INTEGER REFERENCES users(id),
  action       TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id   INTEGER NOT NULL,
  community_id INTEGER REFERENCES communities(id),
  reason       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_subject ON audit_log(subject_kind, subject_id, id);

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
