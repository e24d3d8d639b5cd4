"""Evidence files attached to activities: copy, remove, deletion and its undo, the dossier zip."""

import errno
import hashlib
import io
import os
import zipfile

import pytest
from openpyxl import load_workbook

from desktop import app
from desktop.app import evidence
from desktop.domain.errors import UserError
from desktop.store import activities, db
from desktop.store import evidence as rows


@pytest.fixture
def conn(demo_copy):
    c = db.open_db(demo_copy)
    yield c
    c.close()


@pytest.fixture
def src(tmp_path):
    folder = tmp_path / "nguon"
    (folder / "b").mkdir(parents=True)
    (folder / "Biên bản họp.pdf").write_bytes(b"%PDF a" * 500)
    (folder / "b" / "Biên bản họp.pdf").write_bytes(b"%PDF b" * 300)
    (folder / "ảnh 1.jpg").write_bytes(os.urandom(5000))
    return folder


def _first(conn):
    return activities.load_activities(conn)[0].id


def test_two_files_of_the_same_name_are_both_kept(conn, src, tmp_path):
    a = _first(conn)
    added = evidence.attach(conn, a, [src / "Biên bản họp.pdf", src / "b" / "Biên bản họp.pdf"])
    assert [f.name for f in added] == ["Biên bản họp.pdf", "Biên bản họp.pdf"]
    assert [f.stored for f in added] == [f"{a}/Biên bản họp.pdf", f"{a}/Biên bản họp (2).pdf"]
    for f, s in zip(added, [src / "Biên bản họp.pdf", src / "b" / "Biên bản họp.pdf"]):
        p = evidence.path_of(conn, f)
        assert p.parent == tmp_path / "minh_chung" / str(a)
        assert p.read_bytes() == s.read_bytes()
        assert f.size == s.stat().st_size and f.sha256 == hashlib.sha256(s.read_bytes()).hexdigest()
    again = evidence.attach(conn, a, [src / "Biên bản họp.pdf"])
    assert again[0].stored == f"{a}/Biên bản họp (3).pdf"
    assert evidence.counts(conn) == {a: 3}
    assert not [p for p in (tmp_path / "minh_chung").rglob(".*")]  # no temporary file left


def test_remove_moves_the_file_to_da_xoa(conn, src, tmp_path):
    a = _first(conn)
    f = evidence.attach(conn, a, [src / "ảnh 1.jpg"])[0]
    moved = evidence.remove(conn, f.id)
    assert moved == tmp_path / "minh_chung" / "_da_xoa" / str(a) / "ảnh 1.jpg"
    assert moved.read_bytes() == (src / "ảnh 1.jpg").read_bytes()
    assert evidence.list_files(conn, a) == []
    assert not (tmp_path / "minh_chung" / str(a)).exists()


@pytest.mark.parametrize("fault", ["disk_full", "unreadable", "missing"])
def test_a_failed_copy_records_nothing_and_leaves_no_file(conn, src, tmp_path, monkeypatch, fault):
    a = _first(conn)
    evidence.attach(conn, a, [src / "ảnh 1.jpg"])
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "minh_chung").rglob("*"))
    if fault == "disk_full":
        real = os.fsync
        calls = []

        def fsync(fd):
            calls.append(fd)
            if len(calls) == 2:  # the second file of the batch
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(fd)

        monkeypatch.setattr(os, "fsync", fsync)
        message = "ổ đĩa .* đã đầy"
        files = [src / "Biên bản họp.pdf", src / "b" / "Biên bản họp.pdf"]
    elif fault == "unreadable":

        class Broken(io.BytesIO):
            def read(self, *_):
                raise OSError(errno.EIO, "Input/output error")

        real_open = open

        def fake_open(path, mode="r", *args, **kw):
            if str(path).endswith("b/Biên bản họp.pdf") and "r" in mode:
                return Broken()
            return real_open(path, mode, *args, **kw)

        monkeypatch.setattr("builtins.open", fake_open)
        message = "Không đọc được tệp “Biên bản họp.pdf”"
        files = [src / "Biên bản họp.pdf", src / "b" / "Biên bản họp.pdf"]
    else:
        message = "Không thêm được “không có.pdf”"
        files = [src / "Biên bản họp.pdf", src / "không có.pdf"]
    with pytest.raises(UserError, match=message) as e:
        evidence.attach(conn, a, files)
    assert "Chưa có tệp nào được thêm" in str(e.value)
    assert len(evidence.list_files(conn, a)) == 1
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "minh_chung").rglob("*")) == before


