-- A wrong expense is corrected by a new entry that names it and says why,
-- never by an edit. The correction states the right amount (0 when the
-- expense never happened), so amount_fen may now be 0 on a correction; the
-- table is rebuilt for the new CHECK (SQLite cannot alter one).
CREATE TABLE project_expenses_new (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0 OR (amount_fen = 0 AND corrects IS NOT NULL)),
  purpose    TEXT NOT NULL,
  date       INTEGER NOT NULL,
  by_user    INTEGER NOT NULL REFERENCES users(id),
  corrects   INTEGER REFERENCES project_expenses_new(id),
  reason     TEXT NOT NULL DEFAULT '',
  CHECK (corrects IS NULL OR reason <> '')
);
INSERT INTO project_expenses_new (id, project_id, amount_fen, purpose, date, by_user)
  SELECT id, project_id, amount_fen, purpose, date, by_user FROM project_expenses;
DROP TABLE project_expenses;
ALTER TABLE project_expenses_new RENAME TO project_expenses;
CREATE INDEX project_expenses_by_project ON project_expenses(project_id, id);

-- Expenses are an append-only public record.
CREATE TRIGGER project_expenses_are_append_only_update BEFORE UPDATE ON project_expenses
BEGIN SELECT RAISE(ABORT, 'project_expenses is append-only'); END;
CREATE TRIGGER project_expenses_are_append_only_delete BEFORE DELETE ON project_expenses
BEGIN SELECT RAISE(ABORT, 'project_expenses is append-only'); END;
