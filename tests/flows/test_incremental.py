"""Incremental, idempotent runs into one destination, and the destination lock (no server needed)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.clean_documents import clean_documents
from flows.locking import LOCK_NAME, DestinationLockedError, destination_lock

ROOT = Path(__file__).parents[2]

# Small pages written for these tests.
NIGHT_RUN = (
    "城市夜跑的兴起\n\n来源 :生活周刊 | 被引量 : 3次 | 上传用户:runner_x\n"
    "  近几年,越来越多的年轻人选择在下班后到河边跑步。\n\n一、为什么是夜晚\n\n"
    "  白天工作繁忙,晚上气温较低,路上的车辆也少。\n"
)
LIBRARY = (
    "社区图书角的一年\n\n来源 :邻里通讯 | 被引量 : 0次\n"
    "  楼下的图书角由居民捐书建成,现在已有八百多册。\n\n一、借阅规则\n\n"
    "  每人每次可借两本,两周内归还。\n\n二、志愿者\n\n  周末由退休教师轮流值班。\n"
)
MARKET = "早市见闻\n\n  清晨六点,菜市场已经很热闹,摊主们忙着摆放新鲜的蔬菜。\n"
RECIPE = "家常番茄炒蛋\n\n  先把鸡蛋炒到半熟盛出,再炒番茄,最后一起翻炒并加少许盐。\n"


def part_snapshot(dest: Path) -> dict[str, tuple[int, bytes]]:
    """Every committed part file: (mtime in ns, bytes)."""
    return {
        str(p.relative_to(dest)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(dest.glob("*/part-*.parquet"))
    }


def rows(dest: Path, table: str) -> list[dict]:
    return pq.read_table(dest / table).to_pylist()


def comparable(dest: Path, table: str) -> list[str]:
    """A table's rows in a stable order, without the time of processing."""
    stable = ([(k, v) for k, v in sorted(r.items()) if k != "processed_at"] for r in rows(dest, table))
    return sorted(map(repr, stable))


def assert_unique_keys(dest: Path) -> None:
    con = duckdb.connect()
    docs = con.execute(
        f"select count(*), count(distinct doc_id), count(distinct source_uri) "
        f"from read_parquet('{dest}/documents/*.parquet')"
    ).fetchone()
    assert docs[0] == docs[1] == docs[2]
    sections = con.execute(
        f"select count(*), count(distinct (doc_id, section_index)) "
        f"from read_parquet('{dest}/sections/*.parquet')"
    ).fetchone()
    assert sections[0] == sections[1]
    orphans = con.execute(
        f"select count(*) from read_parquet('{dest}/sections/*.parquet') s "
        f"anti join read_parquet('{dest}/documents/*.parquet') d using (doc_id)"
    ).fetchone()[0]
    assert orphans == 0


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for example in sorted((ROOT / "examples").iterdir()):
        shutil.copy(example, folder / example.name)
    (folder / "night-run.txt").write_text(NIGHT_RUN, encoding="utf-8")
    (folder / "library.txt").write_text(LIBRARY, encoding="gb18030")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_second_run_adds_exactly_the_new_and_changed_pages(harness, pages: Path, tmp_path: Path):
    dest = tmp_path / "out"
    first = clean_documents(str(pages), str(dest), batch_size=1)
    n_inputs = len(list(pages.iterdir()))
    assert (first["inputs"], first["new"], first["unchanged"], first["changed"]) == (n_inputs, n_inputs, 0, 0)
    assert first["documents"] + first["rejects"] == n_inputs
    night_uri = str((pages / "night-run.txt").absolute())
    old_night = next(d for d in rows(dest, "documents") if d["source_uri"] == night_uri)
    old_part = next(
        str(p.relative_to(dest))
        for p in (dest / "documents").glob("part-*.parquet")
        if night_uri in pq.read_table(p).column("source_uri").to_pylist()
    )
    before = part_snapshot(dest)
    time.sleep(0.01)

    (pages / "market.txt").write_text(MARKET, encoding="utf-8")
    (pages / "sub").mkdir()
    (pages / "sub" / "recipe.txt").write_text(RECIPE, encoding="utf-8")
    (pages / "night-run.txt").write_text(NIGHT_RUN.replace("河边", "公园"), encoding="utf-8")
    second = clean_documents(str(pages), str(dest), batch_size=1)

    assert (second["inputs"], second["unchanged"], second["new"], second["changed"]) == (
        n_inputs + 2,
        n_inputs - 1,
        2,
        1,
    )
    assert (second["documents"], second["rejects"]) == (3, 0)
    docs = rows(dest, "documents")
    assert len(docs) == first["documents"] + 2
    night = [d for d in docs if d["source_uri"] == night_uri]
    assert len(night) == 1 and "公园" in night[0]["text"] and night[0]["doc_id"] != old_night["doc_id"]
    stale_sections = [s for s in rows(dest, "sections") if s["doc_id"] == old_night["doc_id"]]
    assert stale_sections == []
    assert_unique_keys(dest)

    after = part_snapshot(dest)
    rewritten = {name for name in before if after.get(name) != before[name]}
    # Only the changed page's own part files (one per table) were rewritten, without its rows.
    assert {Path(n).name for n in rewritten} == {Path(old_part).name}
    assert len(set(after) - set(before)) == 3 * 4  # one new part per table for each of 3 batches

    third = clean_documents(str(pages), str(dest), batch_size=1)
    assert (third["unchanged"], third["new"], third["changed"], third["documents"], third["rejects"]) == (
        n_inputs + 2,
        0,
        0,
        0,
        0,
    )
    assert part_snapshot(dest) == after


