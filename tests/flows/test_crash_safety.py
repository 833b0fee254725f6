"""A run killed with SIGKILL leaves only complete files, and a rerun completes it exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).parents[2]
N_PAGES = 2400
BATCH = "40"


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    template = (ROOT / "examples" / "community-garden.txt").read_text(encoding="utf-8")
    for i in range(N_PAGES):
        page = template.replace("社区花园", f"第{i}号社区花园", 1).replace("6户", f"{i % 97}户")
        (folder / f"page-{i:05d}.txt").write_text(page * 3, encoding="utf-8")


def docclean(source: Path, dest: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    command = [sys.executable, "-m", "flows.cli", "run", str(source), str(dest), "--batch-size", BATCH]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def table_rows(dest: Path, name: str) -> list[dict]:
    return pq.read_table(dest / name).to_pylist()


def test_sigkill_mid_run_then_rerun_is_exactly_once(tmp_path: Path):
    source = tmp_path / "pages"
    write_corpus(source)
    killed, clean = tmp_path / "killed", tmp_path / "clean"

    run = docclean(source, killed)
    deadline = time.monotonic() + 240
    while not list((killed / "documents").glob("part-*.parquet")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(run.pid, signal.SIGKILL)  # the whole process group: the run and its workers
    run.wait()
    committed = list((killed / "documents").glob("part-*.parquet"))
    assert committed, "the run was killed before writing anything: make the corpus bigger"
    for part in (killed).rglob("*.parquet"):
        pq.read_table(part)  # every visible file is complete
    partial_docs = sum(pq.read_metadata(p).num_rows for p in committed)
    assert partial_docs < N_PAGES, "the run finished before the kill: make the corpus bigger"

    rerun, reference = docclean(source, killed), docclean(source, clean)
    assert rerun.wait(timeout=600) == 0, rerun.stderr.read().decode()
    assert reference.wait(timeout=600) == 0, reference.stderr.read().decode()

    docs, ref_docs = table_rows(killed, "documents"), table_rows(clean, "documents")
    assert len(docs) == len({d["doc_id"] for d in docs}) == N_PAGES
    assert {d["doc_id"] for d in docs} == {d["doc_id"] for d in ref_docs}
    for name in ("sections", "removed", "rejects"):
        assert len(table_rows(killed, name)) == len(table_rows(clean, name)), name
    sections = {(s["doc_id"], s["section_index"]) for s in table_rows(killed, "sections")}
    assert len(sections) == len(table_rows(killed, "sections"))
    leftovers = [
        p for p in killed.rglob("*") if p.is_file() and not p.name.startswith(("part-", ".docclean"))
    ]
    assert leftovers == []
