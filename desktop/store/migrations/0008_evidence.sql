-- Files attached to an activity as evidence (minh chứng). The files live in the data folder beside
-- the database: minh_chung/<activity id>/<name>; `stored` is that path relative to minh_chung/.
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    stored TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    added_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX evidence_activity ON evidence(activity_id);
