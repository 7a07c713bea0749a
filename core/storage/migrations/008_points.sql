-- Points (积分): an append-only ledger fed exactly once per outbox event, a
-- redemption catalog, and redemptions with idempotency keys.

ALTER TABLE outbox ADD COLUMN quantity INTEGER NOT NULL DEFAULT 0;

CREATE TABLE reward_items (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  district_id INTEGER NOT NULL REFERENCES districts(id),
  name        TEXT NOT NULL,
  cost        INTEGER NOT NULL CHECK (cost > 0),
  stock       INTEGER NOT NULL CHECK (stock >= 0),
  active      INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL
);
CREATE INDEX reward_items_by_district ON reward_items(district_id, id);

CREATE TABLE redemptions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id         INTEGER NOT NULL REFERENCES reward_items(id),
  district_id     INTEGER NOT NULL REFERENCES districts(id),
  community_id    INTEGER NOT NULL REFERENCES communities(id),
  user_id         INTEGER NOT NULL REFERENCES users(id),
  cost            INTEGER NOT NULL,
  idempotency_key TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'requested',
  created_at      INTEGER NOT NULL,
  handed_over_at  INTEGER NOT NULL DEFAULT 0,
  handed_over_by  INTEGER REFERENCES users(id),
  UNIQUE (user_id, idempotency_key)
);
CREATE INDEX redemptions_by_community ON redemptions(community_id, state, id);

CREATE TABLE points_ledger (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  district_id   INTEGER NOT NULL REFERENCES districts(id),
  user_id       INTEGER NOT NULL REFERENCES users(id),
  delta         INTEGER NOT NULL,
  rule          TEXT NOT NULL,
  reason        TEXT NOT NULL,
  day           INTEGER NOT NULL,  -- the district's local day number, for daily caps
  source_event  INTEGER REFERENCES outbox(id),
  redemption_id INTEGER REFERENCES redemptions(id),
  plugin        TEXT NOT NULL DEFAULT '',  -- name version hash of the rule that awarded
  at            INTEGER NOT NULL
);
CREATE INDEX points_ledger_by_user ON points_ledger(district_id, user_id, id);
CREATE INDEX points_ledger_by_cap ON points_ledger(district_id, user_id, rule, day);
CREATE INDEX points_ledger_by_event ON points_ledger(source_event) WHERE source_event IS NOT NULL;

CREATE TRIGGER points_ledger_is_append_only_update BEFORE UPDATE ON points_ledger
BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END;
CREATE TRIGGER points_ledger_is_append_only_delete BEFORE DELETE ON points_ledger
BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END;

-- Balances are the sum of the ledger, kept by a trigger in the same
-- transaction; the CHECK is the last guard against going below zero.
CREATE TABLE points_balances (
  district_id INTEGER NOT NULL,
  user_id     INTEGER NOT NULL,
  balance     INTEGER NOT NULL CHECK (balance >= 0),
  PRIMARY KEY (district_id, user_id)
);
-- (UPDATE, then INSERT when missing: an UPSERT would check the CHECK on the
-- would-be-inserted row, a negative delta, before seeing the conflict.)
CREATE TRIGGER points_balances_on_insert AFTER INSERT ON points_ledger
BEGIN
  UPDATE points_balances SET balance = balance + NEW.delta
    WHERE district_id = NEW.district_id AND user_id = NEW.user_id;
  INSERT INTO points_balances (district_id, user_id, balance)
    SELECT NEW.district_id, NEW.user_id, NEW.delta
    WHERE NOT EXISTS (SELECT 1 FROM points_balances WHERE district_id = NEW.district_id AND user_id = NEW.user_id);
END;

-- Every outbox event up to processed_through has been turned into awards
-- (or skipped, below); moved in the same transaction as the awards.
CREATE TABLE points_cursor (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  processed_through INTEGER NOT NULL
);
INSERT INTO points_cursor (id, processed_through) VALUES (1, 0);

-- Events the points rule failed on: recorded, never silently dropped.
CREATE TABLE points_skipped (
  event_id    INTEGER PRIMARY KEY REFERENCES outbox(id),
  district_id INTEGER NOT NULL,
  code        TEXT NOT NULL,
  message     TEXT NOT NULL,
  at          INTEGER NOT NULL
);
