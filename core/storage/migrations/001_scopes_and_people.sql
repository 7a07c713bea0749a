-- The administrative tree and the people in it.
CREATE TABLE districts (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE streets (
  id          INTEGER PRIMARY KEY,
  district_id INTEGER NOT NULL REFERENCES districts(id),
  name        TEXT NOT NULL
);
CREATE INDEX streets_by_district ON streets(district_id, id);

CREATE TABLE communities (
  id          INTEGER PRIMARY KEY,
  street_id   INTEGER NOT NULL REFERENCES streets(id),
  district_id INTEGER NOT NULL REFERENCES districts(id),
  name        TEXT NOT NULL,
  join_code   TEXT NOT NULL UNIQUE
);
CREATE INDEX communities_by_district ON communities(district_id, id);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  login         TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);

CREATE TABLE role_grants (
  user_id    INTEGER NOT NULL REFERENCES users(id),
  role       TEXT NOT NULL,
  scope_kind TEXT NOT NULL CHECK (scope_kind IN ('district', 'street', 'community')),
  scope_id   INTEGER NOT NULL,
  granted_at INTEGER NOT NULL,
  granted_by INTEGER REFERENCES users(id),
  PRIMARY KEY (user_id, role, scope_kind, scope_id)
);

CREATE TABLE memberships (
  community_id INTEGER NOT NULL REFERENCES communities(id),
  user_id      INTEGER NOT NULL REFERENCES users(id),
  status       TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
  joined_at    INTEGER NOT NULL,
  decided_at   INTEGER NOT NULL DEFAULT 0,
  decided_by   INTEGER REFERENCES users(id),
  reason       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (community_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships(user_id);
CREATE INDEX memberships_by_status ON memberships(community_id, status, user_id);
