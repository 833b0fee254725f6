"""Streaming a batch into its parts: complete parts or nothing, never a partial file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.parquet_io import PartsWriter
from flows.records import batch_tables
from transforms import Document, Reject, clean_page

PAGE = "标题{n}\n来源 :党建 | 被引量 : {n}次\n  第{n}段正文,写得很短。\n"


def chunk(start: int, size: int) -> dict:
    docs = [clean_page(PAGE.format(n=n).encode(), f"page-{n}.txt") for n in range(start, start + size)]
    assert all(isinstance(d, Document) for d in docs)
    rejects = [(Reject(f"bad-{start}.txt", "empty_file", "0 bytes"), None)]
    return batch_tables(docs, rejects, datetime.now(UTC), "test")


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_chunks_become_row_groups_of_one_part_per_table(tmp_path: Path):
    with PartsWriter(str(tmp_path), "k1") as writer:
        for start in (0, 10, 20):
            writer.write(chunk(start, 10))
    tables = ("documents", "rejects", "removed", "sections")
    assert files_under(tmp_path) == [f"{t}/part-k1.parquet" for t in tables]
    documents = pq.ParquetFile(tmp_path / "documents" / "part-k1.parquet")
    assert documents.metadata.num_row_groups == 3
    query = f"select title from '{tmp_path}/documents/*.parquet' order by citation_count"
    titles = duckdb.sql(query).fetchall()
    assert [t for (t,) in titles] == [f"标题{n}" for n in range(30)]
    assert pq.read_table(tmp_path / "rejects").num_rows == 3


def test_an_error_while_streaming_leaves_nothing_behind(tmp_path: Path):
    with pytest.raises(RuntimeError), PartsWriter(str(tmp_path), "k2") as writer:
        writer.write(chunk(0, 5))
        raise RuntimeError("worker died mid-batch")
    assert files_under(tmp_path) == []  # no part, no temporary file


def test_a_batch_with_no_rows_still_commits_empty_parts(tmp_path: Path):
    with PartsWriter(str(tmp_path), "k3"):
        pass
    assert pq.read_table(tmp_path / "documents").num_rows == 0
    assert (tmp_path / "documents" / "part-k3.parquet").exists()
