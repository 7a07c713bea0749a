-- Issue 9: the version of its convention an amendment was written against,
-- and the earlier texts of edited comments.

-- 0 means unknown: amendments adopted before this migration. Those still
-- waiting are taken to be written against their convention's current
-- version, which is what adopting them assumed until now.
ALTER TABLE proposals ADD COLUMN amends_version INTEGER NOT NULL DEFAULT 0;
UPDATE proposals
   SET amends_version = (SELECT current_version FROM conventions WHERE conventions.id = proposals.amends_convention)
 WHERE amends_convention <> 0 AND outcome_id = 0
   AND EXISTS (SELECT 1 FROM conventions WHERE conventions.id = proposals.amends_convention);

-- Every edit of a comment keeps the text and stance it replaced, for the
-- committee (a reported text must survive its author's edits). Append-only.
CREATE TABLE comment_revisions (
  comment_id  INTEGER NOT NULL REFERENCES comments(id),
  revision    INTEGER NOT NULL CHECK (revision >= 1),
  body        TEXT NOT NULL,
  stance      TEXT NOT NULL CONSTRAINT comment_revisions_stance_known
              CHECK (stance IN ('for', 'neutral', 'against')),
  written_at  INTEGER NOT NULL,
  replaced_at INTEGER NOT NULL,
  PRIMARY KEY (comment_id, revision)
);
CREATE TRIGGER comment_revisions_are_append_only_update BEFORE UPDATE ON comment_revisions
BEGIN SELECT RAISE(ABORT, 'comment_revisions is append-only'); END;
CREATE TRIGGER comment_revisions_are_append_only_delete BEFORE DELETE ON comment_revisions
BEGIN SELECT RAISE(ABORT, 'comment_revisions is append-only'); END;