def test_unchanged_rejects_are_skipped_and_a_fixed_reject_replaces_its_row(harness, pages, tmp_path):
    dest = tmp_path / "out"
    clean_documents(str(pages), str(dest))
    assert [r["reason"] for r in rows(dest, "rejects")] == ["empty_file"]
    again = clean_documents(str(pages), str(dest))
    assert (again["new"], again["changed"], again["rejects"]) == (0, 0, 0)
    assert len(rows(dest, "rejects")) == 1

    (pages / "empty.txt").write_text(MARKET, encoding="utf-8")  # the empty page got its content
    fixed = clean_documents(str(pages), str(dest))
    assert (fixed["changed"], fixed["documents"], fixed["rejects"]) == (1, 1, 0)
    assert rows(dest, "rejects") == []
    assert any(d["source_uri"].endswith("empty.txt") for d in rows(dest, "documents"))
    assert_unique_keys(dest)


def test_a_copy_of_a_stored_page_added_later_is_a_duplicate(harness, pages, tmp_path):
    dest = tmp_path / "out"
    clean_documents(str(pages), str(dest))
    shutil.copy(pages / "night-run.txt", pages / "night-run copy.txt")
    summary = clean_documents(str(pages), str(dest))
    assert (summary["new"], summary["documents"], summary["rejects_by_reason"]) == (1, 0, {"duplicate": 1})
    assert_unique_keys(dest)


def test_full_refresh_replaces_every_output(harness, pages: Path, tmp_path: Path):
    dest, reference = tmp_path / "out", tmp_path / "reference"
    clean_documents(str(pages), str(dest), batch_size=2)
    (pages / "market.txt").write_text(MARKET, encoding="utf-8")
    clean_documents(str(pages), str(dest), batch_size=2)
    (pages / "library.txt").unlink()
    refreshed = clean_documents(str(pages), str(dest), batch_size=2, full_refresh=True)
    assert (refreshed["unchanged"], refreshed["new"]) == (0, refreshed["inputs"])
    clean_documents(str(pages), str(reference), batch_size=2)
    for table in ("documents", "sections", "removed", "rejects"):
        assert comparable(dest, table) == comparable(reference, table), table
    assert not any("library" in d["source_uri"] for d in rows(dest, "documents"))
    assert_unique_keys(dest)


# The destination lock.

HOLD_LOCK = """
import sys, time
from flows.locking import destination_lock
with destination_lock(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_lock(dest: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(dest), str(seconds)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_lock_is_exclusive_and_the_error_names_the_destination(tmp_path: Path):
    dest = tmp_path / "out"
    holder = hold_lock(dest, 30)
    try:
        started = time.monotonic()
        with pytest.raises(DestinationLockedError) as raised, destination_lock(dest, timeout=0.5):
            pass
        assert time.monotonic() - started >= 0.5
        message = str(raised.value)
        assert str(dest) in message and f"pid {holder.pid}" in message
    finally:
        os.killpg(holder.pid, signal.SIGKILL)
        holder.wait()


def test_lock_waits_for_the_holder_then_is_acquired(tmp_path: Path):
    dest = tmp_path / "out"
    holder = hold_lock(dest, 0.5)
    try:
        with destination_lock(dest, timeout=30) as path:
            assert holder.poll() is not None  # acquired only once the holder let go
            assert path == dest / LOCK_NAME
    finally:
        holder.wait()


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path):
    dest = tmp_path / "out"
    holder = hold_lock(dest, 60)
    os.killpg(holder.pid, signal.SIGKILL)
    holder.wait()
    with destination_lock(dest, timeout=0):
        pass
    with destination_lock(dest), destination_lock(tmp_path / "other"):  # independent destinations
        pass


def test_file_urls_are_locked_and_object_stores_are_not(tmp_path: Path):
    with destination_lock(f"file://{tmp_path}/out") as path:
        assert path == tmp_path / "out" / LOCK_NAME
        with pytest.raises(DestinationLockedError), destination_lock(tmp_path / "out"):  # same lock
            pass
    with destination_lock("s3://bucket/clean") as path:
        assert path is None
    assert not (Path.cwd() / "s3:").exists()


def test_lock_in_one_process_is_exclusive_across_open_file_descriptions(tmp_path: Path):
    with destination_lock(tmp_path), pytest.raises(DestinationLockedError), destination_lock(tmp_path):
        pass


def test_readers_ignore_the_lock_file(harness, pages: Path, tmp_path: Path):
    dest = tmp_path / "out"
    with destination_lock(dest):
        pass
    clean_documents(str(pages), str(dest))
    assert (dest / LOCK_NAME).exists()
    assert pq.read_table(dest / "documents").num_rows >= 3
    query = f"select count(*) from read_parquet('{dest}/documents/**/*.parquet')"
    assert duckdb.connect().execute(query).fetchone()[0] >= 3


def test_a_run_on_a_locked_destination_fails_clearly_and_writes_nothing(harness, pages, tmp_path):
    dest = tmp_path / "out"
    holder = hold_lock(dest, 60)
    try:
        with pytest.raises(DestinationLockedError, match=str(dest)):
            clean_documents(str(pages), str(dest), lock_timeout=0.3)
        assert not list(dest.glob("*/part-*.parquet"))
    finally:
        os.killpg(holder.pid, signal.SIGKILL)
        holder.wait()
    assert clean_documents(str(pages), str(dest), lock_timeout=0)["documents"] >= 3
