"""Patterns and phrase lists of the document-sharing site template, kept as named data.

Matching runs on a *match key* of each line (see ``boilerplate.match_key``): traditional characters
folded to simplified, full-width forms folded to ASCII (NFKC) and whitespace removed. So one
simplified, ASCII-punctuated pattern here recognises ``来源 :X``, ``來源：X`` and ``来源 : X`` alike.
"""

from __future__ import annotations

import re

# --- text pages -----------------------------------------------------------------------------
INDENT_CHARS = frozenset(" \t\u3000\u00a0")
# Two paragraphs glued on one line: a sentence end, optional closing quote, then 2+ spaces.
JOIN_SPACES = " \t\u3000\u00a0"
SPACE_PAIR = re.compile(f"[{JOIN_SPACES}]{{2}}")
MERGED_PARAGRAPH_JOIN = re.compile(rf"(?:(?<=[。！？!?])|(?<=[。！？!?][”’」』\"]))[{JOIN_SPACES}]{{2,}}")
HTML_REMNANT_TAG = re.compile(r"</?(?:p|br|div|span|strong|b|em|i|u|font|section)\b[^<>]{0,200}?/?>", re.I)
# Markdown that scrapers for language-model corpora (reader APIs, crawlers) leave in text dumps.
MARKDOWN_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.+?)(?:[ \t]+#+)?[ \t]*$")
MARKDOWN_BOLD_LINE = re.compile(r"^[ \t]*(?P<mark>\*\*|__)(?P<text>[^*_\n]+?)(?P=mark)[ \t]*$")
MARKDOWN_BOLD = re.compile(r"\*\*(?=\S)(?P<text>[^*\n]+?)(?<=\S)\*\*")
MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*\)")
MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?:https?://|www\.|/|\.{1,2}/|#)[^)\s]*\)")
MARKDOWN_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$")
HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")

# --- site header: 来源 :X | 被引量 : N次 | 上传用户:U (match key: no spaces, ASCII colon/bar) ----
# Header fields match a *spaced* key (single spaces kept) so that values keep their inner spaces.
HEADER_FIELD_SOURCE = re.compile(r"来\s?源\s?:\s?(?P<value>[^|]*?)\s?")
CITATIONS_KEY = r"被引(?:量|次数|用量)?"
UPLOADER_KEY = r"上传(?:用户|者|人)"
HEADER_FIELD_CITATIONS = re.compile(rf"{CITATIONS_KEY}\s?:\s?(?P<value>\d+)\s?次?")
HEADER_FIELD_UPLOADER = re.compile(rf"{UPLOADER_KEY}\s?:\s?(?P<value>[^|]*?)\s?")
HEADER_FIELDS = (HEADER_FIELD_SOURCE, HEADER_FIELD_CITATIONS, HEADER_FIELD_UPLOADER)
# Keys of the "key:value" fields sites print around a document: 浏览次数：123 | 上传时间：2021-05-06.
SITE_INFO_KEY = (
    r"(?:上传|发布|发表|更新|收录)(?:时间|日期)"
    r"|(?:浏览|阅读|下载|点击|收藏|评论|分享|点赞)(?:次数|量|数)?"
    r"|(?:文档|文件)?(?:页数|大小|格式|类型)|字数|(?:下载|所需)?积分|贡献者|分类"
)
# Every header line holds one of these: lines without them skip the field split.
HEADER_KEY_HINT = re.compile(r"来\s?源|被引|上传")
# A label whose value the page put in the next element: <dt>来源：</dt><dd>党建</dd>.
FIELD_LABEL = re.compile(rf"^(?:来源|{CITATIONS_KEY}|{UPLOADER_KEY}|{SITE_INFO_KEY}):$")
MAX_FIELD_VALUE_CHARS = 40
# Fields are separated by bars, or only by spaces or nothing when the page set each field in its
# own element (<span>来源：X</span><span>被引量：2次</span>): a known key and a colon start a field.
HEADER_SEPARATOR = re.compile(
    rf"\s*[|｜丨]\s*|\s+(?=来\s?源\s?:)|\s*(?=(?:{CITATIONS_KEY}|{UPLOADER_KEY}|{SITE_INFO_KEY})\s?:)"
)

