# ruff: noqa: E501  (HTML template lines read better unbroken)
"""A synthetic benchmark corpus: unique text and HTML pages of realistic size.

All wording comes from text written for this project: the golden page specs
(``tests/golden/make_pages.py``) and the example pages (``examples/*.txt``). Pages are
deterministic given their index, so the first 2,000 pages of a 20,000-page corpus are the
2,000-page corpus. About half are plain-text dumps in the site's text template, half HTML in a
desktop layout written here; about one in five is GB18030, the rest UTF-8.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT_CHARS = 5_000  # article characters per page: about 15 KB in UTF-8, like a real page
GB18030_SHARE = 0.2
PAGES_PER_FOLDER = 1_000

DOWNLOAD = "下载到本地 , 更方便阅读"
DISCLAIMER = "声明 : 本文档内容版权归属内容提供方 , 如果您对本文有版权争议 , 可与客服联系进行内容授权或下架"
LABEL = "论文部分内容阅读"
OTHER = "其他文献"
END_MARKS = "●■◆▲"
SOURCES = (
    "城市与社会",
    "公共卫生评论",
    "环境经济",
    "交通与发展",
    "生态与自然",
    "经济观察",
    "人民论坛",
    "文博天地",
)
HALF = str.maketrans("，：；？！（）", ",:;?!()")
NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+章\s*|\d+(?:\.\d+)*\.?\s*)"
)
DIGITS = re.compile(r"\d+")
CHINESE_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Pool:
    """Sentences of our own to compose pages from."""

    titles: tuple[str, ...]
    paragraphs: tuple[str, ...]
    headings: tuple[str, ...]
    abstracts: tuple[str, ...]
    authors: tuple[str, ...]
    editors: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    """One page's content before rendering."""

    title: str
    source: str
    citations: int
    uploader: str
    body: tuple[tuple[str, str], ...]  # ("h", heading) or ("p", paragraph)
    author: str
    editor: str
    end_mark: str
    other_docs: tuple[tuple[str, str], ...]  # (title, abstract)
    halfwidth: bool


@cache
def load_pool() -> Pool:
    """Gather the project's own titles, paragraphs, headings and abstracts."""
    golden = _golden_module()
    titles, paragraphs, headings, abstracts, authors, editors = [], [], [], [], [], []
    for page in golden.PAGES_SPEC:
        titles.append(page.title)
        abstracts += page.other_docs
        authors += [page.author_note] if page.author_note else []
        editors += [page.editor] if page.editor else []
        for item in page.body:
            parts = [item.first, item.second] if isinstance(item, golden.Merged) else [item]
            target = headings if isinstance(item, golden.H) else paragraphs
            target += [NUMBERING.sub("", part.text) for part in parts]
    for path in sorted((ROOT / "examples").glob("*.txt")):
        _add_example(path.read_bytes(), titles, paragraphs, headings, abstracts)
    return Pool(
        *(tuple(dict.fromkeys(x)) for x in (titles, paragraphs, headings, abstracts, authors, editors))
    )


def _golden_module():
    sys.path.insert(0, str(ROOT / "tests" / "golden"))
    try:
        import make_pages
    finally:
        sys.path.pop(0)
    return make_pages


