-- Activities remember when they were entered and changed, and which unit they came from
-- (a Sở consolidating the exports of its hospitals); settings keep per-database choices.
ALTER TABLE activities ADD COLUMN source_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
UPDATE activities SET created_at = datetime('now'), updated_at = datetime('now');

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
