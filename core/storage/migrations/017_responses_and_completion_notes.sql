-- Issue 9, items 11 and 19.
--
-- responded_at: when those who run the community first answered a
-- submitted proposal that is not their own (a reply in its thread or an
-- escalation); escalation_resolved_at: when the street or the district
-- resolved an escalation of it. Both end overdue flags (overdueRules() in
-- core/features/proposals/domain/src/proposal.cpp); 0 means not yet.
ALTER TABLE proposals ADD COLUMN responded_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposals ADD COLUMN escalation_resolved_at INTEGER NOT NULL DEFAULT 0;

-- What happened before this migration, read from the comments and
-- escalations of each proposal since its latest submission. Those who run a
-- community are its committee and its district's admins.
UPDATE proposals SET responded_at = MIN(
  COALESCE((SELECT MIN(c.created_at) FROM comments c JOIN communities cm ON cm.id = c.community_id
            WHERE c.proposal_id = proposals.id AND c.author_id <> proposals.author_id
              AND c.created_at >= proposals.submitted_at
              AND EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = c.author_id AND (
                    (g.role = 'committee' AND g.scope_kind = 'community' AND g.scope_id = c.community_id)
                 OR (g.role = 'district_admin' AND g.scope_kind = 'district' AND g.scope_id = cm.district_id)))),
           9223372036854775807),
  COALESCE((SELECT MIN(e.escalated_at) FROM escalations e
            WHERE e.proposal_id = proposals.id AND e.level = 'street' AND e.escalated_at >= proposals.submitted_at),
           9223372036854775807))
WHERE submitted_at > 0;
UPDATE proposals SET responded_at = 0 WHERE responded_at = 9223372036854775807;
UPDATE proposals SET escalation_resolved_at = COALESCE(
  (SELECT MIN(e.resolved_at) FROM escalations e
   WHERE e.proposal_id = proposals.id AND e.status = 'resolved' AND e.resolved_at >= proposals.submitted_at), 0)
WHERE submitted_at > 0;

-- The note the committee wrote when it marked the project complete (until
-- now kept only as the reason of its audit entry).
ALTER TABLE projects ADD COLUMN completion_note TEXT NOT NULL DEFAULT '';
UPDATE projects SET completion_note = COALESCE(
  (SELECT a.reason FROM audit_log a
   WHERE a.action = 'project.completed' AND a.subject_kind = 'project' AND a.subject_id = projects.id
   ORDER BY a.id DESC LIMIT 1), '')
WHERE completed = 1;