def _add_example(
    raw: bytes, titles: list[str], paragraphs: list[str], headings: list[str], abstracts: list[str]
) -> None:
    """Read an example page in the text template (UTF-8 or Big5) into the pools."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("big5")
    lines = text.splitlines()
    titles.append(lines[0].strip())
    section = "header"
    for line in lines[1:]:
        stripped = line.strip()
        if stripped in ("论文部分内容阅读", "論文部分內容閱讀", "其他文献", "其他文獻"):
            section = "other" if stripped.startswith("其他") else "body"
        elif section == "other":
            abstracts.append(stripped)
        elif section == "body" and line.startswith("  ") and not stripped.startswith("("):
            paragraphs.extend(p.rstrip(END_MARKS) for p in re.split(r"\s{3,}", stripped))
        elif section == "body" and stripped and not line.startswith(" "):
            headings.append(NUMBERING.sub("", stripped))


def make_article(index: int, pool: Pool) -> Article:
    """The content of page ``index``: deterministic, unique (the uploader carries the index)."""
    rng = random.Random(index)
    return Article(
        title=rng.choice(pool.titles),
        source=rng.choice(SOURCES),
        citations=rng.choice((0, 0, 0, rng.randrange(1, 200))),
        uploader=f"wk_{index:06d}",
        body=tuple(_body(rng, pool)),
        author=rng.choice(pool.authors),
        editor=rng.choice(pool.editors),
        end_mark=rng.choice(END_MARKS) if rng.random() < 0.5 else "",
        other_docs=tuple(
            (rng.choice(pool.titles), rng.choice(pool.abstracts)) for _ in range(rng.randrange(2, 9))
        ),
        halfwidth=rng.random() < 0.5,
    )


def _body(rng: random.Random, pool: Pool) -> list[tuple[str, str]]:
    """Paragraphs of 2–6 pooled paragraphs each (numbers varied), a heading every 2–4 paragraphs."""
    body: list[tuple[str, str]] = []
    numbering = rng.choice((_chinese_numbered, _arabic_numbered, _unnumbered))
    chars, n_headings, next_heading = 0, 0, rng.randrange(1, 3)
    while chars < TEXT_CHARS:
        if len(body) == next_heading:
            n_headings += 1
            body.append(("h", numbering(n_headings, rng.choice(pool.headings))))
            next_heading = len(body) + rng.randrange(2, 5)
            continue
        parts = rng.sample(pool.paragraphs, rng.randrange(2, 7))
        paragraph = "".join(DIGITS.sub(lambda m: _vary(m.group(), rng), p) for p in parts)
        body.append(("p", paragraph))
        chars += len(paragraph)
    return body


def _vary(digits: str, rng: random.Random) -> str:
    """Another plausible number: a year stays a year, other numbers move by up to 30 %."""
    n = int(digits)
    if 1900 <= n <= 2030:
        return str(rng.randrange(1995, 2024))
    return str(max(1, round(n * rng.uniform(0.7, 1.3))))


def _chinese_numbered(n: int, heading: str) -> str:
    return f"{CHINESE_NUMBERS[(n - 1) % 10]}、{heading}"


def _arabic_numbered(n: int, heading: str) -> str:
    return f"{n} {heading}"


def _unnumbered(n: int, heading: str) -> str:
    return heading


# ------------------------------------------------------------------------------------------
# Text template
# ------------------------------------------------------------------------------------------


def render_text(article: Article) -> str:
    """The site's text dump: title, header lines, indented paragraphs, bylines, other documents."""
    style = _style(article)
    lines = [style(article.title), "", _meta_line(article), DOWNLOAD, DISCLAIMER, LABEL]
    for kind, text in article.body:
        lines += ["", style(text), "", ""] if kind == "h" else ["  " + style(text)]
    lines[-1] += article.end_mark
    lines += [f"  ({style(article.author)})", f"  (责任编辑:{article.editor})", OTHER]
    lines += [style(abstract)[:255] for _, abstract in article.other_docs]
    return "\n".join(lines)


def _style(article: Article):
    return (lambda text: text.translate(HALF)) if article.halfwidth else (lambda text: text)


def _meta_line(article: Article) -> str:
    return f"来源 :{article.source} | 被引量 : {article.citations}次 | 上传用户:{article.uploader}"


# ------------------------------------------------------------------------------------------
# HTML template (a desktop page of a document-sharing site, written for this benchmark)
# ------------------------------------------------------------------------------------------

