#!/usr/bin/env python3
# ruff: noqa: E501  (one Chinese sentence per string literal reads better than split strings)
"""Write the hand-made golden pages (``pages/``) and their truth JSON (``truth/``).

Every article text, heading and abstract below was written for this project (no text from
any real paper or from the dev corpus). The page template (header lines, disclaimer, labels,
byline brackets, the ``其他文献`` tail) imitates the real scraped seed page.

Each page is described once, as the CLEAN text (= the truth) plus how it is rendered on the
page: ASCII punctuation (``hw``), literal traditional text, injected invisible characters,
HTML remnants, indentation, merged lines, end marks, encodings. The truth is therefore the
clean text exactly as written here; the page bytes are derived from it.

Run from anywhere (standard library only; output is deterministic):

    python tests/golden/make_pages.py

Rendering rules (the txt-seed template of the real page):

    <title>
    (blank)
    来源 :<source> | 被引量 : <n>次 | 上传用户:<uploader>
    下载到本地 , 更方便阅读
    声明 : 本文档内容版权归属内容提供方 , ...
    论文部分内容阅读
      <paragraph>                 (indented; no blank line before the first)
    (blank)
    <heading>                     (not indented; one blank line before, two after)
    (blank)
    (blank)
      <paragraph>
      <last paragraph><end mark>
      (<author note>)
      (责任编辑:<name>)
    其他文献
    <abstract, one per line, cut at 255 characters>   (no newline at end of file)
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
TRUTH = HERE / "truth"

# --------------------------------------------------------------------------------------------
# Site template text (the site's own wording, simplified and traditional)
# --------------------------------------------------------------------------------------------

DOWNLOAD_S = "下载到本地 , 更方便阅读"
DISCLAIMER_S = "声明 : 本文档内容版权归属内容提供方 , 如果您对本文有版权争议 , 可与客服联系进行内容授权或下架"
LABEL_S = "论文部分内容阅读"
OTHER_S = "其他文献"

DOWNLOAD_T = "下載到本地 , 更方便閱讀"
DISCLAIMER_T = "聲明 : 本文檔內容版權歸屬內容提供方 , 如果您對本文有版權爭議 , 可與客服聯繫進行內容授權或下架"
LABEL_T = "論文部分內容閱讀"
OTHER_T = "其他文獻"


def meta_s(source: str, n: int, uploader: str) -> str:
    return f"来源 :{source} | 被引量 : {n}次 | 上传用户:{uploader}"


def meta_t(source: str, n: int, uploader: str) -> str:
    return f"來源 :{source} | 被引量 : {n}次 | 上傳用戶:{uploader}"


_HALF = str.maketrans("，：；？！（）", ",:;?!()")


def hw(text: str) -> str:
    """Render ，：；？！（） as ASCII, as the real site does (。、“”《》—… stay full width)."""
    return text.translate(_HALF)


def plain(text: str) -> str:
    return text


# --------------------------------------------------------------------------------------------
# Page model
# --------------------------------------------------------------------------------------------


@dataclass
class H:
    """A heading. ``text`` is the clean truth; ``raw`` (optional) is what the page shows."""

    text: str
    raw: str | None = None


@dataclass
class P:
    """A paragraph: line = indent + wrap.format(style(raw or text))."""

    text: str
    raw: str | None = None
    indent: str = "  "
    wrap: str = "{}"


@dataclass
class Merged:
    """Two paragraphs of one section on one line, joined by three spaces."""

    first: P
    second: P


@dataclass
class Page:
    name: str
    title: str
    body: list
    header: list[str]  # header lines as shown (any may be absent)
    source_name: str | None = None
    citation_count: int | None = None
    uploader: str | None = None
    title_raw: str | None = None
    style: object = plain  # hw for pages with ASCII punctuation
    end_mark: str = ""
    bylines: list[str] = field(default_factory=list)  # lines as shown
    author_note: str | None = None
    editor: str | None = None
    other_label: str = OTHER_S
    other_docs: list[str] = field(default_factory=list)  # abstracts as shown
    encoding: str = "utf-8"
    bom: bool = False
    crlf: bool = False
    expect: str = "document"
    reject_reason: str | None = None
    quirks: list[str] = field(default_factory=list)


def _para_line(p: P, style) -> str:
    return p.indent + p.wrap.format(style(p.raw if p.raw is not None else p.text))


def render(page: Page) -> bytes:
    style = page.style
    lines = [style(page.title_raw if page.title_raw is not None else page.title), ""]
    lines += page.header
    for item in page.body:
        if isinstance(item, H):
            lines += ["", style(item.raw if item.raw is not None else item.text), "", ""]
        elif isinstance(item, Merged):
            first = _para_line(item.first, style)
            second = item.second.wrap.format(
                style(item.second.raw if item.second.raw is not None else item.second.text)
            )
            lines.append(first + "   " + second)
        else:
            lines.append(_para_line(item, style))
    if page.end_mark:
        assert not isinstance(page.body[-1], H)
        lines[-1] += page.end_mark
    lines += page.bylines
    if page.other_docs:
        lines.append(page.other_label)
        lines += page.other_docs
    text = "\n".join(lines)  # no newline at the end of the file, like the real page
    if page.crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(page.encoding)
    if page.bom:
        data = b"\xef\xbb\xbf" + data
    return data


def sections(page: Page) -> list[dict]:
    out: list[dict] = []
    for item in page.body:
        if isinstance(item, H):
            out.append({"heading": item.text, "paragraphs": []})
            continue
        if not out:
            out.append({"heading": None, "paragraphs": []})
        if isinstance(item, Merged):
            out[-1]["paragraphs"] += [item.first.text, item.second.text]
        else:
            out[-1]["paragraphs"].append(item.text)
    return out


def truth(page: Page) -> dict:
    boilerplate = list(page.header)
    if page.other_docs:
        boilerplate.append(page.other_label)
    return {
        "page": f"pages/{page.name}.txt",
        "kind": "txt",
        "layout": "txt-seed",
        "encoding": page.encoding,
        "expect": page.expect,
        "reject_reason": page.reject_reason,
        "title": page.title,
        "source_name": page.source_name,
        "citation_count": page.citation_count,
        "uploader": page.uploader,
        "author_note": page.author_note,
        "editor": page.editor,
        "sections": sections(page) if page.expect == "document" else [],
        "other_docs": list(page.other_docs),
        "boilerplate": boilerplate,
        "quirks": sorted(page.quirks),
        "page_id": page.name,
        "article_id": None,
        "origin": "handwritten",
    }


def null_truth(name: str, reason: str) -> dict:
    return {
        "page": f"pages/{name}.txt",
        "kind": "txt",
        "layout": None,
        "encoding": None,
        "expect": "reject",
        "reject_reason": reason,
        "title": None,
        "source_name": None,
        "citation_count": None,
        "uploader": None,
        "author_note": None,
        "editor": None,
        "sections": [],
        "other_docs": [],
        "boilerplate": [],
        "quirks": [],
        "page_id": name,
        "article_id": None,
        "origin": "handwritten",
    }


# --------------------------------------------------------------------------------------------
# Abstracts of "other documents" (clean simplified; rendered per page)
# --------------------------------------------------------------------------------------------

A1 = "本文基于对两个城市公共自行车系统的跟踪调查，比较了站点密度、收费方式与使用频率之间的关系，发现站点间距在300米以内时，短途出行的替代效果最为明显。"
A2 = "针对农村留守老人的用餐困难，研究梳理了“邻里互助点”的运行方式（刘洋，2020），指出互助点规模小、成本低，但对组织者个人的依赖较强，需要制度化的支持。"
A3 = "城市绿道的使用者以中老年人为主。问卷结果显示：早晨6:00至8:00是使用高峰；多数受访者希望增加遮阳设施和饮水点，并延长夜间照明时间。"
A4 = "本研究以长江中游某湖泊为对象，分析了近二十年水生植物群落的变化。结果表明，围网养殖拆除后，沉水植物覆盖度逐步恢复，水体透明度明显提高。"
A5 = "家庭医生签约服务在基层推行多年，但居民的实际使用率不高。通过对六个社区的访谈，本文发现签约后缺乏后续联系是主要原因，并提出建立定期随访制度的建议。"
A6 = "随着直播带货兴起，农产品销售渠道发生了明显变化。文章结合三个县的案例，讨论了小农户参与电商所面临的物流、品控和售后问题。"
A7 = "针对中小学课后服务供给不足的问题，本文梳理了学校自主开展、引入第三方机构和家校合作三种模式的优缺点，认为应根据学校条件灵活选择。"
A8 = "地下水超采可能引发地面沉降等问题。研究利用卫星重力数据，估算了某平原区十年间的地下水储量变化，并评估了调水工程实施后的回补效果。"
A9_FULL = (
    "城市内涝是许多城市在汛期面临的突出问题。传统的排水系统以“快排”为主，依靠管网尽快把雨水排出城市，"
    "但在极端降雨条件下，管网能力往往不足。近年来，海绵城市理念强调“渗、滞、蓄、净、用、排”相结合，"
    "通过透水铺装、下沉式绿地、雨水花园和调蓄池等设施，让雨水在源头得到消纳。本文以南方某市的三个试点片区为例，"
    "采用现场监测与模型模拟相结合的方法，评估了各类设施在不同降雨强度下的径流削减效果，并分析了建设成本与维护难度。"
    "结果表明，源头设施对中小降雨的控制效果显著，而应对极端降雨仍需与管网改造和河道整治协同推进。"
    "文章最后就规划衔接、运维资金和公众参与三个方面提出了建议，并讨论了研究的不足与今后的方向。"
)
A9 = A9_FULL[:255]  # the site cuts abstracts at 255 characters
A10 = "古籍修复人才短缺的问题由来已久。本文介绍了某图书馆“师带徒”培养模式的做法，认为实践经验的传承比课堂教学更为关键。"
A11 = "本文比较了不同烹调方式对蔬菜中维生素C含量的影响，发现快炒和蒸制的保留率高于长时间炖煮。"
A12 = "社区体育设施“最后一公里”问题日益受到关注。调查显示，居民最希望在步行十分钟范围内找到健身场地，而现有设施多集中在大型公园。"

# Traditional renderings (Taiwan standard for the Big5 page, OpenCC standard for the UTF-8 one)
A4_TW = "本研究以長江中游某湖泊為對象，分析了近二十年水生植物群落的變化。結果表明，圍網養殖拆除後，沉水植物覆蓋度逐步恢復，水體透明度明顯提高。"
A5_TW = "家庭醫生簽約服務在基層推行多年，但居民的實際使用率不高。通過對六個社區的訪談，本文發現簽約後缺乏後續聯繫是主要原因，並提出建立定期隨訪制度的建議。"
A12_TW = "社區體育設施“最後一公里”問題日益受到關注。調查顯示，居民最希望在步行十分鐘範圍內找到健身場地，而現有設施多集中在大型公園。"
A6_T = "隨着直播帶貨興起，農產品銷售渠道發生了明顯變化。文章結合三個縣的案例，討論了小農戶參與電商所面臨的物流、品控和售後問題。"
A10_T = "古籍修復人才短缺的問題由來已久。本文介紹了某圖書館“師帶徒”培養模式的做法，認爲實踐經驗的傳承比課堂教學更爲關鍵。"
A11_T = "本文比較了不同烹調方式對蔬菜中維生素C含量的影響，發現快炒和蒸制的保留率高於長時間燉煮。"

STD_S = [DOWNLOAD_S, DISCLAIMER_S, LABEL_S]
STD_T = [DOWNLOAD_T, DISCLAIMER_T, LABEL_T]

# --------------------------------------------------------------------------------------------
# The pages
# --------------------------------------------------------------------------------------------

PAGES_SPEC: list[Page] = []

# g01: ASCII punctuation everywhere, with ASCII that must stay ASCII -------------------------
PAGES_SPEC.append(
    Page(
        name="g01-halfwidth-ascii",
        style=hw,
        title="社区食堂能否走得长远？来自三个街道的观察",
        header=[meta_s("城市与社会(双月刊)", 0, "lin_qiao88"), *STD_S],
        source_name="城市与社会（双月刊）",
        citation_count=0,
        uploader="lin_qiao88",
        body=[
            P(
                "近年来，不少城市在老旧小区里开办社区食堂，为老年人提供价格适中的午餐和晚餐。食堂开起来并不难，难的是开下去：房租、人工和食材成本每个月都要支付，而就餐人数却随季节起伏。"
            ),
            H("一、账本：每一分钱花在哪里"),
            P(
                "以东湖街道的食堂为例，每天中午供应约300份餐食，开放时间为10:30至13:00。街道每月补贴1,500元水电费，其余开支主要依靠餐费收入。负责人坦言：“没有补贴，账面上几乎没有结余；有了补贴，也只是勉强持平。”"
            ),
            P(
                "食堂的收支明细可以在 https://www.example.org.cn/canteen?month=2023-05 查询，居民能看到每月的采购清单。一位退休教师说，公开透明比任何宣传都管用！"
            ),
            H("二、经验：规模小一点，合作多一点"),
            P(
                "研究者把这种做法称为“嵌入式供餐”（Smith, 2019），强调食堂要嵌入社区已有的关系网络，而不是孤立经营。一位来访的外国学者被问到这种模式能否复制时，回答是 in other words, yes，但前提是要有稳定的志愿者队伍。"
            ),
            Merged(
                P(
                    "三个街道的做法各不相同。东湖街道与附近中学合作，由学校厨房统一加工；西城街道引入社会企业，按成本价经营。"
                ),
                P(
                    "南苑街道把食堂设在社区卫生服务站旁边，老人吃完饭可以顺便量血压。来吃饭的人多了，小病拖成大病的情况会不会因此减少？这还需要更长时间的数据来回答。"
                ),
            ),
            P(
                "总的来看，社区食堂能否持续，取决于成本能否分担、服务能否延伸、居民是否愿意参与；三者缺一不可。"
            ),
        ],
        end_mark="●",
        bylines=["  (作者系某市民政研究中心研究员)", "  (责任编辑:周雨桐)"],
        author_note="作者系某市民政研究中心研究员",
        editor="周雨桐",
        other_docs=[hw(A1), hw(A2), hw(A3)],
        quirks=[
            "halfwidth_punct",
            "ascii_kept",
            "merged_paragraphs",
            "numbered_headings",
            "end_mark",
            "page_editor",
        ],
    )
)

# g02: stray traditional characters in a simplified page; 乾 words that must survive ---------
PAGES_SPEC.append(
    Page(
        name="g02-stray-traditional",
        title="数字化让老建筑“开口说话”",
        header=[meta_s("文博天地", 0, "museum_fan"), *STD_S],
        source_name="文博天地",
        citation_count=0,
        uploader="museum_fan",
        body=[
            P(
                "从北京故宫的乾清宫，到吉林省乾安县的乡村文化馆，再到各地与乾隆年间有关的古建筑，越来越多的文物保护单位开始尝试用数字技术记录和展示自己。"
            ),
            H("（一）先把家底摸清楚"),
            P(
                "数字化的第一步是测绘。工作人员用三维扫描仪逐一采集梁柱、彩画和地面砖石的数据，一座中等规模的殿堂往往需要几周时间。只有先确认每一处构件的位置和现状，后续的修缮与展示才有依据。",
                raw="数字化的第一步是测绘。工作人员用三维扫描仪逐一采集梁柱、彩画和地面砖石的数据，一座中等规模的殿堂往往需要几周时间。只有先確认每一处构件的位置和现状，后续的修缮与展示才有依据。",
            ),
            Merged(
                P(
                    "扫描得到的原始数据动辄数百GB，存储、备份和日常维护本身就是一笔不小的开支，小单位往往难以独立承担。"
                ),
                P(
                    "为此，不少单位与高校合作，由高校提供计算资源，文物单位提供场景和需求，双方共同制定数据标准。",
                    raw="为此，不少单位与高校合作，由高校提供計算资源，文物单位提供场景和需求，双方共同制定数据标准。",
                ),
            ),
            H("（二）再让观众走进来"),
            P(
                "数据整理好之后，就可以用来做线上展览。观众在手机上就能“走进”平时不开放的偏殿，放大查看藻井的纹样，还能听讲解员介绍乾隆时期的修缮经过。",
                raw="数据整理好之後，就可以用来做线上展览。观众在手机上就能“走进”平时不开放的偏殿，放大查看藻井的纹样，还能听讲解员介绍乾隆时期的修缮经过。",
            ),
            P(
                "也有人担心，线上参观会不会让人不再愿意去现场。几家博物馆的统计显示，线上展览推出后，实地参观人数并没有减少，反而有所增加。",
                raw="也有人担心，线上参观会不会讓人不再愿意去现场。几家博物馆的统计显示，线上展览推出后，实地参观人数并没有减少，反而有所增加。",
            ),
            P(
                "数字化不是终点。如何让数据持续更新，让更多基层文化馆也用得起这些技术，是下一阶段需要回答的问题。"
            ),
        ],
        bylines=["  (作者单位:某省文物保护研究所)"],
        author_note="作者单位：某省文物保护研究所",
        other_docs=[A4, A5, A10, A12],
        quirks=["trad_words", "trad_lookalike_simplified", "merged_paragraphs", "numbered_headings"],
    )
)

# g03: whole page traditional (Taiwan standard), Big5 bytes, ASCII punctuation ---------------
PAGES_SPEC.append(
    Page(
        name="g03-big5-traditional",
        encoding="big5",
        style=hw,
        title="城市行道树对夏季街道降温的作用",
        title_raw="城市行道樹對夏季街道降溫的作用",
        header=[meta_t("環境科學研究院", 27, "青山在"), *STD_T],
        source_name="环境科学研究院",
        citation_count=27,
        uploader="青山在",
        body=[
            P(
                "夏季高温已经成为许多城市面临的共同问题。与建设大型公园相比，在街道两侧种植行道树投入较少、见效较快，因此受到规划部门的重视。",
                raw="夏季高溫已經成為許多城市面臨的共同問題。與建設大型公園相比，在街道兩側種植行道樹投入較少、見效較快，因此受到規劃部門的重視。",
            ),
            H("1 观测方法", raw="1 觀測方法"),
            P(
                "研究团队在同一条街道上选取了有树荫和无树荫的两段路面，从早上8点到晚上8点，每隔一小时记录一次地表温度和气温。观测持续了整个七月。",
                raw="研究團隊在同一條街道上選取了有樹蔭和無樹蔭的兩段路面，從早上8點到晚上8點，每隔一小時記錄一次地表溫度和氣溫。觀測持續了整個七月。",
            ),
            H("2 主要发现", raw="2 主要發現"),
            Merged(
                P(
                    "结果显示，午后两点前后，树荫下的路面温度比暴晒路面低十度以上，行人高度处的气温也低两到三度。树冠越完整，降温效果越明显。",
                    raw="結果顯示，午後兩點前後，樹蔭下的路面溫度比暴曬路面低十度以上，行人高度處的氣溫也低兩到三度。樹冠越完整，降溫效果越明顯。",
                ),
                P(
                    "不过，树种的选择同样重要。有些树种落叶较早，到了八月树冠已经稀疏，降温作用也随之减弱。",
                    raw="不過，樹種的選擇同樣重要。有些樹種落葉較早，到了八月樹冠已經稀疏，降溫作用也隨之減弱。",
                ),
            ),
            H("3 建议", raw="3 建議"),
            P(
                "研究者建议，新建道路应预留足够的种植空间，老旧街道可以优先补种缺株，并定期修剪和浇灌，让每一棵树都能长成完整的树冠。",
                raw="研究者建議，新建道路應預留足夠的種植空間，老舊街道可以優先補種缺株，並定期修剪和澆灌，讓每一棵樹都能長成完整的樹冠。",
            ),
        ],
        bylines=["  (作者單位:某大學地理科學學院)", "  (責任編輯:林青)"],
        author_note="作者单位：某大学地理科学学院",
        editor="林青",
        other_label=OTHER_T,
        other_docs=[hw(A4_TW), hw(A5_TW), hw(A12_TW)],
        quirks=[
            "big5",
            "trad_page",
            "halfwidth_punct",
            "citation_nonzero",
            "merged_paragraphs",
            "numbered_headings",
            "uploader_chinese",
            "page_editor",
        ],
    )
)

# g04: whole page traditional in UTF-8, CRLF, full-width digits/letters, body starts with heading
PAGES_SPEC.append(
    Page(
        name="g04-traditional-utf8-crlf",
        crlf=True,
        title="青少年睡眠不足的成因与对策",
        title_raw="青少年睡眠不足的成因與對策",
        header=[meta_t("健康教育研究", 5, "a20231108"), *STD_T],
        source_name="健康教育研究",
        citation_count=5,
        uploader="a20231108",
        body=[
            H("（一）问题有多普遍", raw="（一）問題有多普遍"),
            P(
                "一项覆盖20所中学的问卷调查显示，超过一半的学生在上学日的睡眠时间不足8小时，高年级学生的情况更为突出。",
                raw="一項覆蓋２０所中學的問卷調查顯示，超過一半的學生在上學日的睡眠時間不足８小時，高年級學生的情況更爲突出。",
            ),
            P(
                "睡眠不足的影响并不只是上课犯困。研究发现，长期缺觉的学生更容易出现情绪波动，注意力和记忆力也会下降。",
                raw="睡眠不足的影響並不只是上課犯困。研究發現，長期缺覺的學生更容易出現情緒波動，注意力和記憶力也會下降。",
            ),
            H("（二）原因在哪里", raw="（二）原因在哪裏"),
            P(
                "作业负担重是原因之一，但不是全部。很多学生睡前长时间使用手机，屏幕光线推迟了困意的到来；还有一些学校要求学生早上7点前到校，进一步压缩了睡眠时间。",
                raw="作業負擔重是原因之一，但不是全部。很多學生睡前長時間使用手機，屏幕光線推遲了睏意的到來；還有一些學校要求學生早上７點前到校，進一步壓縮了睡眠時間。",
            ),
            P(
                "在参与试点的A、B、C三所学校中，到校时间推迟了半小时，晚自习后统一收取电子设备。一个学期后，学生自评的白天精神状态明显改善。",
                raw="在參與試點的Ａ、Ｂ、Ｃ三所學校中，到校時間推遲了半小時，晚自習後統一收取電子設備。一個學期後，學生自評的白天精神狀態明顯改善。",
            ),
            H("（三）家庭能做什么", raw="（三）家庭能做什麼"),
            P(
                "家长可以和孩子一起约定固定的作息时间，周末也尽量不要相差太多。睡前一小时放下手机，换成阅读或聊天，是简单而有效的办法。",
                raw="家長可以和孩子一起約定固定的作息時間，週末也儘量不要相差太多。睡前一小時放下手機，換成閱讀或聊天，是簡單而有效的辦法。",
            ),
        ],
        end_mark="■",
        bylines=["  （作者單位：某師範大學教育學院）", "  （責任編輯：許文）"],
        author_note="作者单位：某师范大学教育学院",
        editor="许文",
        other_label=OTHER_T,
        other_docs=[A6_T, A10_T, A11_T],
        quirks=[
            "trad_page",
            "crlf",
            "fullwidth_alnum",
            "citation_nonzero",
            "numbered_headings",
            "end_mark",
            "body_starts_with_heading",
            "page_editor",
        ],
    )
)

# g05: BOM, zero-width and control characters, U+3000 indentation, no bylines, no 其他文献 ------
IDEO = "\u3000\u3000"
PAGES_SPEC.append(
    Page(
        name="g05-invisible-chars-bom",
        bom=True,
        title="校园雨水收集利用的实践与思考",
        header=[meta_s("给水排水动态", 0, "yu_shui"), *STD_S],
        source_name="给水排水动态",
        citation_count=0,
        uploader="yu_shui",
        body=[
            P(
                "许多学校的屋顶面积很大，一场中雨就能汇集可观的雨量。过去这些雨水大多直接排入管网，既浪费了水资源，也加重了暴雨时的排水压力。",
                raw="许多学校的屋顶面积很大，一场中雨就能汇集可观的雨量。过去这些雨水大多直接排入管网，既浪费了水资\u200b源，也加重了暴雨时的排水压力。",
                indent=IDEO,
            ),
            H("一、收集系统并不复杂"),
            P(
                "一套基本的收集系统包括屋面集水、初期弃流、过滤和储水四个环节。初期弃流装置会把最先流下、杂质较多的雨水排走，其余雨水经过过滤后进入地下储水池。",
                raw="一套基本的收集系统包括屋面集水、初期\u200c弃流、过滤和储水四个环节。初期弃流装置会把最先流下、杂质较多的雨水排走，其余雨水经过过滤\u2060后进入地下储水池。",
                indent=IDEO,
            ),
            P(
                "某中学在改造中建设了一个容积为50立方米的储水池，总投资不到十万元。按当地的年降雨量估算，每年可以节约自来水数百吨。",
                raw="某中学在改造中建设了一个容积为50立方米的储水池\x07，总投资不到十万\ufeff元。按当地的年降雨量估算，每年可以节约自来水数百吨。",
                indent=IDEO,
            ),
            H("二、用途要因地制宜"),
            P(
                "收集来的雨水主要用于浇灌绿地、冲洗操场和补充景观水池，不宜直接饮用。学校还把储水池的水位变化做成展板，请学生记录每次降雨后的水量。",
                raw="收集来的雨水主要用于浇灌绿地、冲洗\u200d操场和补充景观水池，不宜直接饮用。学校还把储水池的水位变化做成展板，请学生记录每次降雨后的水量。",
                indent=IDEO,
            ),
            P("这个小小的系统也成了一堂生动的科学课。", indent=IDEO),
        ],
        end_mark="◆",
        quirks=[
            "bom",
            "zero_width",
            "control_char",
            "indent_ideographic",
            "numbered_headings",
            "end_mark",
            "no_byline",
            "no_other_docs",
            "short_paragraph",
        ],
    )
)

# g06: GB18030 bytes, HTML remnants, no disclaimer line, ASCII punctuation -------------------
NBSP_ENT = "&nbsp;&nbsp;"
PAGES_SPEC.append(
    Page(
        name="g06-gb18030-html-remnants",
        encoding="gb18030",
        style=hw,
        title="居民垃圾分类习惯是怎样养成的",
        header=[meta_s("环境经济", 8, "绿色小屋"), DOWNLOAD_S, LABEL_S],
        source_name="环境经济",
        citation_count=8,
        uploader="绿色小屋",
        body=[
            P(
                "垃圾分类推行之初，很多居民觉得麻烦，投放点前常常出现混投现象。几年过去，一些小区的分类准确率已经超过九成。变化是怎样发生的？",
                indent=NBSP_ENT,
            ),
            H("1. 定时定点带来的改变"),
            P(
                "调查发现，实行定时定点投放的小区，居民的分类习惯形成得更快。志愿者在投放时段守在桶边提醒，起初每天要纠正几十次，三个月后只需偶尔指点。",
                wrap="{}<br>",
            ),
            P(
                "一位楼栋长说，大家慢慢从“要我分”变成了“我要分”，邻居之间还会互相提醒，遇到新搬来的住户也会主动讲解。",
                raw="一位楼栋长说，大家慢慢从&ldquo;要我分&rdquo;变成了&ldquo;我要分&rdquo;，邻居之间还会互相提醒，遇到新搬来的住户也会主动讲解。",
                wrap="{}<br/>",
            ),
            H("2. 积分与反馈同样重要"),
            P(
                "不少社区推出了积分制度，正确分类可以积累积分，用来兑换日用品。更有效的做法是及时反馈：每周在公告栏公布各楼栋的分类情况，让居民看到自己的努力有了结果。",
                wrap="<p>{}</p>",
            ),
            P(
                "习惯一旦养成，就不再需要额外的激励。这也许是垃圾分类最值得期待的地方，也是其他社区工作可以借鉴的经验。",
                indent=NBSP_ENT,
            ),
        ],
        bylines=["  (作者:韩晓雪)", "  (责任编辑:马骏)"],
        author_note="作者：韩晓雪",
        editor="马骏",
        other_docs=[hw(A6), hw(A7), hw(A8), hw(A11)],
        quirks=[
            "gb18030",
            "html_remnants",
            "halfwidth_punct",
            "missing_header_lines",
            "citation_nonzero",
            "numbered_headings",
            "uploader_chinese",
            "page_editor",
        ],
    )
)

# g07: heading forms 第一章 / （一）, body starts with a heading, consecutive headings,
#      bold-lead paragraphs, a short one-sentence paragraph, full-width bylines, 6 abstracts
PAGES_SPEC.append(
    Page(
        name="g07-chapters-consecutive-headings",
        title="农村公路“建管养运”一体化调研报告",
        header=[meta_s("交通与发展", 0, "road_keeper"), *STD_S],
        source_name="交通与发展",
        citation_count=0,
        uploader="road_keeper",
        body=[
            H("第一章 总体情况"),
            P(
                "近十年来，农村公路里程快速增长，乡镇和建制村基本都通了硬化路。路修好之后，如何管好、养好、运营好，成为新的课题。"
            ),
            P("本报告基于对五个县的实地走访。"),
            H("第二章 主要做法"),
            H("（一）明确养护责任"),
            P(
                "县道由县级负责。各县普遍成立了农村公路管理机构，县道的日常养护由专业队伍承担，经费纳入县级财政预算。"
            ),
            P(
                "村道由村级负责。村道的日常巡查和小修交给村民组成的养护小组，按路段计酬，既解决了养护人手问题，也为留守村民增加了收入。"
            ),
            H("（二）拓宽资金渠道"),
            P(
                "除财政资金外，一些地方把公路沿线的绿化带承包给农户种植苗木，收益的一部分用于道路养护。还有的县把客运站、物流点和养护站合并建设，一站多用，节约了运营成本。"
            ),
            H("第三章 展望", raw="第三章  展望"),
            P(
                "农村公路养护需要长期投入。下一步，应推动养护资金与路况评定结果挂钩，让养得好的地方得到更多支持。"
            ),
        ],
        bylines=["  （作者单位：某省交通运输科学研究院）", "  （责任编辑：宋佳）"],
        author_note="作者单位：某省交通运输科学研究院",
        editor="宋佳",
        other_docs=[A1, A3, A5, A9, A10, A12],
        quirks=[
            "numbered_headings",
            "body_starts_with_heading",
            "consecutive_headings",
            "bold_lead_paragraphs",
            "short_paragraph",
            "heading_extra_space",
            "byline_fullwidth",
            "page_editor",
            "abstract_cut",
        ],
    )
)

# g08: headings 1 / 2.1, metadata line without uploader, no download line, ASCII punctuation
PAGES_SPEC.append(
    Page(
        name="g08-decimal-headings-partial-header",
        style=hw,
        title="公众参与城市鸟类调查的数据质量评估",
        header=["来源 :生态与自然 | 被引量 : 3次", DISCLAIMER_S, LABEL_S],
        source_name="生态与自然",
        citation_count=3,
        uploader=None,
        body=[
            H("1 引言"),
            P(
                "公众科学（citizen science）项目让普通市民参与数据收集，近年来在鸟类调查中应用广泛。志愿者人数多、覆盖范围广，但数据质量常常受到质疑。"
            ),
            H("2 数据与方法"),
            P("本文使用某市2018年至2022年的志愿者观鸟记录，共计12,846条，并与同期专业调查的结果进行比较。"),
            H("2.1 记录的筛选"),
            P(
                "首先剔除缺少时间、地点或物种名称的记录，再请两名鸟类学者逐条复核罕见物种的记录。经过筛选，保留的记录约占原始数据的87%。"
            ),
            H("2.2 比较指标"),
            P(
                "比较的指标包括物种数、常见物种的相对丰度和记录的空间分布。为减少观测时长不同带来的偏差，我们计算了每小时记录的物种数（species per hour,SPH）。"
            ),
            H("3 结论"),
            P(
                "结果表明，经过筛选和标准化后，志愿者数据与专业调查在常见物种上的结论基本一致；对于罕见物种，志愿者数据仍需谨慎使用。"
            ),
        ],
        bylines=["  (作者:李晨,王悦)"],
        author_note="作者：李晨，王悦",
        other_docs=[hw(A4), hw(A8), hw(A11)],
        quirks=[
            "halfwidth_punct",
            "numbered_headings",
            "missing_header_lines",
            "header_partial",
            "citation_nonzero",
            "body_starts_with_heading",
            "ascii_kept",
        ],
    )
)

# g09: a "来源：" line inside the body (table source note) that is body text, not metadata ------
PAGES_SPEC.append(
    Page(
        name="g09-source-line-in-body",
        title="服务消费正在成为居民消费的新增长点",
        header=[meta_s("经济观察", 0, "shuju2020"), *STD_S],
        source_name="经济观察",
        citation_count=0,
        uploader="shuju2020",
        body=[
            P(
                "随着收入水平提高，居民消费正在从“买商品”转向“买服务”。餐饮、旅游、文化娱乐和健康养老等服务性支出，在家庭消费中所占的比重逐年上升。"
            ),
            H("服务消费的变化趋势"),
            P(
                "表1列出了某省城镇居民人均服务性消费支出：2019年8,560元，2020年7,930元，2021年9,120元，2022年9,480元，2023年10,350元。"
            ),
            P("来源：国家统计局"),
            P(
                "可以看到，2020年服务性支出一度下降，随后较快恢复，并在2023年创下新高，显示出服务消费较强的韧性。"
            ),
            H("扩大服务消费的着力点"),
            P(
                "一是增加优质供给，特别是托育、养老、家政等民生服务；二是改善消费环境，完善投诉处理和信用评价机制；三是稳定就业和收入，让居民敢于消费、愿意消费。"
            ),
        ],
        bylines=["  （作者系某大学经济学院讲师）"],
        author_note="作者系某大学经济学院讲师",
        quirks=["body_source_line", "no_other_docs", "byline_fullwidth", "ascii_kept"],
    )
)

# g10: header with full-width colons and bars and odd spacing; no reading label; tab and NBSP
#      indentation; an editor line without an author line
PAGES_SPEC.append(
    Page(
        name="g10-fullwidth-header-tab-nbsp",
        title="帮助老年人跨越“数字鸿沟”",
        header=["来源：人民论坛 ｜ 被引量：12次｜上传用户：张三", DOWNLOAD_S, DISCLAIMER_S],
        source_name="人民论坛",
        citation_count=12,
        uploader="张三",
        body=[
            P(
                "网上挂号、扫码乘车、手机支付，数字技术给生活带来便利的同时，也让一些老年人感到无所适从。",
                indent="\t",
            ),
            P(
                "不少社区开设了“手机课堂”。志愿者每周二下午在活动室授课，一次只教一件事，比如怎样视频通话、怎样识别诈骗短信。",
                indent="\u00a0\u00a0",
            ),
            H("课堂之外的帮助"),
            P(
                "很多老人学会了又忘，需要反复练习。社区为他们准备了图文并茂的操作卡片，放在手机壳里随时查看。",
                indent="\t",
            ),
            P(
                "与此同时，公共服务也应保留线下渠道。医院、银行和车站保留人工窗口，不会用手机的人才能同样办得成事。",
                indent="\u00a0\u00a0",
            ),
        ],
        bylines=["  (责任编辑:王楠)"],
        editor="王楠",
        other_docs=[A2, A7, A12],
        quirks=[
            "header_fullwidth",
            "missing_header_lines",
            "citation_nonzero",
            "uploader_chinese",
            "indent_tab",
            "indent_nbsp",
            "page_editor",
        ],
    )
)

# g11: no metadata line and no download line; full-width digits/letters; merged paragraphs
#      (the last line is a merged pair carrying the end mark); 5 abstracts
PAGES_SPEC.append(
    Page(
        name="g11-fullwidth-alnum-no-meta",
        title="读懂食品包装上的营养标签",
        header=[DISCLAIMER_S, LABEL_S],
        body=[
            P(
                "走进超市，几乎每一件预包装食品的背面都印着一张营养成分表。一项2021年的消费者调查显示，能看懂这张表的受访者不到四成。",
                raw="走进超市，几乎每一件预包装食品的背面都印着一张营养成分表。一项２０２１年的消费者调查显示，能看懂这张表的受访者不到四成。",
            ),
            H("一、先看营养素参考值"),
            Merged(
                P(
                    "表格最右边一栏是“NRV%”，即每份食品中某种营养素的含量占每日推荐摄入量的百分比。",
                    raw="表格最右边一栏是“ＮＲＶ%”，即每份食品中某种营养素的含量占每日推荐摄入量的百分比。",
                ),
                P(
                    "例如，某款饼干每100克含钠400毫克，NRV%为20%，吃完一包就摄入了一天所需钠的五分之一。",
                    raw="例如，某款饼干每１００克含钠４００毫克，ＮＲＶ%为２０%，吃完一包就摄入了一天所需钠的五分之一。",
                ),
            ),
            H("二、留意每份的含量"),
            P(
                "有些产品标注的是每份的含量，而一包里可能有两三份。比较不同产品时，最好都换算成每100克再看。",
                raw="有些产品标注的是每份的含量，而一包里可能有两三份。比较不同产品时，最好都换算成每１００克再看。",
            ),
            Merged(
                P("选购时可以优先关注钠、脂肪和糖这三项数值，它们与日常饮食中最常见的健康问题关系密切。"),
                P(
                    "对于需要控制血压、血糖或体重的人来说，这几项尤其重要，不妨养成先看标签再放进购物车的习惯。"
                ),
            ),
        ],
        end_mark="▲",
        bylines=["  (作者:赵一鸣)"],
        author_note="作者：赵一鸣",
        other_docs=[A3, A4, A6, A7, A8],
        quirks=[
            "fullwidth_alnum",
            "merged_paragraphs",
            "missing_header_lines",
            "numbered_headings",
            "end_mark",
        ],
    )
)

# r03: title, header and 其他文献 but no body ---------------------------------------------------
PAGES_SPEC.append(
    Page(
        name="r03-empty-body",
        style=hw,
        title="城市夜间经济的发展路径",
        header=[meta_s("商业研究", 0, "ye_jing"), *STD_S],
        source_name="商业研究",
        citation_count=0,
        uploader="ye_jing",
        body=[],
        other_docs=[hw(A5), hw(A9), hw(A11), hw(A12)],
        expect="reject",
        reject_reason="empty_body",
        quirks=["halfwidth_punct", "abstract_cut"],
    )
)


def write_all() -> list[str]:
    PAGES.mkdir(exist_ok=True)
    TRUTH.mkdir(exist_ok=True)
    written = []

    def emit(name: str, data: bytes, t: dict) -> None:
        (PAGES / f"{name}.txt").write_bytes(data)
        (TRUTH / f"{name}.json").write_text(
            json.dumps(t, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append(name)

    for page in PAGES_SPEC:
        emit(page.name, render(page), truth(page))

    # Reject pages without a template.
    emit("r01-empty-file", b"", null_truth("r01-empty-file", "empty_file"))
    emit("r02-whitespace-only", b" \r\n\r\n\t  \n   \n\t\n", null_truth("r02-whitespace-only", "empty_file"))
    rng = random.Random(20240601)  # deterministic "image" bytes
    png = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(1024))
    emit("r04-binary-png", png, null_truth("r04-binary-png", "binary"))
    return written


if __name__ == "__main__":
    for name in write_all():
        print(name)