# --- lines removed whole (match keys) ----------------------------------------------------------
DOWNLOAD_PROMPTS = (
    re.compile(r"^下载到本地,?更方便阅读[!。]?$"),
    re.compile(
        r"^(?:立即|免费|点击)*下载(?:此|本|该)?(?:本文|全文|文档|文章|论文|pdf|word)?(?:到本地)?[!。]?$", re.I
    ),
    re.compile(r"^(?:文档|全文|论文|pdf)下载$", re.I),
)
DISCLAIMERS = (
    re.compile(r"^(?:免责|版权)?声明:.*(?:版权|侵权|下架|授权|删除)"),
    # The same notice without its label: 本文档内容版权归属内容提供方… / 本文版权归原作者所有…
    re.compile(
        r"^本(?:文档|文|站|资料)(?:内容)?(?:的)?版权归(?:属)?(?:内容提供方|原作者|作者|上传者|原出处)"
    ),
)
READING_LABELS = (
    re.compile(r"^(?:论文|文档|文章)?部分内容阅读$"),
    re.compile(r"^(?:点击)?(?:展开|查看|继续)?阅读全文>*$"),
    re.compile(r"^(?:继续阅读|查看全文)>*$"),
)
# The list of unrelated documents' abstracts after the body, under this site's label or its kin.
# ("参考文献", the document's own references, is not one of them.)
OTHER_DOCS_LABELS = (
    re.compile(r"^其他文献:?$"),
    re.compile(r"^(?:相关|相似|推荐|热门)(?:文献|文档|论文|文章)(?:推荐)?:?$"),
    re.compile(r"^(?:相关推荐|猜你喜欢|为你推荐):?$"),
)

MAX_LABEL_CHARS = 24  # the longest label above, with spaces and a colon, is far shorter

# --- page furniture around the template: counters, upload dates, buttons, paging (spaced keys) ---
SITE_INFO_FIELD = re.compile(rf"(?:{SITE_INFO_KEY})\s?:\s?[^\s|｜丨【\[]{{1,30}}")
# A counter alone makes a line furniture; a lone date line may be the document's own.
SITE_COUNTER_FIELD = re.compile(
    r"(?:浏览|阅读|下载|点击|收藏|评论|点赞)(?:次数|量|数)?\s?:\s?\d[\d,.]*\s?[万千]?次?"
)
# Buttons: 【打印】【关闭窗口】[加入收藏]; a bracketed word outside this vocabulary (【摘要】) is text.
SITE_BUTTON = re.compile(
    r"[【\[](?:打印|关闭|收藏|举报|分享|纠错|返回|顶部|下载|评论|本页|窗口|加入|复制|链接|字号|大|中|小)+[】\]]"
)
# Site navigation printed as plain text (footers of text dumps): two or more make a line furniture.
SITE_NAV_WORD = re.compile(
    r"关于我们|联系我们|联系方式|网站地图|友情链接|隐私政策|用户协议|服务条款|帮助中心|意见反馈|投诉建议"
    r"|广告服务|加入我们|设为首页|返回首页|返回顶部|首页"
)
SITE_FONT_SIZE = re.compile(r"字号\s?:?\s?[【\[]?大[】\]]?\s?[【\[]?中[】\]]?\s?[【\[]?小[】\]]?")
SITE_INFO_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
SITE_INFO_SEPARATOR = re.compile(r"[\s|｜丨]+")
# Links to the neighbouring documents, printed as text in dumps: 上一篇：… / 下一篇：…
SITE_PAGING = re.compile(r"^(?:上一篇|下一篇|上篇|下篇|上一页|下一页)(?::|$)")
# Pagers: 上一页 1 2 3 … 下一页 / 首页 尾页 / 共5页 — page links and numbers, nothing else.
SITE_PAGER = re.compile(
    r"^(?=.*(?:上一页|下一页|首页|尾页|末页|共\d+页))"
    r"(?:(?:上一页|下一页|首页|尾页|末页|共\d+页|第\d+页|\d+|\.\.\.|…|[<>«»]+)\s?){2,}$"
)
# Breadcrumbs: 当前位置：首页 > 论文 > 社会 — three or more short steps, no sentence inside.
SITE_BREADCRUMB = re.compile(r"^(?:当前位置:\s?)?(?:[^>›»。；;，,]{1,20}\s?[>›»]\s?){2,}[^>›»。；;]{1,60}$")

