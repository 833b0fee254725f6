"""Source and destination on an S3-compatible store (moto's server on loopback, started here)."""

from __future__ import annotations

import os

import duckdb
import pyarrow.parquet as pq
import pytest
from moto.server import ThreadedMotoServer

from flows.clean_documents import clean_documents

PAGE = "标题{n}\n\n来源 :对象存储 | 被引量 : {n}次\n  第{n}篇文章的正文,内容完整。\n  第二段。\n"


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    saved = {k: os.environ.get(k) for k in ("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    os.environ.update(
        AWS_ENDPOINT_URL=f"http://{host}:{port}", AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test"
    )
    import fsspec

    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    fs.mkdir("corpus")
    yield fs
    server.stop()
    for key, value in saved.items():
        os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)


def test_flow_reads_and_writes_s3_urls_incrementally(harness, s3):
    for n in range(3):
        s3.pipe(f"corpus/in/page-{n}.txt", PAGE.format(n=n).encode())
    s3.pipe("corpus/in/empty.txt", b"")
    first = clean_documents("s3://corpus/in", "s3://corpus/out", batch_size=2)
    assert (first["documents"], first["rejects"]) == (3, 1)
    assert not [p for p in s3.find("corpus/out") if not p.rsplit("/", 1)[-1].startswith("part-")]

    s3.pipe("corpus/in/page-1.txt", PAGE.format(n=11).encode())  # changed
    s3.pipe("corpus/in/page-9.txt", PAGE.format(n=9).encode())  # new
    second = clean_documents("s3://corpus/in", "s3://corpus/out", batch_size=2)
    assert (second["unchanged"], second["changed"], second["new"]) == (3, 1, 1)

    s3.invalidate_cache()  # this client listed the folder before the flow rewrote it
    docs = pq.read_table("corpus/out/documents", filesystem=s3).to_pylist()
    assert sorted(d["citation_count"] for d in docs) == [0, 2, 9, 11]
    assert len({d["doc_id"] for d in docs}) == len(docs)
    sections = pq.read_table("corpus/out/sections", filesystem=s3)
    assert sections.num_rows == len(docs)
    third = clean_documents("s3://corpus/in", "s3://corpus/out", batch_size=2)
    assert third["documents"] == third["rejects"] == 0


def test_duckdb_reads_what_the_flow_wrote_to_s3(harness, s3, tmp_path):
    s3.pipe("corpus/in2/page.txt", PAGE.format(n=5).encode())
    clean_documents("s3://corpus/in2", "s3://corpus/out2")
    local = tmp_path / "copy"
    s3.invalidate_cache()
    s3.get("corpus/out2", str(local), recursive=True)  # duckdb's httpfs would need a download
    count = duckdb.sql(f"select count(*) from read_parquet('{local}/documents/**/*.parquet')").fetchall()[0][
        0
    ]
    assert count == 1
