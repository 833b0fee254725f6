"""Site furniture on text pages: what goes (and is recorded in ``removed``) and what stays.

The pages are short and written for this project; each test reads like a scraped dump of a site
that prints more around the document than the seed's template does.
"""

from __future__ import annotations

import pytest

from transforms import Document, clean_page

BODY = (
    "  社区议事会每季度召开一次，由居民代表、物业和居委会共同参加。\n"
    "  会议记录在公告栏张贴七天，居民可以提出书面意见。\n"
)
BODY_PARAGRAPHS = [
    "社区议事会每季度召开一次，由居民代表、物业和居委会共同参加。",
    "会议记录在公告栏张贴七天，居民可以提出书面意见。",
]


def clean(text: str) -> Document:
    doc = clean_page(text.encode("utf-8"), "page.txt")
    assert isinstance(doc, Document), doc
    return doc


def removed(doc: Document, kind: str) -> list[str]:
    return [r.text for r in doc.removed if r.kind == kind]


def test_header_keeps_its_fields_when_the_site_adds_an_upload_date():
    doc = clean("议事会的运作\n来源 :基层观察 | 被引量 : 2次 | 上传用户:he_mu | 上传时间:2022-09-01\n" + BODY)
    meta = doc.metadata
    assert (meta.source_name, meta.citation_count, meta.uploader) == ("基层观察", 2, "he_mu")
    assert "上传时间" not in doc.text
    assert removed(doc, "site_header") == [
        "来源 :基层观察 | 被引量 : 2次 | 上传用户:he_mu | 上传时间:2022-09-01"
    ]


def test_counters_buttons_and_paging_lines_are_removed_as_site_chrome():
    page = (
        "议事会的运作\n来源：基层观察\n浏览次数：1,024 | 下载次数：37 | 页数：5页\n"
        + BODY
        + "【打印】【关闭】\n上一篇：楼长制度的由来\n下一篇：\n首页 | 关于我们 | 联系我们\n"
    )
    doc = clean(page)
    assert doc.text.split("\n") == BODY_PARAGRAPHS
    assert removed(doc, "site_chrome") == [
        "浏览次数：1,024 | 下载次数：37 | 页数：5页",
        "【打印】【关闭】",
        "上一篇：楼长制度的由来",
        "下一篇：",
        "首页 | 关于我们 | 联系我们",
    ]


def test_lines_that_only_look_like_furniture_stay():
    page = (
        "议事会的运作\n来源：基层观察\n"
        "【摘要】议事会让居民在家门口商量家门口的事。\n"
        "发布时间：2022年9月1日\n"  # a lone date may be the document's own
        "时间：每季度第一个周六  地点：社区活动室\n"
        "阅读材料：《居民公约》全文\n" + BODY
    )
    doc = clean(page)
    assert removed(doc, "site_chrome") == []
    for text in (
        "【摘要】议事会",
        "发布时间：2022年9月1日",
        "时间：每季度第一个周六",
        "阅读材料：《居民公约》全文",
    ):
        assert text in doc.text, text


def test_related_documents_under_other_labels_are_removed_like_other_docs():
    page = (
        "议事会的运作\n来源：基层观察\n"
        + BODY
        + "相关文献\n垃圾分类的宣传方式研究摘要。\n停车难问题的对策分析摘要。\n"
    )
    doc = clean(page)
    assert doc.n_other_docs_removed == 2
    assert "垃圾分类" not in doc.text and "相关文献" not in doc.text


def test_the_documents_own_references_are_kept():
    page = (
        "议事会的运作\n来源：基层观察\n"
        + BODY
        + "参考文献\n[1] 张三. 社区治理导论[M]. 北京: 某出版社, 2019.\n"
    )
    doc = clean(page)
    assert doc.n_other_docs_removed == 0
    assert "社区治理导论" in doc.text


@pytest.mark.parametrize(
    "first_line",
    [
        "当前位置：首页 > 论文 > 社会",
        "来源 :基层观察 | 被引量 : 2次",
        "下载到本地 , 更方便阅读",
        "浏览次数：12 | 下载次数：3",
    ],
    ids=["breadcrumb", "header", "download-prompt", "counters"],
)
def test_site_text_above_the_title_does_not_become_the_title(first_line: str):
    doc = clean(first_line + "\n议事会的运作\n来源：基层观察\n被引量：2次\n" + BODY)
    assert doc.title == "议事会的运作"
    assert (doc.metadata.source_name, doc.metadata.citation_count) == ("基层观察", 2)
    assert doc.text.startswith("社区议事会每季度召开一次")
    assert first_line in [r.text for r in doc.removed]


def test_other_sites_prompts_notices_and_pagers_are_removed():
    page = (
        "议事会的运作\n来源：基层观察\n下载此文档\n"
        "版权声明：本文版权归原作者所有，如有侵权请联系删除。\n"
        + BODY
        + "点击阅读全文>>\n上一页 1 2 3 … 8 下一页\n本文档内容版权归属内容提供方，如有争议请联系客服。\n"
    )
    doc = clean(page)
    assert doc.text.split("\n") == BODY_PARAGRAPHS
    kinds = {r.text: r.kind for r in doc.removed}
    assert kinds["下载此文档"] == "download_prompt"
    assert kinds["点击阅读全文>>"] == "reading_label"
    assert kinds["上一页 1 2 3 … 8 下一页"] == "site_chrome"
    assert kinds["本文档内容版权归属内容提供方，如有争议请联系客服。"] == "disclaimer"


def test_lines_of_numbers_and_sentences_about_reading_stay():
    page = "议事会的运作\n来源：基层观察\n" + BODY + "2021 2022 2023\n  阅读全文后再讨论也不迟。\n"
    doc = clean(page)
    assert "2021 2022 2023" in doc.text and "阅读全文后再讨论也不迟。" in doc.text
