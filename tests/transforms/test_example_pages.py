"""The bundled example pages (written for this project) cleaned to their exact expected output."""

from __future__ import annotations

from pathlib import Path

from transforms import Document, clean_page

EXAMPLES = Path(__file__).parents[2] / "examples"


def clean(name: str) -> Document:
    doc = clean_page((EXAMPLES / name).read_bytes(), name)
    assert isinstance(doc, Document), doc
    return doc


def test_simplified_crlf_page_with_every_boilerplate_piece():
    doc = clean("community-garden.txt")
    meta = doc.metadata
    assert (doc.title, meta.source_name, meta.citation_count, meta.uploader) == (
        "社区花园如何让邻里重新熟悉起来",
        "城市生活",
        2,
        "green_hand01",
    )
    assert (meta.author_note, meta.editor) == ("作者系某市社区规划师", "林小雨")
    assert [(s.heading, len(s.paragraphs)) for s in doc.sections] == [
        (None, 1),
        ("一、从一块空地开始", 2),
        ("二、规则比热情更持久", 2),
    ]
    text = doc.text.split("\n")
    assert "约定每周六上午10:30一起劳动，孩子们负责浇水。" in text[2]  # 10:30 stays ASCII
    assert text[3] == "半年之后，参与的家庭从6户增加到40多户，楼道里打招呼的人明显多了。"  # merged, 後 → 后
    assert text[-1] == "维护经费大约每年1,500元，来自居民众筹和街道补贴。"  # end mark gone, 1,500 kept
    assert doc.n_other_docs_removed == 2
    kinds = sorted(r.kind for r in doc.removed)
    assert kinds == sorted(
        [
            "site_header",
            "download_prompt",
            "disclaimer",
            "reading_label",
            "end_mark",
            "byline",
            "byline",
            "other_docs_heading",
            "other_doc",
            "other_doc",
        ]
    )


def test_traditional_big5_page_is_recognised_and_fully_converted():
    doc = clean("green-space-traditional.txt")
    assert doc.source_encoding == "big5hkscs"
    assert doc.title == "城市绿地与居民健康的关系"
    assert (doc.metadata.source_name, doc.metadata.uploader) == ("公共卫生评论", "研究小组")
    assert doc.metadata.author_note == "作者单位：某大学公共卫生学院"
    assert [s.heading for s in doc.sections] == [None, "研究方法"]
    assert "我们比较了三个城区的问卷资料" in doc.text and "們" not in doc.text
    assert doc.n_chars_converted > 30
