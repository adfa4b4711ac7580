"""Split a cleaned digest into articles at their titles.

A digest interleaves article titles, section labels (产业环境, 技术情报) and sub-headings inside
articles; all three are short one-line paragraphs without closing punctuation. What tells a title
from a sub-heading is the topic: a sub-heading continues what came before it, a title starts
something new that the text after it takes up. ``title_score`` measures that with character
bigrams, which needs no model and works for any Chinese digest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guanxi.graph.clean import Paragraph
from guanxi.graph.records import Article

HEADING_MAX = 48  # characters
SECTION_LABEL_MAX = 6  # a short heading directly above a title is a section label
CONTEXT = 600  # characters of text looked at before and after a heading
SUBTITLE = re.compile(r"^[—－-]{1,2}")
HEADING_END = tuple("。！？!?；;…，,：:、")  # a line ending so is body text, not a heading
NEWS_LEAD = re.compile(r"^(?:.{0,12}\d+月\d+日|近日|日前|记者|据|本报|\d{4}年\d+月)")
TWO_PART = re.compile(r"\S\s+\S|[：:]")  # 'A B' and 'A：B' headlines
TITLE_THRESHOLD = 0.3


@dataclass(frozen=True)
class ArticleSpan:
    title: str
    paragraphs: tuple[Paragraph, ...]


def is_heading(p: Paragraph) -> bool:
    text = p.text.strip()
    return (
        p.single_line and 1 < len(text) <= HEADING_MAX and not text.endswith(HEADING_END) and not SUBTITLE.match(text)
    )


def bigrams(text: str) -> set[str]:
    chars = [c for c in text if not c.isspace() and c not in "“”《》，。、：:（）()—"]
    return {a + b for a, b in zip(chars, chars[1:])}


def overlap(heading: str, text: str) -> float:
    grams = bigrams(heading)
    return len(grams & bigrams(text)) / len(grams) if grams else 0.0


def title_score(paragraphs: list[Paragraph], i: int) -> float:
    """How much more the heading at ``i`` shares with the text after it than with the text before."""
    before, after = "", ""
    for p in reversed(paragraphs[:i]):
        if len(before) >= CONTEXT:
            break
        before = p.text + before
    for p in paragraphs[i + 1 :]:
        if len(after) >= CONTEXT:
            break
        after += p.text
    heading = paragraphs[i].text
    score = overlap(heading, after[:CONTEXT]) - overlap(heading, before[-CONTEXT:])
    if i + 1 < len(paragraphs) and SUBTITLE.match(paragraphs[i + 1].text):
        score += 1.0  # a ——subtitle line only follows a title
    if i == 0 or (i > 0 and is_section_label(paragraphs, i - 1)):
        score += 1.0
    if i + 1 < len(paragraphs) and NEWS_LEAD.match(paragraphs[i + 1].text):
        score += 0.5  # 'On 19 November …', 'Recently …': how news articles open
    if TWO_PART.search(heading.strip()):
        score += 0.3
    if len(heading.strip()) <= 9:
        score -= 0.3  # sub-headings are often a handful of characters
    return score


def is_section_label(paragraphs: list[Paragraph], i: int) -> bool:
    return (
        is_heading(paragraphs[i])
        and len(paragraphs[i].text.strip()) <= SECTION_LABEL_MAX
        and i + 1 < len(paragraphs)
        and is_heading(paragraphs[i + 1])
    )


def split_articles(paragraphs: list[Paragraph]) -> list[ArticleSpan]:
    """Articles in order; text before the first title becomes an untitled article if it has any body."""
    starts = [
        i
        for i, p in enumerate(paragraphs)
        if is_heading(p) and not is_section_label(paragraphs, i) and title_score(paragraphs, i) > TITLE_THRESHOLD
    ]
    if not starts or starts[0] != 0:
        starts = [0] + starts
    spans = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(paragraphs)
        body = [p for j, p in enumerate(paragraphs[start:end], start) if not is_section_label(paragraphs, j)]
        if not body:
            continue
        title = body[0].text.strip() if is_heading(body[0]) else ""
        spans.append(ArticleSpan(title, tuple(body)))
    return spans


def heading_spans(paragraphs: list[Paragraph], heading_lines: set[int]) -> list[ArticleSpan]:
    """Articles that start at the paragraphs on ``heading_lines``, each titled by its heading;
    text before the first heading is an untitled article."""
    spans: list[tuple[str, list[Paragraph]]] = []
    for p in paragraphs:
        if p.first_line in heading_lines:
            spans.append((p.text.strip(), [p]))
        elif spans:
            spans[-1][1].append(p)
        else:
            spans.append(("", [p]))
    return [ArticleSpan(title, tuple(body)) for title, body in spans]


def article_from_paragraphs(doc_id: str, title: str, paragraphs, document) -> Article:
    parts, line_map, pos = [], [], 0
    for p in paragraphs:
        if parts:
            parts.append("\n")
            pos += 1
        line_map.extend((pos + offset, line) for offset, line in p.line_map)
        parts.append(p.text)
        pos += len(p.text)
    return Article(
        id=doc_id,
        title=title,
        text="".join(parts),
        date=document.date,
        url=document.url,
        source=document.source,
        line_map=tuple(line_map),
        document_id=document.id,
        format=document.format,
        page_lines=document.page_lines,
        author=document.author,
    )


def articles_from_document(document, split: bool) -> list:
    """Clean a document; with ``split``, cut a digest into its articles (ids ``<doc>-L<line>``)."""
    from guanxi.graph.clean import reflow
    from guanxi.graph.dates import article_date, issue_of

    paragraphs = reflow(document.text, document.first_line)
    if not paragraphs:
        return []
    if not split and not document.headings:
        title = document.title or (paragraphs[0].text.strip() if is_heading(paragraphs[0]) else "")
        return [article_from_paragraphs(document.id, title, paragraphs, document)]
    if document.headings:  # a Word file's headings: each titles an article
        spans = heading_spans(paragraphs, set(document.headings))
    else:
        spans = split_articles(paragraphs)
    if len(spans) == 1:
        articles = [article_from_paragraphs(document.id, spans[0].title, spans[0].paragraphs, document)]
    else:
        articles = [
            article_from_paragraphs(f"{document.id}-L{s.paragraphs[0].first_line}", s.title, s.paragraphs, document)
            for s in spans
        ]
    if document.date is None:  # a digest (a .txt file) dates its articles by its issue and their days
        issue = issue_of(document.source, document.text)
        for article in articles:
            article.date = article_date(article.text, issue)
    return articles
