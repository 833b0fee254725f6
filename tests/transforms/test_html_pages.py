"""HTML pages: same documents as text pages, any encoding, structures never seen before."""

from __future__ import annotations

import pytest

from transforms import Document, clean_page

TITLE = "乡村图书室的第二次生命"
PARAGRAPHS = [
    "十年前建起的乡村图书室,不少已经无人问津。去年起,几个县尝试把图书室交给返乡青年打理。",
    "他们把开放时间改到傍晚,并且增加了儿童绘本和农业技术手册。",
    "半年之后,借阅量增长了3倍,周末还举办读书会(每次约20人)。",
]
CLEAN = [
    "十年前建起的乡村图书室，不少已经无人问津。去年起，几个县尝试把图书室交给返乡青年打理。",
    "他们把开放时间改到傍晚，并且增加了儿童绘本和农业技术手册。",
    "半年之后，借阅量增长了3倍，周末还举办读书会（每次约20人）。",
]
HEADER = "来源 :农村读物 | 被引量 : 4次 | 上传用户:reader_08"
OTHER_DOC = "本文介绍了某市公交线路优化的做法,通过大数据分析乘客出行规律。"

TEXT_PAGE = f"""{TITLE}

{HEADER}
下载到本地 , 更方便阅读
论文部分内容阅读
  {PARAGRAPHS[0]}

一、换一种管理方式


  {PARAGRAPHS[1]}
  {PARAGRAPHS[2]}●
  (作者系县文化馆馆员)
  (责任编辑:周青)
其他文献
{OTHER_DOC}"""


def html_page(body: str, charset: str = "utf-8", title: str = f"{TITLE} - 某某文库") -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>
<script>var t = "{TITLE}"; alert("请登录");</script><style>.x{{color:red}}</style></head>
<body>{body}</body></html>"""


# An <article> page: header/nav/aside chrome, <section>s, headings as <h3>, a related-links aside.
ARTICLE_LAYOUT = html_page(f"""
<header><a href="/">某某文库</a><nav><a href="/a">首页</a><a href="/b">分类</a></nav></header>
<main><article>
  <h1>{TITLE}</h1>
  <p class="meta"><span>{HEADER}</span></p>
  <p><a href="/dl">下载到本地 , 更方便阅读</a></p>
  <section><p>&#12288;&#12288;{PARAGRAPHS[0]}</p></section>
  <section><h3>一、换一种管理方式</h3>
    <p>&nbsp;&nbsp;{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}●</p>
    <p>(作者系县文化馆馆员)</p><p>(责任编辑:周青)</p></section>
</article>
<section><h4>其他文献</h4><div><a href="/o/1">公交线路优化</a><div>{OTHER_DOC}</div></div></section>
</main>
<aside><h3>相关推荐</h3><ul><li><a href="/r/1">乡村振兴读本</a></li>
<li><a href="/r/2">图书馆管理实务</a></li></ul></aside>
<footer><p>Copyright © 2024 某某文库</p></footer>""")

# An old table layout: <td> content, <font>, paragraphs separated by <br><br>, bold headings.
TABLE_LAYOUT = html_page(f"""
<table width="960"><tr><td colspan="2"><a href="/">首页</a> | <a href="/l">文库</a> |
<a href="/u">登录</a></td></tr>
<tr><td width="700"><font size="4"><b>{TITLE}</b></font><br>
<font color="#666">{HEADER}</font><br><br>
<font>&#12288;&#12288;{PARAGRAPHS[0]}<br><br><b>一、换一种管理方式</b><br><br>
&#12288;&#12288;{PARAGRAPHS[1]}<br><br>&#12288;&#12288;{PARAGRAPHS[2]}●<br>
(作者系县文化馆馆员)<br>(责任编辑:周青)</font></td>
<td width="260"><b>其他文献</b><br><a href="/o/1">公交线路优化</a><br>{OTHER_DOC}</td></tr>
<tr><td colspan="2">京ICP备00000000号</td></tr></table>""")

# Nested anonymous <div>s only, the 其他文献 box placed BEFORE the body, h1 absent.
DIV_SOUP_LAYOUT = html_page(
    f"""
<div><div><div><a href="/">首页</a> &gt; <a href="/c">论文</a> &gt; <a href="/d">文化</a></div></div>
<div><div><div><span>其他文献</span></div><div><div><a href="/o/1">公交线路优化</a></div>
<div>{OTHER_DOC}</div></div></div>
<div><div>{HEADER}</div><div>论文部分内容阅读</div>
<div><div>{PARAGRAPHS[0]}</div><div><strong>一、换一种管理方式</strong></div>
<div>{PARAGRAPHS[1]}</div><div>{PARAGRAPHS[2]}●</div><div>(作者系县文化馆馆员)</div>
<div>(责任编辑:周青)</div></div></div></div></div>""",
    title=f"{TITLE}_某某文库",
)


# The same page as a Markdown-producing scraper (reader APIs, crawlers for LLM corpora) saves it.
MARKDOWN_PAGE = f"""# {TITLE}

