-- Every version of a points rule that judged events, kept by its content
-- hash (the bundle as JSON: manifest and sources), so `yishi points replay`
-- judges each event by the version that judged it, not by today's.
CREATE TABLE plugin_versions (
  hash          TEXT PRIMARY KEY,
  identity      TEXT NOT NULL,  -- name version hash
  bundle        TEXT NOT NULL,
  first_used_at INTEGER NOT NULL
);

-- From which event on a version judged a district's events (a row when the
-- version changes). The ledger's `plugin` column names the version of each
-- award; this also covers events that earned nothing.
CREATE TABLE points_rule_spans (
  district_id INTEGER NOT NULL,
  from_event  INTEGER NOT NULL,
  hash        TEXT NOT NULL REFERENCES plugin_versions(hash),
  PRIMARY KEY (district_id, from_event)
);

-- Skipped events are listed and retried: the version that failed, how
-- often it was tried, when next (automatic retries back off), and when a
-- retry finally awarded it.
ALTER TABLE points_skipped ADD COLUMN community_id INTEGER;
ALTER TABLE points_skipped ADD COLUMN plugin TEXT NOT NULL DEFAULT '';
ALTER TABLE points_skipped ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE points_skipped ADD COLUMN next_retry_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE points_skipped ADD COLUMN resolved_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX points_skipped_open ON points_skipped(district_id, resolved_at, event_id);
