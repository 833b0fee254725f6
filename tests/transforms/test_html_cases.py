"""Saved pages in structures unlike the development corpus (html_cases/, written for this project).

trafilatura-style checks: the document's title, headings, metadata and counts, plus text that
must not survive.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms import Document, clean_page

CASES = Path(__file__).parent / "html_cases"

EXPECTED = {
    "blog_article.html": dict(
        title="社区图书馆如何留住年轻读者",
        headings=[None, "一、先弄清楚读者在哪里", "二、让书架跟着兴趣走", "（一）投票的办法"],
        n_paragraphs=5,
        other_docs=0,
        editor="林晓",
        author_note=None,
        source_name=None,
        absent=["青禾随笔", "首页", "标签", "相关文章", "城市夜读空间观察", "订阅", "保留所有权利"],
    ),
    "form_wrapped.html": dict(
        title="乡村学校的课后服务实践",
        headings=[None],
        n_paragraphs=2,
        other_docs=0,
        editor=None,
        author_note=None,
        source_name=None,
        absent=["首页", "资讯", "联系我们", "搜索"],
    ),
    "indented_bold.html": dict(
        title="家庭厨余垃圾分类的居民参与意愿",
        headings=[None, "一、调查设计", "二、主要发现"],
        n_paragraphs=6,
        other_docs=0,
        editor=None,
        author_note="作者：王一，李二",
        source_name=None,
        absent=["首页"],
    ),
    "portal_article.html": dict(
        title="老旧小区加装电梯的协商机制",
        headings=[None, "一、低层住户的顾虑", "二、费用分摊的办法"],
        n_paragraphs=5,
        other_docs=2,
        editor="周洁",
        author_note="作者单位：某市社区发展研究中心",
        source_name="社区治理评论",
        # Counters, upload dates, buttons and paging links go; the site header keeps its fields
        # although the site printed an upload date among them.
        absent=[
            "浏览次数",
            "上传时间",
            "字号",
            "打印",
            "关闭窗口",
            "文档页数",
            "下载积分",
            "上一篇",
            "下一篇",
            "相关文章",
            "历史街区",
            "登录",
            "版权所有",
        ],
        # Bracketed labels outside the button vocabulary and a meeting's time line are the text's.
        present=["【摘要】加装电梯", "时间：每月第一个周六上午"],
    ),
    "sidebar_first.html": dict(
        title="城市屋顶绿化的降温效果研究",
        headings=["1 研究背景", "2 观测结果"],
        n_paragraphs=3,
        other_docs=2,
        editor=None,
        author_note="作者单位：某大学建筑学院",
        source_name="城市环境研究",
        absent=[
            "学海文库",
            "热门下载",
            "实习报告范文",
            "首页",
            "点击查看全文",
            "屋顶花园设计要点",
            "网站地图",
            "湿地公园",
            "加装电梯",
            "下载到本地",
            "声明",
        ],
    ),
    "table_layout.html": dict(
        title="山区茶园的土壤保持措施",
        headings=[None, "一、修筑等高梯田", "二、行间种植绿肥"],
        n_paragraphs=4,
        other_docs=0,
        editor=None,
        author_note="作者单位：某县农业技术推广站",
        source_name=None,
        absent=["种植技术", "市场行情", "关于本站", "友情链接", "版权所有", "备案号"],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_page_cleans_to_its_article(name: str):
    want = EXPECTED[name]
    doc = clean_page((CASES / name).read_bytes(), name)
    assert isinstance(doc, Document), doc
    assert doc.title == want["title"]
    assert [s.heading for s in doc.sections] == want["headings"]
    assert (doc.n_paragraphs, doc.n_other_docs_removed) == (want["n_paragraphs"], want["other_docs"])
    meta = doc.metadata
    assert (meta.editor, meta.author_note, meta.source_name) == (
        want["editor"],
        want["author_note"],
        want["source_name"],
    )
    for chrome in want["absent"]:
        assert chrome not in doc.text, chrome
    for text in want.get("present", []):
        assert text in doc.text, text


def test_text_at_every_level_of_deep_nesting_is_read_in_linear_time():
    page = (
        "<html><body><h1>深层</h1>"
        + "".join(f"<div>第{i}层的文字。" for i in range(20_000))
        + "</div>" * 20_000
    )
    doc = clean_page(page.encode("utf-8"), "deep.html")
    assert doc.n_paragraphs == 20_000  # quadratic walking took over a minute here


def test_headings_bold_by_style_and_header_fields_in_separate_elements():
    page = """<html><body><h1>题目</h1><div>来源：某刊</div><div>被引量：3次</div><div>上传用户：abc</div>
    <p style="font-weight: bold">一、背景介绍</p><p>正文一段。</p>
    <p><span style="font-weight:700">研究方法</span></p><p>　　来源：国家统计局</p></body></html>"""
    doc = clean_page(page.encode("utf-8"), "styled.html")
    assert (doc.metadata.source_name, doc.metadata.citation_count, doc.metadata.uploader) == (
        "某刊",
        3,
        "abc",
    )
    assert [(s.heading, s.paragraphs) for s in doc.sections] == [
        ("一、背景介绍", ("正文一段。",)),
        ("研究方法", ("来源：国家统计局",)),  # a lone 来源 line below the body start is text
    ]


@pytest.mark.parametrize(
    "fields",
    [
        "<dl><dt>来源：</dt><dd>某刊</dd><dt>被引量：</dt><dd>3次</dd><dt>上传用户：</dt><dd>abc</dd></dl>",
        "<table><tr><td>来源：</td><td>某刊</td><td>被引量：</td><td>3次</td><td>上传用户：</td><td>abc</td></tr></table>",
        "<div><span>来源：</span><a href='/j/1'>某刊</a> <span>被引量：3次</span>"
        " <span>上传用户：<a href='/u'>abc</a></span></div>",
        "<div><span>来源：某刊</span><span>被引量：3次</span><span>上传用户：abc</span></div>",
    ],
    ids=["definition-list", "table-cells", "spans-with-spaces", "spans-without-spaces"],
)
def test_header_fields_whatever_elements_hold_labels_and_values(fields: str):
    page = f"<html><body><h1>题目</h1>{fields}<p>　　正文一段，讲的是别的事情。</p></body></html>"
    doc = clean_page(page.encode("utf-8"), "fields.html")
    meta = doc.metadata
    assert (meta.source_name, meta.citation_count, meta.uploader) == ("某刊", 3, "abc")
    assert doc.text == "正文一段，讲的是别的事情。"


def test_whitespace_between_inline_elements_keeps_words_apart():
    page = (
        "<html><body><h1>题目</h1><p>本文使用 <em>deep</em> <em>learning</em> 模型做分类。</p></body></html>"
    )
    doc = clean_page(page.encode("utf-8"), "words.html")
    assert "deep learning" in doc.text


@pytest.mark.parametrize(
    ("page_title", "repeated", "title"),
    [
        ("议事会的运作_基层观察_某某文库", "<div>议事会的运作</div>", "议事会的运作"),
        ("议事会的运作 - 某某文库", "", "议事会的运作"),
        ("2020-2021学年社区工作总结", "", "2020-2021学年社区工作总结"),
        ("城市治理 —— 以某市为例 | 某某文库", "", "城市治理 —— 以某市为例"),
    ],
)
def test_title_without_h1_loses_only_the_site_suffixes(page_title: str, repeated: str, title: str):
    page = (
        f"<html><head><title>{page_title}</title></head><body>{repeated}<p>　　正文一段。</p></body></html>"
    )
    doc = clean_page(page.encode("utf-8"), "no-h1.html")
    assert (doc.title, doc.text) == (title, "正文一段。")


def test_other_docs_in_an_aside_are_removed_and_counted_and_a_second_list_is_removed_too():
    page = """<html><body><h1>题目</h1>
    <div><h4>相关推荐</h4><div><a href="/r/1">推荐一</a><p>推荐文献的摘要，讲的是垃圾分类。</p></div></div>
    <main><p>　　正文一段，讲的是议事会。</p><p>　　正文二段，讲的是公告栏。</p></main>
    <aside><h3>其他文献</h3>
    <section><h4><a href="/o/1">另一篇</a></h4><p>无关摘要，讲的是停车难。</p></section>
    <section><h4><a href="/o/2">又一篇</a></h4><p>无关摘要，讲的是加装电梯。</p></section>
    </aside></body></html>"""
    doc = clean_page(page.encode("utf-8"), "aside.html")
    assert doc.text == "正文一段，讲的是议事会。\n正文二段，讲的是公告栏。"
    assert doc.n_other_docs_removed == 3
    assert [r.text for r in doc.removed if r.kind == "other_docs_heading"] == ["相关推荐", "其他文献"]


def test_sidebar_text_after_a_line_break_stays_out():
    page = """<html><body><h1>题目</h1><p>　　正文一段，讲的是议事会。</p>
    <aside><div>热门标签<br>停车难<br>加装电梯的事情很多人关心。</div></aside></body></html>"""
    doc = clean_page(page.encode("utf-8"), "aside-br.html")
    assert doc.text == "正文一段，讲的是议事会。"
