-- An activity imported from a subordinate unit keeps the name of the department that did it
-- there (it is not one of this unit's departments).
ALTER TABLE activities ADD COLUMN source_dept TEXT NOT NULL DEFAULT '';
CREATE INDEX activities_source_unit ON activities(source_unit);
