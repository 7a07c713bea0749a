-- 公开之栏 (docs/noticeboard.md): notices with their versions and the hashes
-- of their attachments, and the community's public accounts. Nothing here
-- is ever changed or removed: a correction or a withdrawal is a new row.
CREATE TABLE notices (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  published_at INTEGER NOT NULL,
  by_user      INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX notices_by_community ON notices(community_id, id);

CREATE TABLE notice_versions (
  id          INTEGER PRIMARY KEY,
  notice_id   INTEGER NOT NULL REFERENCES notices(id),
  kind        TEXT NOT NULL CHECK (kind IN ('published', 'corrected', 'withdrawn')),
  notice_kind TEXT NOT NULL CHECK (notice_kind IN ('general', 'election', 'meeting', 'outage', 'activity')),
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  at          INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL DEFAULT 0,
  by_user     INTEGER NOT NULL REFERENCES users(id),
  reason      TEXT NOT NULL DEFAULT '',
  CHECK ((kind = 'published') = (reason = ''))
);
CREATE INDEX notice_versions_by_notice ON notice_versions(notice_id, id);

CREATE TABLE notice_attachments (
  version_id INTEGER NOT NULL REFERENCES notice_versions(id),
  position   INTEGER NOT NULL,
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  media_type TEXT NOT NULL,
  file_name  TEXT NOT NULL,
  PRIMARY KEY (version_id, position)
);

CREATE TABLE account_entries (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  direction    TEXT NOT NULL CHECK (direction IN ('income', 'expense')),
  category     TEXT NOT NULL,
  amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0 OR (amount_fen = 0 AND corrects IS NOT NULL)),
  date         INTEGER NOT NULL,
  counterparty TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  by_user      INTEGER NOT NULL REFERENCES users(id),
  recorded_at  INTEGER NOT NULL,
  corrects     INTEGER REFERENCES account_entries(id),
  reason       TEXT NOT NULL DEFAULT '',
  CHECK ((corrects IS NULL) = (reason = ''))
);
CREATE INDEX account_entries_by_community ON account_entries(community_id, id);

CREATE TRIGGER notices_are_append_only_update BEFORE UPDATE ON notices
BEGIN SELECT RAISE(ABORT, 'notices is append-only'); END;
CREATE TRIGGER notices_are_append_only_delete BEFORE DELETE ON notices
BEGIN SELECT RAISE(ABORT, 'notices is append-only'); END;
CREATE TRIGGER notice_versions_are_append_only_update BEFORE UPDATE ON notice_versions
BEGIN SELECT RAISE(ABORT, 'notice_versions is append-only'); END;
CREATE TRIGGER notice_versions_are_append_only_delete BEFORE DELETE ON notice_versions
BEGIN SELECT RAISE(ABORT, 'notice_versions is append-only'); END;
CREATE TRIGGER notice_attachments_are_append_only_update BEFORE UPDATE ON notice_attachments
BEGIN SELECT RAISE(ABORT, 'notice_attachments is append-only'); END;
CREATE TRIGGER notice_attachments_are_append_only_delete BEFORE DELETE ON notice_attachments
BEGIN SELECT RAISE(ABORT, 'notice_attachments is append-only'); END;
CREATE TRIGGER account_entries_are_append_only_update BEFORE UPDATE ON account_entries
BEGIN SELECT RAISE(ABORT, 'account_entries is append-only'); END;
CREATE TRIGGER account_entries_are_append_only_delete BEFORE DELETE ON account_entries
BEGIN SELECT RAISE(ABORT, 'account_entries is append-only'); END;
