-- Each district's own deadlines, holidays and moderation settings; a
-- district without a row uses the server's configuration.
CREATE TABLE district_settings (
  district_id                 INTEGER PRIMARY KEY REFERENCES districts(id),
  first_response_seconds      INTEGER NOT NULL,
  decision_working_days       INTEGER NOT NULL,
  escalation_working_days     INTEGER NOT NULL,
  holidays                    TEXT NOT NULL DEFAULT '',  -- comma-separated YYYY-MM-DD
  auto_hide_reports           INTEGER NOT NULL,
  comment_edit_window_seconds INTEGER NOT NULL,
  updated_at                  INTEGER NOT NULL,
  updated_by                  INTEGER REFERENCES users(id)
);
