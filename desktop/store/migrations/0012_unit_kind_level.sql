-- The unit's kind (bệnh viện, trung tâm y tế …) and whose unit it is (trực thuộc Sở, Bộ …): which duty blocks of a
-- superior's plan are addressed to units like it (domain/duties.py, issue 23). Empty: read from its name and parent
-- body, as before.
ALTER TABLE unit ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE unit ADD COLUMN level TEXT NOT NULL DEFAULT '';
