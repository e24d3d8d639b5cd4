-- A plan copied to the next year remembers the plan it came from: its report compares the same
-- period of both years.
ALTER TABLE plans ADD COLUMN copied_from INTEGER REFERENCES plans(id) ON DELETE SET NULL;
