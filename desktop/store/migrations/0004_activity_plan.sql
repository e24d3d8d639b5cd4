-- Each activity serves one plan: one of its tasks, or the plan itself without a task. A plan's
-- report, ledger, workbook and dashboard count only its own activities.
-- Existing activities take the plan of their task; those without a task go to the latest plan of
-- their year (else the latest plan) and are marked plan_guessed for the clerk to check.
-- ON DELETE SET NULL: deleting a plan never deletes what was recorded (the ledger's "all plans"
-- view still shows it).
ALTER TABLE activities ADD COLUMN plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL;
ALTER TABLE activities ADD COLUMN plan_guessed INTEGER NOT NULL DEFAULT 0;
UPDATE activities SET plan_id = (SELECT i.plan_id FROM plan_items i WHERE i.id = activities.task_id)
 WHERE task_id IS NOT NULL;
UPDATE activities SET plan_guessed = 1,
       plan_id = (SELECT p.id FROM plans p
                   WHERE CAST(substr(COALESCE(p.period_start, p.doc_year || '-'), 1, 4) AS INTEGER)
                         = CAST(substr(activities.start_date, 1, 4) AS INTEGER)
                   ORDER BY p.id DESC LIMIT 1)
 WHERE plan_id IS NULL;
UPDATE activities SET plan_guessed = 1, plan_id = (SELECT MAX(id) FROM plans) WHERE plan_id IS NULL;
UPDATE activities SET plan_guessed = 0 WHERE plan_id IS NULL;
CREATE INDEX activities_plan ON activities(plan_id, start_date);
-- An activity with a task always serves that task's plan, whoever writes it (window, import, demo).
CREATE TRIGGER activities_plan_of_task_insert AFTER INSERT ON activities
 WHEN NEW.task_id IS NOT NULL
BEGIN
  UPDATE activities SET plan_id = (SELECT i.plan_id FROM plan_items i WHERE i.id = NEW.task_id), plan_guessed = 0
   WHERE id = NEW.id;
END;
CREATE TRIGGER activities_plan_of_task_update AFTER UPDATE OF task_id ON activities
 WHEN NEW.task_id IS NOT NULL
BEGIN
  UPDATE activities SET plan_id = (SELECT i.plan_id FROM plan_items i WHERE i.id = NEW.task_id), plan_guessed = 0
   WHERE id = NEW.id;
END;
