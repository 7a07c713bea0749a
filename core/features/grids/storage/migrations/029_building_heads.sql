-- 楼栋长 and the household roster (docs/grids.md). A building head is a row
-- of building_heads, like a 网格员 a row of grid_workers, not a role grant:
-- their scope is a building of an estate. A building is a label within an
-- estate ("3号楼"), not a table: the staff name it when they appoint its
-- head or record who lives there.
CREATE TABLE building_heads (
  id          INTEGER PRIMARY KEY,
  estate_id   INTEGER NOT NULL REFERENCES estates(id),
  building    TEXT NOT NULL,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  appointed_at INTEGER NOT NULL,
  UNIQUE (estate_id, building, user_id)
);
CREATE INDEX building_heads_by_user ON building_heads(user_id);

-- Where a resident lives, as the staff record it (the household roster):
-- their grid, their estate and building. Not the resident's own my-estate
-- (resident_estates), which is theirs alone.
CREATE TABLE resident_places (
  user_id      INTEGER NOT NULL REFERENCES users(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  grid_id      INTEGER REFERENCES grids(id),
  estate_id    INTEGER REFERENCES estates(id),
  building     TEXT NOT NULL DEFAULT '',
  recorded_at  INTEGER NOT NULL,
  recorded_by  INTEGER REFERENCES users(id),
  PRIMARY KEY (user_id, community_id),
  CHECK (grid_id IS NOT NULL OR estate_id IS NOT NULL),
  CHECK (building = '' OR estate_id IS NOT NULL)
);
CREATE INDEX resident_places_by_community ON resident_places(community_id);

-- A 楼栋长's assisted act is marked 'building_head'. SQLite cannot change a
-- CHECK, so the audit log is rebuilt the documented way (as migration 010
-- did): its columns, indexes and append-only triggers are those of
-- migrations 002, 004 and 024; the rows are copied unchanged, ids included.
DROP TRIGGER audit_log_is_append_only_update;
DROP TRIGGER audit_log_is_append_only_delete;
CREATE TABLE new_audit_log (
  id            INTEGER PRIMARY KEY,
  at_micros     INTEGER NOT NULL,
  actor_id      INTEGER REFERENCES users(id),
  action        TEXT NOT NULL,
  subject_kind  TEXT NOT NULL,
  subject_id    INTEGER NOT NULL,
  community_id  INTEGER REFERENCES communities(id),
  reason        TEXT NOT NULL DEFAULT '',
  assisted_by   INTEGER REFERENCES users(id),
  assisted_role TEXT CHECK (assisted_role IN ('grid_worker', 'committee', 'building_head')),
  consent       TEXT CHECK (consent IN ('present', 'consent', 'paper')),
  consent_note  TEXT
);
INSERT INTO new_audit_log (id, at_micros, actor_id, action, subject_kind, subject_id, community_id, reason,
                           assisted_by, assisted_role, consent, consent_note)
  SELECT id, at_micros, actor_id, action, subject_kind, subject_id, community_id, reason,
         assisted_by, assisted_role, consent, consent_note FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE new_audit_log RENAME TO audit_log;
CREATE INDEX audit_log_by_subject ON audit_log(subject_kind, subject_id, id);
CREATE INDEX audit_log_by_community ON audit_log(community_id, action, id);
CREATE INDEX audit_log_assisted ON audit_log(actor_id, id) WHERE assisted_by IS NOT NULL;
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
