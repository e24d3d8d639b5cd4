-- The unit's own catalogue of forms of activity (hình thức): label, unit of measure, how the report
-- says it ("{verb} {count} {unit}{tail}", participants counted in `people`). A form in use is
-- hidden, never deleted. Seeded with the ten forms every unit had until now.
CREATE TABLE forms (
    code TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    unit TEXT NOT NULL,
    verb TEXT NOT NULL,
    tail TEXT NOT NULL DEFAULT '',
    people TEXT NOT NULL DEFAULT 'lượt người tham dự',
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
);
INSERT INTO forms (code, position, label, unit, verb, tail, people) VALUES
    ('tin_bai', 0, 'Tin, bài trên Trang TTĐT', 'tin, bài', 'Đăng tải', ' trên Trang thông tin điện tử của {unit_name}', 'lượt người tham dự'),
    ('mang_xa_hoi', 1, 'Bài trên mạng xã hội', 'bài', 'Đăng', ' trên các trang mạng xã hội của {unit_name}', 'lượt người tham dự'),
    ('hoi_nghi', 2, 'Hội nghị, hội thảo', 'hội nghị', 'Tổ chức', ', hội thảo', 'lượt người tham dự'),
    ('tap_huan', 3, 'Tập huấn', 'lớp', 'Tổ chức', ' tập huấn', 'lượt học viên'),
    ('sinh_hoat', 4, 'Sinh hoạt chuyên đề', 'buổi', 'Tổ chức', ' sinh hoạt chuyên đề', 'lượt người tham dự'),
    ('pano', 5, 'Pano, áp phích, băng rôn', 'cái', 'Treo', ' pano, áp phích, băng rôn', 'lượt người tham dự'),
    ('to_roi', 6, 'Tờ rơi', 'tờ', 'Phát hành', ' rơi', 'lượt người tham dự'),
    ('phat_thanh', 7, 'Phát thanh nội bộ', 'buổi', 'Thực hiện', ' phát thanh nội bộ', 'lượt người tham dự'),
    ('thi_dua', 8, 'Phong trào thi đua', 'phong trào', 'Phát động', ' thi đua', 'lượt người tham dự'),
    ('khac', 9, 'Khác', 'hoạt động', 'Thực hiện', ' khác', 'lượt người tham dự');