[首页](https://example.org/) / [论文](https://example.org/lunwen)

{HEADER}

[下载到本地 , 更方便阅读](https://example.org/dl)

论文部分内容阅读

![封面](https://example.org/cover.png)

{PARAGRAPHS[0]}

## 一、换一种管理方式

{PARAGRAPHS[1]}

{PARAGRAPHS[2][:5]}**{PARAGRAPHS[2][5:12]}**{PARAGRAPHS[2][12:]}●

(作者系县文化馆馆员)

(责任编辑:周青)

---

**其他文献**

{OTHER_DOC}
"""


def as_tuple(doc: Document) -> tuple:
    meta = doc.metadata
    sections = [(s.heading, s.paragraphs) for s in doc.sections]
    return (
        doc.title,
        meta.source_name,
        meta.citation_count,
        meta.uploader,
        meta.author_note,
        meta.editor,
        sections,
    )


@pytest.fixture(scope="module")
def text_doc() -> Document:
    doc = clean_page(TEXT_PAGE.encode("utf-8"), "page.txt")
    assert isinstance(doc, Document)
    return doc


def test_text_page_is_cleaned_as_expected(text_doc: Document):
    assert as_tuple(text_doc) == (
        TITLE,
        "农村读物",
        4,
        "reader_08",
        "作者系县文化馆馆员",
        "周青",
        [(None, (CLEAN[0],)), ("一、换一种管理方式", (CLEAN[1], CLEAN[2]))],
    )
    assert text_doc.n_other_docs_removed == 1


@pytest.mark.parametrize(
    "layout", [ARTICLE_LAYOUT, TABLE_LAYOUT, DIV_SOUP_LAYOUT], ids=["article", "table", "divs"]
)
def test_unseen_html_structures_give_the_same_document_as_the_text_page(layout: str, text_doc: Document):
    doc = clean_page(layout.encode("utf-8"), "page.html")
    assert isinstance(doc, Document), doc
    assert as_tuple(doc) == as_tuple(text_doc)
    assert doc.text == text_doc.text
    assert doc.n_other_docs_removed == 1
    for chrome in ("首页", "相关推荐", "乡村振兴读本", "Copyright", "ICP", "请登录", "公交线路优化"):
        assert chrome not in doc.text


def test_markdown_dump_gives_the_same_document_as_the_text_page(text_doc: Document):
    doc = clean_page(MARKDOWN_PAGE.encode("utf-8"), "page.md.txt")
    assert isinstance(doc, Document), doc
    assert as_tuple(doc) == as_tuple(text_doc)
    assert doc.n_other_docs_removed == 1
    for remnant in ("#", "**", "](", "首页", "封面", "---"):
        assert remnant not in doc.text, remnant


@pytest.mark.parametrize(
    ("encode", "expected_codec"),
    [
        (lambda page: page.encode("utf-8"), "utf-8"),
        (lambda page: b"\xef\xbb\xbf" + page.encode("utf-8"), "utf-8"),
        (lambda page: page.replace('charset="utf-8"', 'charset="gb2312"').encode("gb18030"), "gb18030"),
        (lambda page: page.encode("gb18030"), "gb18030"),  # declares utf-8, holds GB18030
    ],
    ids=["utf8", "utf8-bom", "gb18030-labelled-gb2312", "wrong-declaration"],
)
def test_encodings_decode_to_the_same_document(encode, expected_codec, text_doc: Document):
    doc = clean_page(encode(ARTICLE_LAYOUT), "page.html")
    assert isinstance(doc, Document), doc
    assert doc.source_encoding == expected_codec
    assert as_tuple(doc) == as_tuple(text_doc)


def test_a_traditional_big5_page_is_fully_converted():
    page = '<html><head><meta charset="big5"><title>圖書館</title></head><body><h1>圖書館的夜晚</h1>'
    page += "<p>　　這個圖書館晚上開放，讀者們在這裡學習與討論。</p></body></html>"
    doc = clean_page(page.encode("big5"), "tw.html")
    assert doc.source_encoding == "big5hkscs"
    assert doc.title == "图书馆的夜晚"
    assert doc.text == "这个图书馆晚上开放，读者们在这里学习与讨论。"


def test_page_cut_mid_tag_keeps_the_complete_paragraphs():
    page = f"<html><body><h1>{TITLE}</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p cla"
    doc = clean_page(page.encode("utf-8"), "cut.html")
    assert doc.sections[0].paragraphs == (CLEAN[0], CLEAN[1])


def test_nesting_100000_levels_deep_does_not_crash():
    page = "<html><body>" + "<div>" * 100_000 + "<p>深层嵌套里的一段话,内容完整。</p>" + "</div>" * 100_000
    doc = clean_page(page.encode("utf-8"), "deep.html")
    assert isinstance(doc, Document), doc
    assert doc.text == "深层嵌套里的一段话，内容完整。"


def test_entities_and_invisible_characters_are_decoded_and_dropped():
    page = html_page(
        "<h1>题目</h1><p>&#12288;&#12288;他说&ldquo;好&rdquo;&#8203;&mdash;&mdash;真的&hellip;</p>"
    )
    assert clean_page(page.encode(), "e.html").text == "他说“好”——真的…"


def test_a_page_wrapped_in_one_form_keeps_its_body():
    """ASP.NET WebForms pages put the whole body inside <form id="form1">."""
    page = html_page(
        f"""<form id="form1" method="post"><div><input name="kw"><button>搜索</button>
        <a href="/">首页</a> <a href="/n">资讯</a></div><h1>{TITLE}</h1><p>{PARAGRAPHS[0]}</p>
        <p>{PARAGRAPHS[1]}</p><div><a href="/c">联系我们</a> | <a href="/a">关于我们</a></div></form>"""
    )
    doc = clean_page(page.encode("utf-8"), "form.html")
    assert doc.title == TITLE
    assert doc.sections[0].paragraphs == (CLEAN[0], CLEAN[1])
