-- The unit's own communication channels (its website, fanpage, bảng tin, loa nội bộ, Zalo group …), one a line:
-- proposed in a plan made from a superior's in place of the superior's national media (issue 23, point 3).
ALTER TABLE unit ADD COLUMN channels TEXT NOT NULL DEFAULT '';