def test_deleting_an_activity_moves_its_files_and_the_undo_brings_them_back(conn, src, tmp_path):
    act = activities.load_activities(conn)[0]
    evidence.attach(conn, act.id, [src / "ảnh 1.jpg", src / "Biên bản họp.pdf"])
    listed = evidence.list_files(conn, act.id)
    trashed = evidence.delete_activities(conn, [act.id])
    assert rows.list_evidence(conn, act.id) == []  # cascade
    assert not (tmp_path / "minh_chung" / str(act.id)).exists()
    assert sorted(p.name for p in (tmp_path / "minh_chung" / "_da_xoa" / str(act.id)).iterdir()) == [
        "Biên bản họp.pdf",
        "ảnh 1.jpg",
    ]
    with db.transaction(conn):
        activities.restore_activities(conn, [act])
        assert evidence.bring_back(conn, trashed) == 2
    assert evidence.list_files(conn, act.id) == listed
    assert evidence.path_of(conn, listed[0]).read_bytes() == (src / "ảnh 1.jpg").read_bytes()


def test_safe_names_are_accepted_by_windows():
    assert evidence.safe_name('Hội nghị: "sơ kết" 6/2025?. ') == "Hội nghị_ _sơ kết_ 6_2025_"
    assert evidence.safe_name("CON.txt") == "_CON.txt"
    assert evidence.safe_name("a" * 200 + ".pdf") == "a" * 76 + ".pdf"
    assert evidence.safe_name("...") == "tep"


def test_the_dossier_holds_the_report_the_workbook_and_each_activitys_files(conn, src, tmp_path):
    plan_id = app.resolve_plan_id(conn, None)
    _, _, _, compiled, _ = app.compile_for(conn, plan_id)
    acts = compiled.activities
    third, tenth = acts[2], acts[9]
    evidence.attach(conn, third.id, [src / "Biên bản họp.pdf", src / "b" / "Biên bản họp.pdf"])
    evidence.attach(conn, tenth.id, [src / "ảnh 1.jpg"])
    out = tmp_path / "ra" / "hồ sơ.zip"
    out.parent.mkdir()
    result = evidence.export_dossier(conn, out, plan_id, pdf=False)
    assert result.files == 3 and result.missing == [] and not result.pdf
    assert [p.name for p in out.parent.iterdir()] == ["hồ sơ.zip"]  # written through a temporary, renamed
    z = zipfile.ZipFile(out)
    names = z.namelist()
    assert "Báo cáo.docx" in names and "Phụ lục.xlsx" in names
    d3 = f"003 - {evidence.safe_name(third.title, 200)}"[:80].rstrip(" .")
    d10 = f"010 - {evidence.safe_name(tenth.title, 200)}"[:80].rstrip(" .")
    assert z.read(f"{d3}/Biên bản họp.pdf") == (src / "Biên bản họp.pdf").read_bytes()
    assert z.read(f"{d3}/Biên bản họp (2).pdf") == (src / "b" / "Biên bản họp.pdf").read_bytes()
    assert z.read(f"{d10}/ảnh 1.jpg") == (src / "ảnh 1.jpg").read_bytes()
    assert len([n for n in names if "/" in n]) == 3
    wb = load_workbook(io.BytesIO(z.read("Phụ lục.xlsx")), read_only=True)
    titles = [c for row in wb.worksheets[0].iter_rows(values_only=True) for c in row if c == third.title]
    assert titles
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(z.read("Báo cáo.docx"))).paragraphs)
    assert "BÁO CÁO" in text.upper()


def test_a_missing_evidence_file_is_listed_in_the_dossier(conn, src, tmp_path):
    plan_id = app.resolve_plan_id(conn, None)
    a = app.compile_for(conn, plan_id)[3].activities[0]
    f = evidence.attach(conn, a.id, [src / "ảnh 1.jpg"])[0]
    evidence.path_of(conn, f).unlink()
    result = evidence.export_dossier(conn, tmp_path / "hs.zip", plan_id, pdf=False)
    assert result.files == 0 and len(result.missing) == 1
    assert "ảnh 1.jpg" in zipfile.ZipFile(tmp_path / "hs.zip").read("Tệp thiếu.txt").decode("utf-8")
