-- The superior's outline (đề cương) the plan's reports answer (issue 24): the text read from the file the
-- clerk chose (its headings in order, guidance lines under them) and that file's name. One per plan.
CREATE TABLE report_outlines (
    plan_id INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    text TEXT NOT NULL
);
