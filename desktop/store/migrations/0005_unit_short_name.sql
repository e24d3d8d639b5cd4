-- How the unit names itself after its first mention in a report ("Bệnh viện", "Trung tâm");
-- empty: the kind its name starts with.
ALTER TABLE unit ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
