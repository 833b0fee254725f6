"""Batches on a dask.distributed cluster give the same rows as a local run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import LocalCluster

from flows.clean_documents import clean_documents

TESTS = Path(__file__).parents[1]
VOLATILE = {"processed_at"}


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def rows(dest: Path, table: str, key: tuple[str, ...]) -> list[dict]:
    records = [
        {k: v for k, v in r.items() if k not in VOLATILE} for r in pq.read_table(dest / table).to_pylist()
    ]
    return sorted(records, key=lambda r: tuple(str(r[k]) for k in key))


def test_dask_run_writes_the_same_rows_as_a_local_run(harness, cluster, tmp_path: Path):
    source = tmp_path / "pages"
    shutil.copytree(TESTS / "golden" / "pages", source)
    on_dask = clean_documents(
        str(source), str(tmp_path / "dask"), batch_size=3, dask_address=cluster.scheduler_address
    )
    local = clean_documents(str(source), str(tmp_path / "local"), batch_size=3, workers=0)
    assert on_dask["documents"] == local["documents"] > 5
    keys = {
        "documents": ("doc_id",),
        "sections": ("doc_id", "section_index"),
        "removed": ("doc_id", "kind", "text"),
        "rejects": ("source_uri",),
    }
    for table, key in keys.items():
        assert rows(tmp_path / "dask", table, key) == rows(tmp_path / "local", table, key), table
