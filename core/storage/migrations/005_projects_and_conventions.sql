-- 形成项目 and 建立公约: what adopted proposals become.
ALTER TABLE proposals ADD COLUMN amends_convention INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposals ADD COLUMN outcome_id INTEGER NOT NULL DEFAULT 0;

CREATE TABLE projects (
  id               INTEGER PRIMARY KEY,
  proposal_id      INTEGER NOT NULL UNIQUE REFERENCES proposals(id),
  community_id     INTEGER NOT NULL REFERENCES communities(id),
  title            TEXT NOT NULL,
  budget_fen       INTEGER NOT NULL CHECK (budget_fen >= 0),
  responsible      TEXT NOT NULL,
  progress_percent INTEGER NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
  completed        INTEGER NOT NULL DEFAULT 0,
  created_at       INTEGER NOT NULL,
  completed_at     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX projects_by_community ON projects(community_id, id);

CREATE TABLE project_progress (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id),
  percent    INTEGER NOT NULL,
  text       TEXT NOT NULL,
  date       INTEGER NOT NULL,
  by_user    INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX project_progress_by_project ON project_progress(project_id, id);

CREATE TABLE project_expenses (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  purpose    TEXT NOT NULL,
  date       INTEGER NOT NULL,
  by_user    INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX project_expenses_by_project ON project_expenses(project_id, id);

CREATE TABLE project_ratings (
  project_id INTEGER NOT NULL REFERENCES projects(id),
  user_id    INTEGER NOT NULL REFERENCES users(id),
  stars      INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment    TEXT NOT NULL DEFAULT '',
  rated_at   INTEGER NOT NULL,
  PRIMARY KEY (project_id, user_id)
);

CREATE TABLE conventions (
  id              INTEGER PRIMARY KEY,
  community_id    INTEGER NOT NULL REFERENCES communities(id),
  title           TEXT NOT NULL,
  current_version INTEGER NOT NULL,
  created_at      INTEGER NOT NULL
);
CREATE INDEX conventions_by_community ON conventions(community_id, id);

CREATE TABLE convention_versions (
  convention_id INTEGER NOT NULL REFERENCES conventions(id),
  version       INTEGER NOT NULL,
  text          TEXT NOT NULL,
  proposal_id   INTEGER NOT NULL REFERENCES proposals(id),
  adopted_at    INTEGER NOT NULL,
  PRIMARY KEY (convention_id, version)
);

CREATE TABLE convention_acknowledgements (
  convention_id   INTEGER NOT NULL REFERENCES conventions(id),
  version         INTEGER NOT NULL,
  user_id         INTEGER NOT NULL REFERENCES users(id),
  acknowledged_at INTEGER NOT NULL,
  PRIMARY KEY (convention_id, version, user_id)
);
