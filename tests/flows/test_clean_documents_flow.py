"""The flow end to end under a Prefect test harness: Parquet written, read back exactly."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.clean_documents import clean_documents
from schemas import TABLES

TESTS = Path(__file__).parents[1]


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(TESTS / "golden" / "seed" / "seed-000.txt", folder / "seed.txt")
    shutil.copy(TESTS / "golden" / "seed" / "seed-000.txt", folder / "seed copy.txt")  # same bytes
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "only-boilerplate.txt").write_text(
        "标题\n\n来源 :党建 | 被引量 : 0次\n下载到本地 , 更方便阅读\n"
    )
    (folder / "短文.txt").write_text("短文标题\n\n  这是一段简短的正文,用来测试。\n", encoding="gb18030")
    return folder


def test_flow_writes_every_table_with_the_exact_schema(harness, source: Path, tmp_path: Path):
    dest = tmp_path / "out"
    summary = clean_documents(str(source), str(dest), batch_size=2)
    assert summary["inputs"] == 6
    assert summary["documents"] == 2
    assert summary["rejects_by_reason"] == {"duplicate": 1, "empty_file": 1, "binary": 1, "empty_body": 1}
    for name, schema in TABLES.items():
        table = pq.read_table(dest / name)
        assert table.schema.equals(schema, check_metadata=False), name
        assert table.schema.field(0).metadata[b"description"]


def test_every_input_is_in_exactly_one_table(harness, source: Path, tmp_path: Path):
    dest = tmp_path / "out"
    clean_documents(str(source), str(dest), batch_size=4)
    docs = pq.read_table(dest / "documents").column("source_uri").to_pylist()
    rejects = pq.read_table(dest / "rejects").column("source_uri").to_pylist()
    inputs = sorted(str(p.absolute()) for p in source.iterdir())
    assert sorted(docs + rejects) == inputs
    duplicate = pq.read_table(dest / "rejects").to_pylist()
    detail = next(r["detail"] for r in duplicate if r["reason"] == "duplicate")
    assert "seed" in detail


def test_duckdb_reads_the_tables_and_joins_sections(harness, source: Path, tmp_path: Path):
    dest = tmp_path / "out"
    clean_documents(str(source), str(dest), batch_size=2)
    con = duckdb.connect()
    rows = con.execute(
        f"""select d.title, d.source_name, d.citation_count, count(*) as n, any_value(d.n_sections) as ns
            from read_parquet('{dest}/documents/**/*.parquet') d
            join read_parquet('{dest}/sections/**/*.parquet') s using (doc_id)
            group by all order by d.title"""
    ).fetchall()
    seed = next(r for r in rows if r[1] == "党建")
    assert seed[2] == 0 and seed[3] == seed[4] == 5
    kinds = dict(
        con.execute(
            f"select kind, count(*) from read_parquet('{dest}/removed/**/*.parquet') group by kind"
        ).fetchall()
    )
    assert kinds["other_doc"] == 10
    unique = con.execute(
        f"select count(distinct doc_id) = count(*) from read_parquet('{dest}/documents/*.parquet')"
    )
    assert unique.fetchone()[0]


def test_no_temporary_files_are_left_behind(harness, source: Path, tmp_path: Path):
    dest = tmp_path / "out"
    clean_documents(str(source), str(dest), batch_size=3)
    leftovers = [p for p in dest.rglob("*") if p.is_file() and not p.name.startswith(("part-", ".docclean"))]
    assert leftovers == []
