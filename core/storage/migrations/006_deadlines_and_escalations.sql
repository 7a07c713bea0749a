-- Response deadlines of proposals, and three-level handling (一键派单).
ALTER TABLE proposals ADD COLUMN response_due_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposals ADD COLUMN decision_due_at INTEGER NOT NULL DEFAULT 0;

CREATE TABLE escalations (
  id           INTEGER PRIMARY KEY,
  proposal_id  INTEGER NOT NULL REFERENCES proposals(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  street_id    INTEGER NOT NULL REFERENCES streets(id),
  district_id  INTEGER NOT NULL REFERENCES districts(id),
  level        TEXT NOT NULL CHECK (level IN ('street', 'district')),
  status       TEXT NOT NULL CHECK (status IN ('open', 'forwarded', 'resolved')),
  reason       TEXT NOT NULL,
  escalated_by INTEGER NOT NULL REFERENCES users(id),
  escalated_at INTEGER NOT NULL,
  due_at       INTEGER NOT NULL,
  resolution   TEXT NOT NULL DEFAULT '',
  resolved_by  INTEGER REFERENCES users(id),
  resolved_at  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX escalations_by_proposal ON escalations(proposal_id, id);
CREATE INDEX escalations_by_street ON escalations(level, street_id, status, id);
CREATE INDEX escalations_by_district ON escalations(level, district_id, status, id);