# --- bylines after the body ------------------------------------------------------------------
# The match key keeps brackets as ASCII "(" ")" because NFKC folds （） to them.
BYLINE_AUTHOR = re.compile(r"^\((?P<value>作者(?:系|单位|简介|:|是|为).*)\)$")
BYLINE_EDITOR = re.compile(r"^\(?(?:责任编辑|责编|编辑):(?P<value>[^()]+)\)?$")

# --- end marks on the last paragraph ------------------------------------------------------------
END_MARKS = "●■◆▲◼◾★"
TRAILING_END_MARK = re.compile(rf"\s*[{END_MARKS}]+\s*$")

MAX_TITLE_CHARS = 100  # a line promoted to title when the first line was site text

# --- headings ------------------------------------------------------------------------------
MAX_HEADING_CHARS = 40
# 第一章 / 第3节, 一、, （一）/(1), 1. / 1 / 2.1 / 2.1.3, I. — then the heading text.
NUMBERED_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[章节篇部分条讲]"
    r"|[一二三四五六七八九十]+[、.．]"
    r"|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}(?:\.\d{1,2}){0,3}[.、．]?\s?(?=[^\d\s.．%％])"
    r"|[IVX]{1,4}[.、．])"
)
# A line ending like this is a sentence or a lead-in, not a heading (questions may be headings).
NOT_HEADING_END = re.compile(r"[。；;…，,：:、]\s*[”’」』\"')）]?$")

# --- HTML chrome recognised by text (match keys) ------------------------------------------
SITE_CHROME_LINES = (
    re.compile(r"copyright|allrightsreserved|版权所有|icp备|icp证|公网安备", re.I),
    re.compile(r"^(?:广告|advertisement|ad|展开|收起|返回顶部|分享到|更多>*|查看更多>*)$", re.I),
)
# Tags whose content is never document text. <form> is not one: ASP.NET pages wrap the whole body
# in a form; a search form's own controls (input, button, select) go anyway.
HTML_DROP_TAGS = frozenset(
    "script style noscript template iframe svg head nav header footer button input select "
    "textarea img object embed canvas video audio map".split()
)
# Sidebars: never body text, but a 其他文献 list inside one is still found, removed and counted.
HTML_SIDEBAR_TAGS = frozenset({"aside"})
HTML_BLOCK_TAGS = frozenset(
    "p div li td th h1 h2 h3 h4 h5 h6 section article main aside blockquote dd dt pre ul ol dl table tr "
    "tbody body html center figure figcaption".split()
)
HTML_HEADING_TAGS = frozenset("h2 h3 h4 h5 h6".split())
HTML_BOLD_TAGS = frozenset("b strong".split())
HTML_ARTICLE_TAGS = frozenset("article main".split())
HTML_ARTICLE_PARTS = frozenset("header footer".split())
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
# A line whose text is mostly link text is navigation, a link list or a button.
MAX_LINK_SHARE = 0.5
# "题目 - 站名", "题目_栏目_站名", "题目|站名". A dash needs a space beside it: 2020-2021学年 is one word.
# "——" introduces a subtitle, never a site name.
TITLE_SITE_SUFFIX = re.compile(r"(?:\s*[_|｜]\s*|\s+[-–—]\s*|(?<![-–—])\s*[-–—]\s+)[^-_|｜–—]{1,40}$")