HTML_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - 书山文档网</title>
<meta name="keywords" content="{title},{source},论文,文档下载">
<meta name="description" content="{description}">
<link rel="stylesheet" href="/assets/css/site.min.css?v=3.2.7">
<link rel="canonical" href="https://www.example.cn/p/{doc_no}.html">
<style>
body{{font:14px/1.7 "PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f6f6f6;}}
.page-wrap{{width:1180px;margin:0 auto;display:flex;gap:20px;}}
.doc-main{{flex:1;background:#fff;padding:24px 32px;}}
.doc-body p{{text-indent:0;margin:0 0 12px;}}
.badge-vip:after{{content:"会员专享";color:#c60;}}
</style>
<script>
window.DOC_META = {{id: {doc_no}, title: "{title}", source: "{source}", free: true}};
function askLogin(){{ alert("登录后即可下载全文"); return false; }}
</script>
</head>
<body>
<div class="topbar"><div class="inner"><span>欢迎来到书山文档网</span>
<a href="/login?next=/p/{doc_no}.html">登录</a> <a href="/register">免费注册</a> <a href="/vip">开通会员</a></div></div>
<header class="site-head">
<a class="logo" href="/"><img src="/assets/img/logo.png" alt="书山文档网"></a>
<nav class="main-nav"><ul>
<li><a href="/">首页</a></li><li><a href="/c/journal">期刊论文</a></li><li><a href="/c/thesis">学位论文</a></li>
<li><a href="/c/meeting">会议论文</a></li><li><a href="/c/report">研究报告</a></li><li><a href="/c/vip">会员专区</a></li>
</ul></nav>
<form class="site-search" action="/s" method="get"><input name="kw" placeholder="搜索文档、作者、期刊">
<button type="submit">搜索</button></form>
</header>
<div class="crumb"><a href="/">首页</a> &raquo; <a href="/c/journal">期刊论文</a> &raquo; <a href="/j/{doc_no}">{source}</a></div>
<div class="page-wrap">
<div class="doc-main">
<h1 class="doc-h1">{title}</h1>
<div class="doc-meta"><span class="m-src">来源 :<a href="/j/{doc_no}">{source}</a></span> | \
<span class="m-cite">被引量 : {citations}次</span> | <span class="m-user">上传用户:\
<a href="/u/{uploader}">{uploader}</a></span></div>
<div class="doc-get"><a class="btn-get" href="/get/{doc_no}" onclick="return askLogin();">{download}</a></div>
<div class="doc-notice">{disclaimer}</div>
<div class="promo"><a href="/promo/go?slot=top" rel="nofollow"><img src="/assets/ad/top.jpg" alt="推广"></a></div>
<div class="doc-tip">{label}</div>
<div class="doc-body">
"""

HTML_TAIL = """</div>
<div class="read-all"><a href="/get/{doc_no}" onclick="return askLogin();">下载全文阅读</a></div>
<div class="more-docs">
<h3 class="more-title">{other}</h3>
<ul>
{other_items}
</ul>
</div>
</div>
<aside class="side">
<div class="side-box"><h4>相关文档</h4><ul>
{related}
</ul></div>
<div class="side-box"><h4>本周热门</h4><ol>
<li><a href="/p/1001.html">如何写好一篇课程论文</a></li><li><a href="/p/1002.html">文献综述的基本格式</a></li>
<li><a href="/p/1003.html">开题报告常见问题汇总</a></li>
</ol></div>
</aside>
</div>
<footer class="site-foot">
<p><a href="/about">关于我们</a> | <a href="/help">帮助中心</a> | <a href="/copyright">版权投诉</a> | \
<a href="/contact">联系我们</a></p>
<p>Copyright &copy; 2015-2024 书山文档网 版权所有 京ICP备00000000号-1</p>
</footer>
<script src="/assets/js/site.min.js?v=3.2.7"></script>
<script>(function(){{var s=document.createElement("script");s.src="/stat.js?id={doc_no}";\
document.body.appendChild(s);}})();</script>
</body>
</html>
"""


def render_html(article: Article, doc_no: int, charset: str) -> str:
    """The article in the desktop layout above; paragraphs indented with ``&#12288;&#12288;``."""
    style = _style(article)
    title = style(article.title)
    fields = {
        "charset": charset,
        "title": title,
        "source": article.source,
        "citations": article.citations,
        "uploader": article.uploader,
        "doc_no": doc_no,
        "description": style(article.body[0][1])[:80] if article.body[0][0] == "p" else title,
        "download": DOWNLOAD,
        "disclaimer": DISCLAIMER,
        "label": LABEL,
        "other": OTHER,
    }
    return (
        HTML_HEAD.format(**fields)
        + _html_body(article)
        + HTML_TAIL.format(
            **fields,
            other_items="\n".join(
                f'<li><a href="/p/{doc_no + 7 * i + 1}.html">{t}</a><p>{style(a)[:255]}</p></li>'
                for i, (t, a) in enumerate(article.other_docs)
            ),
            related="\n".join(
                f'<li><a href="/p/{doc_no + 3 * i + 2}.html">{t}</a></li>'
                for i, (t, _) in enumerate(article.other_docs)
            ),
        )
    )


def _html_body(article: Article) -> str:
    style = _style(article)
    lines = []
    for kind, text in article.body:
        lines.append(f"<h2>{style(text)}</h2>" if kind == "h" else f"<p>&#12288;&#12288;{style(text)}</p>")
    lines[-1] = lines[-1].removesuffix("</p>") + article.end_mark + "</p>"
    lines.append(f'<p class="byline">&#12288;&#12288;({style(article.author)})</p>')
    lines.append(f'<p class="byline">&#12288;&#12288;(责任编辑:{article.editor})</p>')
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------
# Pages on disk
# ------------------------------------------------------------------------------------------


def page_bytes(index: int, pool: Pool) -> tuple[str, bytes]:
    """File name and bytes of page ``index``: even indices text, odd indices HTML."""
    article = make_article(index, pool)
    gb18030 = random.Random(-index - 1).random() < GB18030_SHARE
    encoding = "gb18030" if gb18030 else "utf-8"
    folder = f"{index // PAGES_PER_FOLDER:03d}"
    if index % 2 == 0:
        return f"{folder}/p{index:06d}.txt", render_text(article).encode(encoding)
    charset = _charset(article) if gb18030 else "utf-8"
    return f"{folder}/p{index:06d}.html", render_html(article, 100_000 + index, charset).encode(encoding)


def _charset(article: Article) -> str:
    """Declare ``gbk`` when the page fits GBK, else ``gb18030``, as such sites do."""
    try:
        render_text(article).encode("gbk")
    except UnicodeEncodeError:
        return "gb18030"
    return "gbk"


def write_corpus(directory: Path, n_pages: int) -> int:
    """Write pages 0..n_pages-1 under ``directory``; return the total bytes written."""
    pool = load_pool()
    total = 0
    for index in range(n_pages):
        name, data = page_bytes(index, pool)
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    return total
