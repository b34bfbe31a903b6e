"""Body cleaning: keep every sentence of the article, drop page furniture and trailing items.

Signals, in the order a maintainer would tune them:
1. line classes from data files (furniture, notices, section markers, metadata lines);
2. where the body starts (the first line of running prose) and the title before it;
3. topical continuity: after the article shows signs of having ended (a notice, a source
   line, furniture), a paragraph must share vocabulary with the article so far or it and
   everything after it are unrelated trailing items. Trailing items with no marker at all
   are caught by the same measure over the article's final paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import content_stems, idf
from marsad.article import Article
from marsad.data import read_lines
from marsad.settings import Settings
from marsad.stages import lines as L

AFTER_NOTICE_MIN_OVERLAP = 0.25     # after a copyright/source/date footer
AFTER_FURNITURE_MIN_OVERLAP = 0.06  # after a share/follow line or an inline "اقرأ أيضا: ..."
NEW_ITEM_MAX_OVERLAP = 0.45         # a mid-body headline + its paragraph this foreign (summed)
NEW_ITEM_HEADLINE_ALONE = 0.05      # ... or a headline alone this foreign: another item starts
UNMARKED_TAIL_MAX_OVERLAP = 0.10    # a final run of paragraphs this foreign is a trailing item
MIN_STEMS_TO_JUDGE = 6              # shorter paragraphs (headings) are neutral
_WORD = re.compile(r"\w+")
_TRAILING_CREDIT = re.compile(r"\s*\(([^()\n]{2,25})\)\s*$")


@dataclass
class _State:
    body: list[str] = field(default_factory=list)
    body_positions: list[int] = field(default_factory=list)
    removed: list[tuple[int, str]] = field(default_factory=list)
    position: int = 0
    footer: list[str] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)
    title_vocabulary: set[str] = field(default_factory=set)
    threshold: float = 0.0          # > 0 once the article may have ended
    cut: bool = False


def clean(article: Article, settings: Settings | None = None) -> Article:
    """Fill `text`, `removed`, `title` (plain text), `header_lines`, `footer_lines`."""
    settings = settings or Settings()
    lex = L.lexicon(settings.junk_files, settings.marker_files)
    lines = [line.strip() for line in article.body_source.split("\n") if line.strip()]
    lines = _drop_given_title(lines, article.title)
    start = _body_start(lines, lex)
    state = _State()
    if article.title:
        state.title_vocabulary.update(content_stems(article.title))
        state.vocabulary.update(state.title_vocabulary)
    _read_header(article, lines[:start], lex, state)
    for offset, line in enumerate(lines[start:]):
        state.position = start + offset
        _read_body_line(line, lex, state)
    _drop_new_items(state)
    _drop_unmarked_tail(state)
    body = _strip_trailing_credit(article, state.body)
    article.text = "\n\n".join(body)
    article.removed = [line for _, line in sorted(state.removed)]
    article.footer_lines = state.footer
    return article


def _drop_given_title(lines: list[str], title: str | None) -> list[str]:
    if title and lines and normalize(lines[0]) == normalize(title.strip()):
        return lines[1:]
    return lines


def _body_start(lines: list[str], lex: L.Lexicon) -> int:
    for index, line in enumerate(lines):
        if L.is_prose(line) and not L.is_furniture(line, lex) and not L.is_notice(line, lex):
            return index
    return 0


def _read_header(article: Article, header: list[str], lex: L.Lexicon, state: _State) -> None:
    """Before the body: the title (last heading-like line), metadata lines, furniture."""
    candidates = [
        i for i, line in enumerate(header)
        if L.is_heading(line) and len(line.split()) >= 3 and not _is_junk(line, lex)
        and not L.is_meta_line(line) and not L.has_date_or_clock(line)
    ]
    # the headline is the fullest heading before the body (section labels are short)
    longest = max(candidates, key=lambda i: (len(header[i].split()), i), default=None)
    title_index = longest if article.raw_kind == "text" and not article.title else None
    for index, line in enumerate(header):
        if index == title_index:
            article.title = line
            state.vocabulary.update(content_stems(line))
            state.title_vocabulary.update(content_stems(line))
        elif L.is_meta_line(line):
            article.header_lines.append(line)
        else:
            article.header_lines.append(line)
            state.removed.append((index, line))


def _is_junk(line: str, lex: L.Lexicon) -> bool:
    return L.is_furniture(line, lex) or L.is_notice(line, lex) or L.is_section_marker(line, lex)


def _read_body_line(line: str, lex: L.Lexicon, state: _State) -> None:
    if state.cut:
        state.removed.append((state.position, line))
    elif L.is_section_marker(line, lex) and state.body:
        state.cut = True
        state.removed.append((state.position, line))
    elif L.is_inline_marker(line, lex):
        # "اقرأ أيضا: <headline>" inside the article: one link, the article goes on
        state.removed.append((state.position, line))
        state.threshold = max(state.threshold, AFTER_FURNITURE_MIN_OVERLAP)
    elif L.is_notice(line, lex):
        state.removed.append((state.position, line))
        state.footer.append(line)
        state.threshold = max(state.threshold, AFTER_NOTICE_MIN_OVERLAP)
    elif L.is_furniture(line, lex):
        state.removed.append((state.position, line))
        state.footer.append(line)
        if state.body:
            state.threshold = max(state.threshold, AFTER_FURNITURE_MIN_OVERLAP)
    elif L.is_meta_line(line):
        state.footer.append(line)
        if state.body:
            state.threshold = max(state.threshold, AFTER_NOTICE_MIN_OVERLAP)
    else:
        _read_paragraph(line, state)


def _read_paragraph(line: str, state: _State) -> None:
    stems = content_stems(line)
    if state.threshold and state.body and overlap(stems, state.vocabulary) < state.threshold:
        state.cut = True
        state.removed.append((state.position, line))
        return
    state.body.append(line)
    state.body_positions.append(state.position)
    state.vocabulary.update(stems)


def overlap(stems: list[str], vocabulary: set[str]) -> float:
    """Share of a paragraph's content words already used by the article, each word weighted
    by its rarity in news (idf): sharing a name counts, sharing "الوزارة" hardly does."""
    if not stems:
        return 1.0
    total = sum(idf(s) for s in stems)
    return sum(idf(s) for s in stems if s in vocabulary) / total if total else 1.0


def _drop_new_items(state: _State) -> None:
    """A headline line after the article's opening, foreign to it and followed by a foreign
    paragraph, starts an unrelated item: it and everything after it go."""
    body = state.body
    vocabulary = set(state.title_vocabulary)
    for index, paragraph in enumerate(body):
        stems = content_stems(paragraph)
        if index >= 2 and L.is_heading(paragraph) and len(stems) >= 3:
            following = content_stems(body[index + 1]) if index + 1 < len(body) else []
            heading_overlap = overlap(stems, vocabulary)
            if (heading_overlap < NEW_ITEM_HEADLINE_ALONE
                    or heading_overlap + overlap(following, vocabulary) < NEW_ITEM_MAX_OVERLAP):
                state.removed.extend(zip(state.body_positions[index:], body[index:], strict=True))
                del body[index:]
                del state.body_positions[index:]
                return
        vocabulary.update(stems)


def _drop_unmarked_tail(state: _State) -> None:
    """Trailing unrelated items with no marker: the earliest point after which every
    paragraph is foreign to the article before it (short headings of those items are
    neutral: they neither prove nor disprove continuity)."""
    body = state.body
    stems = [content_stems(p) for p in body]
    vocabulary = set(state.title_vocabulary)
    for p in stems[:2]:
        vocabulary.update(p)
    for start in range(2, len(body)):
        if continues(body[start]):
            vocabulary.update(stems[start])
            continue
        tail = [p for p in stems[start:] if len(p) >= MIN_STEMS_TO_JUDGE]
        if tail and all(overlap(p, vocabulary) <= UNMARKED_TAIL_MAX_OVERLAP for p in tail):
            state.removed.extend(zip(state.body_positions[start:], body[start:], strict=True))
            del body[start:]
            del state.body_positions[start:]
            return
        vocabulary.update(stems[start])


def continues(paragraph: str) -> bool:
    """A paragraph opening with a connective ("و...", "كما", "في المقابل", "من جهته") carries
    on the article before it: a new, unrelated item does not start that way."""
    words = _WORD.findall(normalize(paragraph[:60]))[:3]
    first = words[0] if words else ""
    if first.startswith("و") and not first.startswith(_NOT_CONJUNCTION):
        return True
    openers = connectives()
    return any(" ".join(words[:size]) in openers for size in (1, 2, 3))


# Words that begin with و without it being the conjunction
_NOT_CONJUNCTION = ("وزير", "وزار", "وكال", "وفد", "وقع", "وسط", "وصل", "وجه", "ولي", "وحد", "وضع")


@lru_cache(maxsize=1)
def connectives() -> frozenset[str]:
    return frozenset(normalize(line) for line in read_lines("connectives.txt"))


def _strip_trailing_credit(article: Article, body: list[str]) -> list[str]:
    """"... في المنطقة. (İLKHA)": an agency credit glued to the last paragraph."""
    if not body:
        return body
    match = _TRAILING_CREDIT.search(body[-1])
    if match and body[-1][: match.start()].rstrip()[-1:] in ".!؟?\"”»":
        article.footer_lines.append(match.group(1))
        body = [*body[:-1], body[-1][: match.start()].rstrip()]
    return body
