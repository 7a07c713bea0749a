-- The committee's queue of comments to review: those reported since the
-- committee last hid or restored them (auto-hidden ones included).
-- `reports_reviewed` is the count of reports the committee has looked at.
ALTER TABLE comments ADD COLUMN reports_reviewed INTEGER NOT NULL DEFAULT 0;

-- Comments moderated before this migration count as reviewed.
UPDATE comments SET reports_reviewed = reports
  WHERE EXISTS (SELECT 1 FROM audit_log WHERE audit_log.subject_kind = 'comment'
                AND audit_log.subject_id = comments.id
                AND audit_log.action IN ('moderation.hidden', 'moderation.restored'));

CREATE INDEX comments_to_review ON comments(community_id, id) WHERE reports > reports_reviewed AND withdrawn = 0;
