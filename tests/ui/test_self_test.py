"""--self-test: the support check the packaging smoke test runs on the frozen app."""
import shutil

FOLDER = "Tài liệu Kế hoạch"


def test_self_test_opens_the_window_visits_every_screen_and_quits(demo_db, tmp_path, qapp, settings):
    from desktop.ui.main import main

    folder = tmp_path / FOLDER
    folder.mkdir()
    db = folder / "dữ liệu.db"
    shutil.copy(demo_db, db)
    result = folder / "kiểm tra.txt"
    assert main([], db, result) == 0
    facts = dict(line.split("=", 1) for line in result.read_text(encoding="utf-8").splitlines())
    assert facts["RESULT"] == "OK"
    assert facts["activities"] == "150" and facts["window_visible"].startswith("True")
    assert facts["tabs"] == "Tổng quan|Đơn vị|Kế hoạch|Hoạt động|Báo cáo"
    assert result.with_suffix(".png").stat().st_size > 1000
