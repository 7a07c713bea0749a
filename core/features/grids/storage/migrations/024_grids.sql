-- 小区 (estates) and 网格 (grids) inside a community (docs/grids.md): the
-- places the committee names, who works each grid (网格员), where a topic
-- is, and which estate a resident says they live in. A grid worker is a row
-- of grid_workers, not a role grant: the role's scope is a set of grids,
-- which the grants' single scope cannot express.
CREATE TABLE estates (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  name         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  UNIQUE (community_id, name)
);

CREATE TABLE grids (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  name         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  UNIQUE (community_id, name)
);

CREATE TABLE grid_workers (
  grid_id     INTEGER NOT NULL REFERENCES grids(id),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  assigned_at INTEGER NOT NULL,
  PRIMARY KEY (grid_id, user_id)
);
CREATE INDEX grid_workers_by_user ON grid_workers(user_id);

-- Where a topic is: at most one estate and one grid, both of its community.
CREATE TABLE proposal_places (
  proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id),
  estate_id   INTEGER REFERENCES estates(id),
  grid_id     INTEGER REFERENCES grids(id),
  CHECK (estate_id IS NOT NULL OR grid_id IS NOT NULL)
);
CREATE INDEX proposal_places_by_estate ON proposal_places(estate_id, proposal_id);

-- The estate a resident says they live in, per community.
CREATE TABLE resident_estates (
  user_id      INTEGER NOT NULL REFERENCES users(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  estate_id    INTEGER NOT NULL REFERENCES estates(id),
  PRIMARY KEY (user_id, community_id)
);

-- 帮办代办 (docs/grids.md): an act a helper made for a resident keeps, in
-- the resident's audit row, who helped, as what, and how the resident
-- consented. These are the kernel's columns (Stores::record writes them);
-- they come with this feature's migration because it is the one that makes
-- assisted acts.
ALTER TABLE audit_log ADD COLUMN assisted_by INTEGER REFERENCES users(id);
ALTER TABLE audit_log ADD COLUMN assisted_role TEXT CHECK (assisted_role IN ('grid_worker', 'committee'));
ALTER TABLE audit_log ADD COLUMN consent TEXT CHECK (consent IN ('present', 'consent', 'paper'));
ALTER TABLE audit_log ADD COLUMN consent_note TEXT;
CREATE INDEX audit_log_assisted ON audit_log(actor_id, id) WHERE assisted_by IS NOT NULL;
