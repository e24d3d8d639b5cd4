-- Targets of three kinds (issue 24): 'count' (a quantity of a form of activity, as before), 'rate' (a
-- percentage of what target_group names, e.g. "văn bản ký số") and 'reach' (people of a group: người bệnh,
-- người nhà, nhân viên y tế, cộng đồng; or places: xã, thôn bản, khoa phòng). Each applies to a period of the
-- plan's year (year by default; h1, 9m, q1–q4, m1–m12).
ALTER TABLE item_targets ADD COLUMN kind TEXT NOT NULL DEFAULT 'count' CHECK (kind IN ('count', 'rate', 'reach'));
ALTER TABLE item_targets ADD COLUMN period TEXT NOT NULL DEFAULT 'year' CHECK (period IN (
    'year', 'h1', '9m', 'q1', 'q2', 'q3', 'q4',
    'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'));
ALTER TABLE item_targets ADD COLUMN target_group TEXT NOT NULL DEFAULT '';
ALTER TABLE item_targets ADD COLUMN percent REAL NOT NULL DEFAULT 0 CHECK (percent >= 0 AND percent <= 100);

-- The value a rate or reach target reached in a period of a year, as the clerk recorded it, with the reason.
CREATE TABLE target_results (
    target_id   INTEGER NOT NULL REFERENCES item_targets(id) ON DELETE CASCADE,
    period      TEXT NOT NULL,
    year        INTEGER NOT NULL,
    value       REAL NOT NULL CHECK (value >= 0),
    numerator   INTEGER CHECK (numerator >= 0),
    denominator INTEGER CHECK (denominator > 0),
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (target_id, period, year)
);

-- People an activity reached, by group (the workbook's reach columns); NULL: not recorded.
ALTER TABLE activities ADD COLUMN reach_patients INTEGER CHECK (reach_patients >= 0);
ALTER TABLE activities ADD COLUMN reach_relatives INTEGER CHECK (reach_relatives >= 0);
ALTER TABLE activities ADD COLUMN reach_staff INTEGER CHECK (reach_staff >= 0);
ALTER TABLE activities ADD COLUMN reach_community INTEGER CHECK (reach_community >= 0);
