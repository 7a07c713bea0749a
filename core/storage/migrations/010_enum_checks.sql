-- Every column that stores a domain enum by name accepts exactly the names
-- the domain knows (no silent coercion when a row is read back). SQLite
-- cannot add a CHECK to a table, so each table without one is rebuilt the
-- documented way (https://sqlite.org/lang_altertable.html#otheralter):
-- create new_X with the CHECKs, copy, drop X, rename new_X to X, recreate
-- the indexes and triggers. The migration runner runs this with foreign
-- keys off and runs PRAGMA foreign_key_check before it commits; the
-- references of other tables name X, so they hold again after the rename.
-- Columns, defaults, keys and references are those of migrations 001-009;
-- the new CHECKs are named, so a refusal names the column in the log.
-- The values must match the domain's *Name functions:
--   role: people.cpp roleName; state, kind: proposal.cpp; redemption state:
--   points_service.cpp redemptionStateName.
-- (scope_kind, memberships.status, proposals.kind, comments.stance,
-- meetings.mode, escalations.level and .status have had their CHECKs since
-- they were created.)

-- The triggers on proposals write proposal_counts; both tables are rebuilt
-- below, and a rename re-reads every trigger, so they are dropped first
-- and recreated at the end with the text of 007.
DROP TRIGGER proposal_counts_on_insert;
DROP TRIGGER proposal_counts_on_state;

CREATE TABLE new_role_grants (
  user_id    INTEGER NOT NULL REFERENCES users(id),
  role       TEXT NOT NULL CONSTRAINT role_grants_role_known
             CHECK (role IN ('resident', 'committee', 'street_staff', 'district_admin', 'observer')),
  scope_kind TEXT NOT NULL CHECK (scope_kind IN ('district', 'street', 'community')),
  scope_id   INTEGER NOT NULL,
  granted_at INTEGER NOT NULL,
  granted_by INTEGER REFERENCES users(id),
  PRIMARY KEY (user_id, role, scope_kind, scope_id)
);
INSERT INTO new_role_grants (user_id, role, scope_kind, scope_id, granted_at, granted_by)
  SELECT user_id, role, scope_kind, scope_id, granted_at, granted_by FROM role_grants;
DROP TABLE role_grants;
ALTER TABLE new_role_grants RENAME TO role_grants;

CREATE TABLE new_proposals (
  id                   INTEGER PRIMARY KEY,
  community_id         INTEGER NOT NULL REFERENCES communities(id),
  author_id            INTEGER NOT NULL REFERENCES users(id),
  kind                 TEXT NOT NULL CHECK (kind IN ('problem', 'wish', 'rule')),
  title                TEXT NOT NULL,
  body                 TEXT NOT NULL,
  state                TEXT NOT NULL CONSTRAINT proposals_state_known
                       CHECK (state IN ('draft', 'submitted', 'screening', 'needs_revision', 'accepted',
                                        'merged', 'rejected', 'withdrawn', 'consultation', 'voting',
                                        'closed', 'adopted', 'not_adopted', 'project', 'convention')),
  merged_into          INTEGER REFERENCES proposals(id),
  election_id          INTEGER NOT NULL DEFAULT 0,
  consultation_ends_at INTEGER NOT NULL DEFAULT 0,
  last_reason          TEXT NOT NULL DEFAULT '',
  created_at           INTEGER NOT NULL,
  submitted_at         INTEGER NOT NULL DEFAULT 0,
  updated_at           INTEGER NOT NULL,
  amends_convention    INTEGER NOT NULL DEFAULT 0,
  outcome_id           INTEGER NOT NULL DEFAULT 0,
  response_due_at      INTEGER NOT NULL DEFAULT 0,
  decision_due_at      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO new_proposals (id, community_id, author_id, kind, title, body, state, merged_into, election_id,
                           consultation_ends_at, last_reason, created_at, submitted_at, updated_at,
                           amends_convention, outcome_id, response_due_at, decision_due_at)
  SELECT id, community_id, author_id, kind, title, body, state, merged_into, election_id,
         consultation_ends_at, last_reason, created_at, submitted_at, updated_at,
         amends_convention, outcome_id, response_due_at, decision_due_at FROM proposals;
DROP TABLE proposals;
ALTER TABLE new_proposals RENAME TO proposals;
CREATE INDEX proposals_by_community ON proposals(community_id, id);
CREATE INDEX proposals_by_state ON proposals(community_id, state, id);
CREATE INDEX proposals_by_merge ON proposals(merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE new_proposal_counts (
  community_id INTEGER NOT NULL REFERENCES communities(id),
  kind         TEXT NOT NULL CONSTRAINT proposal_counts_kind_known
               CHECK (kind IN ('problem', 'wish', 'rule')),
  state        TEXT NOT NULL CONSTRAINT proposal_counts_state_known
               CHECK (state IN ('draft', 'submitted', 'screening', 'needs_revision', 'accepted',
                                'merged', 'rejected', 'withdrawn', 'consultation', 'voting',
                                'closed', 'adopted', 'not_adopted', 'project', 'convention')),
  n            INTEGER NOT NULL,
  PRIMARY KEY (community_id, kind, state)
);
INSERT INTO new_proposal_counts (community_id, kind, state, n)
  SELECT community_id, kind, state, n FROM proposal_counts;
DROP TABLE proposal_counts;
ALTER TABLE new_proposal_counts RENAME TO proposal_counts;

CREATE TRIGGER proposal_counts_on_insert AFTER INSERT ON proposals
BEGIN
  INSERT INTO proposal_counts (community_id, kind, state, n) VALUES (NEW.community_id, NEW.kind, NEW.state, 1)
    ON CONFLICT (community_id, kind, state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER proposal_counts_on_state AFTER UPDATE OF state ON proposals
WHEN OLD.state <> NEW.state
BEGIN
  UPDATE proposal_counts SET n = n - 1
    WHERE community_id = OLD.community_id AND kind = OLD.kind AND state = OLD.state;
  INSERT INTO proposal_counts (community_id, kind, state, n) VALUES (NEW.community_id, NEW.kind, NEW.state, 1)
    ON CONFLICT (community_id, kind, state) DO UPDATE SET n = n + 1;
END;

-- redemptions is AUTOINCREMENT: its sqlite_sequence row moves to the new
-- table, so no id handed out before is handed out again.
CREATE TABLE new_redemptions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id         INTEGER NOT NULL REFERENCES reward_items(id),
  district_id     INTEGER NOT NULL REFERENCES districts(id),
  community_id    INTEGER NOT NULL REFERENCES communities(id),
  user_id         INTEGER NOT NULL REFERENCES users(id),
  cost            INTEGER NOT NULL,
  idempotency_key TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'requested' CONSTRAINT redemptions_state_known
                  CHECK (state IN ('requested', 'handed_over')),
  created_at      INTEGER NOT NULL,
  handed_over_at  INTEGER NOT NULL DEFAULT 0,
  handed_over_by  INTEGER REFERENCES users(id),
  UNIQUE (user_id, idempotency_key)
);
INSERT INTO new_redemptions (id, item_id, district_id, community_id, user_id, cost, idempotency_key, state,
                             created_at, handed_over_at, handed_over_by)
  SELECT id, item_id, district_id, community_id, user_id, cost, idempotency_key, state,
         created_at, handed_over_at, handed_over_by FROM redemptions;
DELETE FROM sqlite_sequence WHERE name = 'new_redemptions';
UPDATE sqlite_sequence SET name = 'new_redemptions' WHERE name = 'redemptions';
DROP TABLE redemptions;
ALTER TABLE new_redemptions RENAME TO redemptions;
CREATE INDEX redemptions_by_community ON redemptions(community_id, state, id);
