"""Line classification for scraped pages: furniture, section markers, notices, headings, prose.

All phrases come from data files (junk.tsv, section_markers.txt) plus the user's own files;
matching is on normalized whole words so "وشارك الوزير" is not the furniture word "شارك".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.arabic.dates import find_dates
from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import normalized_words
from marsad.data import data_path, read_lines, read_tsv

_CLOCK_OR_SYMBOLS = re.compile(r"^[\W\d_]*$")
_HASHTAGS_ONLY = re.compile(r"^(?:\s*#\S+)+\s*$")
_LATIN_ONLY = re.compile(r"^[A-Za-z0-9\s.,:;|/&+\-–—!?'’()@]+$")
_BREADCRUMB = re.compile(r"\s[»›>/|]\s")
# wire-service sign-off with editors' initials: "مرافئ/س ع/ه ك", "قنا/ م ع"
_SIGN_OFF = re.compile(r"^[-–—\s]*\(?[^\s/()]{2,20}\)?(?:\s?/?\s?[^\s/]{1,3}(?:\s[^\s/]{1,3}){0,2}){1,3}\s*$")
# "دبي - رامي عايش", "كتب- أحمد جمعة:", "بيروت – «النهار»": filing place and/or byline
_BYLINE_DATELINE = re.compile(r"^\s*([^\s\-–—:/|]{2,20}(?:\s[^\s\-–—:/|]{2,20})?)\s*(?:[-–—/|]|:(?=\s*[«\"“]))\s*([^\n]{2,40})$")
META_CUES = ("اخر تحديث", "تاريخ النشر", "نشر في", "نشر بتاريخ", "تم النشر", "نشر:", "تحديث:", "المصدر:", "المصدر :", "بقلم", "كتب:", "كتبت:", "كتب ", "اعداد:", "تحرير:")
SENTENCE_PUNCT = ".!؟?:…"


@dataclass(frozen=True)
class Lexicon:
    line_phrases: tuple[tuple[str, ...], ...]
    prefixes: tuple[tuple[str, ...], ...]
    notices: tuple[str, ...]
    cta: tuple[tuple[str, ...], ...]
    channels: tuple[tuple[str, ...], ...]
    markers: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=8)
def lexicon(junk_files: tuple[Path, ...] = (), marker_files: tuple[Path, ...] = ()) -> Lexicon:
    groups: dict[str, list[tuple[str, ...]]] = {"line": [], "notice": [], "cta": [], "channel": [], "prefix": []}
    for path in (data_path("junk.tsv"), *junk_files):
        for row in read_tsv(path):
            if row.get("kind") in groups and row.get("phrase"):
                groups[row["kind"]].append(tuple(normalize(row["phrase"]).split()))
    markers = tuple(tuple(normalize(m).split()) for m in read_lines("section_markers.txt", marker_files))
    return Lexicon(
        line_phrases=tuple(groups["line"]),
        prefixes=tuple(groups["prefix"]),
        notices=tuple(" ".join(p) for p in groups["notice"]),
        cta=tuple(groups["cta"]),
        channels=tuple(groups["channel"]),
        markers=markers,
    )


_tokens = normalized_words


def tokens_of(line: str) -> list[str]:
    return list(_tokens(line))


def _contains_phrase(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    if not phrase or phrase[0] not in tokens:
        return False
    size = len(phrase)
    return any(tuple(tokens[i : i + size]) == phrase for i in range(len(tokens) - size + 1))


def is_prose(line: str) -> bool:
    """A sentence of running text rather than a heading, label or button."""
    count = len(line.split())
    if count >= 15:
        return True
    return count >= 6 and (line.rstrip()[-1:] in SENTENCE_PUNCT or "،" in line or ", " in line)


def is_heading(line: str) -> bool:
    count = len(line.split())
    return 2 <= count <= 30 and line.rstrip()[-1:] not in ".!؟?…" and not is_prose(line)


def is_section_marker(line: str, lex: Lexicon) -> bool:
    tokens = tokens_of(line)
    if not tokens or len(tokens) > 6:
        return False
    return any(tuple(tokens[: len(m)]) == m for m in lex.markers if m)


def is_inline_marker(line: str, lex: Lexicon) -> bool:
    """"اقرأ أيضا: <headline>" on one line: a single related link, not a section."""
    tokens = tokens_of(line)
    if len(tokens) > 25:
        return False
    return any(tuple(tokens[: len(m)]) == m and len(tokens) > len(m) for m in lex.markers if m)


def is_notice(line: str, lex: Lexicon) -> bool:
    norm = normalize(line)
    return any(notice in norm for notice in lex.notices)


def is_furniture(line: str, lex: Lexicon) -> bool:
    """Share/follow/subscribe lines, buttons, tags, hashtags, clocks, breadcrumbs."""
    stripped = line.strip()
    if _CLOCK_OR_SYMBOLS.match(stripped) or _HASHTAGS_ONLY.match(stripped):
        return True
    if len(stripped) <= 40 and _SIGN_OFF.match(stripped):
        return True
    tokens = tokens_of(stripped)
    if any(tuple(tokens[: len(p)]) == p for p in lex.prefixes) or is_channel_list(stripped, lex):
        return True
    if _LATIN_ONLY.match(stripped) and len(tokens) <= 12:
        return True   # "Twitter Youtube WhatsApp", "Please Try Again" on an Arabic page
    if _BREADCRUMB.search(stripped) and len(tokens) <= 12 and not is_prose(stripped):
        return True
    if (len(tokens) <= 12 and not (is_prose(stripped) and len(tokens) >= 6)
            and any(_contains_phrase(tokens, p) for p in lex.line_phrases)):
        return True
    if len(tokens) <= 40 and any(_contains_phrase(tokens, c) for c in lex.cta):
        return any(_contains_phrase(tokens, ch) for ch in lex.channels)
    return False


def byline_parts(line: str) -> tuple[str, str] | None:
    """(place or "كتب", author/outlet) for a short "X - Y" line, else None."""
    stripped = line.strip()
    if len(stripped) > 80 or len(stripped.split()) > 7 or stripped[-1:] in ".؟!":
        return None
    match = _BYLINE_DATELINE.match(stripped)
    if not match or len(match.group(2).split()) > 3:
        return None
    return match.group(1).strip(), match.group(2).strip(" :«»\"")


@lru_cache(maxsize=8)
def _single_word_channels(lex: Lexicon) -> frozenset[str]:
    return frozenset(c[0] for c in lex.channels if len(c) == 1)


def is_channel_list(line: str, lex: Lexicon) -> bool:
    """"فيسبوك تويتر لينكدين Pin Interest Whats App": nothing but network names."""
    tokens = _tokens(line)
    if len(tokens) > 12:
        return False
    channels = _single_word_channels(lex)
    arabic = [t for t in tokens if not t.isascii()]
    return len(tokens) >= 2 and bool(arabic) and all(t in channels for t in arabic)


_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")


def has_date_or_clock(line: str) -> bool:
    """Tickers and top bars carry times and dates; headlines rarely do."""
    return bool(_CLOCK.search(line)) or bool(find_dates(line))


def is_meta_line(line: str) -> bool:
    """A date line, an update/publication line, a source or byline: metadata, not body."""
    if byline_parts(line) is not None:
        return True
    norm = normalize(line.strip())
    if len(norm.split()) > 14:
        return False
    if norm.startswith(META_CUES):
        return True
    dates = find_dates(line)
    if not dates:
        return False
    covered = sum(m.end - m.start for m in dates)
    rest = re.sub(r"[\W\d_]+", " ", norm).split()
    return covered >= 0.5 * len(norm.strip()) or len(rest) <= 3
