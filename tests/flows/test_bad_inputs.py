"""Every kind of bad input gets a clear reason in rejects, and every input is accounted for."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.clean_documents import clean_documents

GOOD_PAGE = "一篇好文章\n\n来源 :测试 | 被引量 : 1次\n  这是正文的第一段,内容完整。\n  这是第二段。\n"


def build_mixed_folder(root: Path, outside: Path) -> dict[str, str | None]:
    """Write good and bad inputs; return file name -> expected reject reason (None: a document)."""
    pages = root / "pages"
    pages.mkdir()
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes, reason: str | None) -> None:
        (pages / name).write_bytes(data)
        expected[name] = reason

    put("good.txt", GOOD_PAGE.encode(), None)
    put("带 空格 的 中文名.txt", GOOD_PAGE.replace("第二段", "另一段").encode("gb18030"), None)
    put("empty.txt", b"", "empty_file")
    put("blank.txt", b"  \r\n\n ", "empty_file")
    put("image.png", b"\x89PNG\r\n\x1a\n" + os.urandom(64), "binary")
    put("doc.pdf", b"%PDF-1.7\n" + os.urandom(64), "binary")
    put("archive.zip", b"PK\x03\x04" + os.urandom(64), "binary")
    put("nul.txt", "标题\n  正文".encode() + b"\x00\x00\x00", "binary")
    put("mojibake.txt", bytes(range(0x80, 0x100)) * 8, "undecodable")
    put("big.txt", b"a" * 5000, "too_large")
    put(
        "boilerplate-only.txt",
        "标题\n下载到本地 , 更方便阅读\n其他文献\n别的文章摘要。".encode(),
        "empty_body",
    )
    put("page.txt.gz", gzip.compress(GOOD_PAGE.replace("第一段", "压缩的一段").encode()), None)
    put("bomb.txt.gz", gzip.compress(b"x" * 100_000), "too_large")
    put("broken.gz", b"\x1f\x8b\x08\x00garbage", "undecodable")
    (pages / "dangling.txt").symlink_to(root / "missing.txt")
    expected["dangling.txt"] = "unreadable"
    (outside / "secret.txt").write_text(GOOD_PAGE)
    (pages / "escape.txt").symlink_to(outside / "secret.txt")
    expected["escape.txt"] = "symlink_outside_source"
    os.mkfifo(pages / "pipe.txt")
    expected["pipe.txt"] = "unreadable"
    odd = os.fsencode(pages) + b"/odd-\xff\xfe.txt"
    with open(odd, "wb") as handle:
        handle.write(GOOD_PAGE.replace("第一段", "奇怪文件名的一段").encode())
    expected["odd-\\xff\\xfe.txt"] = None
    return expected


def test_mixed_bad_inputs_are_all_accounted_for(harness, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    expected = build_mixed_folder(tmp_path, outside)
    dest = tmp_path / "out"
    summary = clean_documents(str(tmp_path / "pages"), str(dest), batch_size=4, max_bytes=4096)
    docs = pq.read_table(dest / "documents").to_pylist()
    rejects = pq.read_table(dest / "rejects").to_pylist()
    got = {Path(d["source_uri"]).name: None for d in docs}
    got.update({Path(r["source_uri"]).name: r["reason"] for r in rejects})
    assert got == expected
    assert len(docs) + len(rejects) == len(expected)  # exactly one row per input
    assert summary["inputs"] == summary["documents"] + summary["rejects"] == len(expected)
    assert all(r["detail"] for r in rejects)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_a_file_without_read_permission_is_rejected(harness, tmp_path: Path):
    pages = tmp_path / "pages"
    pages.mkdir()
    locked = pages / "locked.txt"
    locked.write_text(GOOD_PAGE)
    locked.chmod(0)
    clean_documents(str(pages), str(tmp_path / "out"))
    assert pq.read_table(tmp_path / "out" / "rejects").column("reason").to_pylist() == ["unreadable"]


def test_a_batch_that_keeps_failing_is_retried_then_rejected_alone(harness, tmp_path: Path, monkeypatch):
    """Fault injection: cleaning raises for one page, as an unexpected bug would, every attempt."""
    import flows.clean_documents as flow_module

    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(6):
        (pages / f"page-{i}.txt").write_text(GOOD_PAGE.replace("第二段", f"第{i}段"))
    attempts: list[str] = []
    real_clean_page = flow_module.clean_page

    def flaky_clean_page(raw: bytes, uri: str, options):
        if uri.endswith("page-4.txt"):
            attempts.append(uri)
            raise RuntimeError("simulated bug")
        return real_clean_page(raw, uri, options)

    monkeypatch.setattr(flow_module, "clean_page", flaky_clean_page)
    dest = tmp_path / "out"
    with pytest.raises(RuntimeError, match="1 batch"):
        clean_documents(
            str(pages), str(dest), batch_size=2, workers=0
        )  # in-process: the fault is injected here
    assert len(attempts) == 3  # the first try and two retries
    docs = sorted(Path(u).name for u in pq.read_table(dest / "documents").column("source_uri").to_pylist())
    rejects = pq.read_table(dest / "rejects").to_pylist()
    assert docs == ["page-0.txt", "page-1.txt", "page-2.txt", "page-3.txt"]
    assert sorted(Path(r["source_uri"]).name for r in rejects) == ["page-4.txt", "page-5.txt"]
    assert {r["reason"] for r in rejects} == {"internal_error"}
    assert "simulated bug" in rejects[0]["detail"]

    monkeypatch.setattr(flow_module, "clean_page", real_clean_page)  # the bug is fixed
    rerun = clean_documents(str(pages), str(dest), batch_size=2)
    assert (rerun["changed"], rerun["documents"], rerun["unchanged"]) == (2, 2, 4)
    assert pq.read_table(dest / "documents").num_rows == 6
    assert pq.read_table(dest / "rejects").num_rows == 0
