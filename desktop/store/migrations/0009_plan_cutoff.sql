-- How the plan's periodic reports cut their data (issue 24): 'calendar' (the first to the last day of
-- the months) or 'nd09' (Nghị định 09/2019/NĐ-CP, Điều 12: from the 15th of the month before the period
-- to the 14th of its last month). Taken from the superior's text when it names that cut-off.
ALTER TABLE plans ADD COLUMN cutoff TEXT NOT NULL DEFAULT 'calendar' CHECK (cutoff IN ('calendar', 'nd09'));
