-- Full-text search over the titles and bodies of proposals. The trigram
-- tokenizer (SQLite 3.34 and later) indexes every run of three characters,
-- so it finds words in Chinese, which puts no spaces between them; shorter
-- search words are matched without the index (see the store). The text
-- stays in `proposals` (an external-content table); the triggers keep the
-- index in step in the same transaction as the change.
CREATE VIRTUAL TABLE proposals_fts USING fts5(
  title, body, content = 'proposals', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO proposals_fts (proposals_fts) VALUES ('rebuild');

CREATE TRIGGER proposals_fts_on_insert AFTER INSERT ON proposals
BEGIN
  INSERT INTO proposals_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;

CREATE TRIGGER proposals_fts_on_edit AFTER UPDATE OF title, body ON proposals
WHEN OLD.title <> NEW.title OR OLD.body <> NEW.body
BEGIN
  INSERT INTO proposals_fts (proposals_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO proposals_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;

CREATE TRIGGER proposals_fts_on_delete AFTER DELETE ON proposals
BEGIN
  INSERT INTO proposals_fts (proposals_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
END;
