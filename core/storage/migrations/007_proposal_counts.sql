-- Per-state counts of each community's proposals, kept by triggers in the
-- same transaction as the change, so lists show counts without scanning.
CREATE TABLE proposal_counts (
  community_id INTEGER NOT NULL REFERENCES communities(id),
  kind         TEXT NOT NULL,
  state        TEXT NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (community_id, kind, state)
);

INSERT INTO proposal_counts (community_id, kind, state, n)
  SELECT community_id, kind, state, COUNT(*) FROM proposals GROUP BY community_id, kind, state;

CREATE TRIGGER proposal_counts_on_insert AFTER INSERT ON proposals
BEGIN
  INSERT INTO proposal_counts (community_id, kind, state, n) VALUES (NEW.community_id, NEW.kind, NEW.state, 1)
    ON CONFLICT (community_id, kind, state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER proposal_counts_on_state AFTER UPDATE OF state ON proposals
WHEN OLD.state <> NEW.state
BEGIN
  UPDATE proposal_counts SET n = n - 1
    WHERE community_id = OLD.community_id AND kind = OLD.kind AND state = OLD.state;
  INSERT INTO proposal_counts (community_id, kind, state, n) VALUES (NEW.community_id, NEW.kind, NEW.state, 1)
    ON CONFLICT (community_id, kind, state) DO UPDATE SET n = n + 1;
END;
