"""Title, publication/update dates, outlet, agency, dateline and author.

Where the date comes from, in order: the input (JSONL `published`), the article's own date
line (before the body, or the footer line right after it), the page's metadata tags, an
"آخر تحديث" line when it is the only date, a relative day ("اليوم الثلاثاء") resolved
against the crawl time. Dates in the body or in removed trailing items are never used.
"""

from __future__ import annotations

import re

from marsad.arabic.dates import (
    DateMatch,
    find_dates,
    find_relative,
    parse_iso_like,
    resolve_relative,
)
from marsad.arabic.normalize import normalize, normalize_with_map
from marsad.arabic.tokens import stopwords
from marsad.article import Article
from marsad.gazetteer import gazetteer
from marsad.outlets import Outlet, OutletIndex, outlet_index
from marsad.settings import Settings
from marsad.stages.lines import SENTENCE_PUNCT, byline_parts, is_notice, lexicon

_UPDATE_CUES = ("اخر تحديث", "تاريخ التحديث", "تم التحديث", "تحديث:", "حدث في", "updated")
_SOURCE_LINE = re.compile(r"^\s*(?:المصدر|مصدر الخبر|source)\s*[:：]\s*(.{2,60})$", re.I)
_BYLINE = re.compile(r"^\s*(?:بقلم|كتب|كتبت|إعداد|اعداد|تحرير|by)\s*[:：]?\s*(.{3,60})$", re.I)
_DATELINE_PREFIX = re.compile(r"^\s*([^\s\-–—:(،,.]{2,20}(?:\s[^\s\-–—:(،,.]{2,20}){0,2})\s*(?:\(([^()]{2,30})\)\s*)?[-–—:]\s")
# "القاهرة في 11 مارس / مرافئ /" and "الرياض 11 مارس (واس) -": agency-wire datelines
_WIRE_DATELINE = re.compile(r"^\s*([^\s\d/()\-–—:،,.]{2,20}(?:\s[^\s\d/()\-–—:،,.]{2,20})??)\s+(?:في\s+)?[0-9٠-٩]{1,2}\s+[^\s/()]{3,12}(?:\s+[0-9٠-٩]{4})?\s*[/(]\s*([^/()]{2,30}?)\s*[/)]")
_IN_PLACE_TODAY = re.compile(r"\s(?:في|من)\s((?:ال)?[^\s،,.]{2,20}(?:\s[^\s،,.]{2,20})??)\s?[،,]?\s(?:اليوم|امس|مساء|صباح|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد)")


def metadata(article: Article, settings: Settings | None = None) -> Article:
    settings = settings or Settings()
    if article.raw_kind == "html" and "title" not in article.given:
        article.title = clean_title(article.title, article.html_meta.get("site_name"), settings)
    article.crawled = article.crawled or article.given.get("crawled") or settings.crawled
    _dates(article)
    _outlet_and_agency(article, settings)
    _dateline(article, settings)
    _author(article, settings)
    return article


# --- dates -------------------------------------------------------------------------------

def _dates(article: Article) -> None:
    given = article.given.get("published")
    if given and (parsed := parse_iso_like(given)):
        article.published, article.published_source = parsed.iso(), "input"
    # the date line nearest the body wins: tickers and top bars come earlier on the page
    lines = list(reversed(article.header_lines)) + article.footer_lines
    published, updated = _dates_from_lines(lines)
    if article.html_meta.get("updated") and not updated:
        updated = parse_iso_like(article.html_meta["updated"])
    article.updated = updated.iso() if updated else None
    if article.published:
        return
    meta = parse_iso_like(article.html_meta.get("published", ""))
    if published:
        article.published, article.published_source = published.iso(), "explicit"
    elif meta:
        article.published, article.published_source = meta.iso(), "html-meta"
    elif updated:
        article.published, article.published_source = updated.date.isoformat(), "updated"
    else:
        _relative_date(article)


def _dates_from_lines(lines: list[str]) -> tuple[DateMatch | None, DateMatch | None]:
    """Publication and update dates from date lines; one line may hold both
    ("نشر في: 27/10/2024 | آخر تحديث: 27/10/2024 11:25")."""
    published = updated = None
    for line in lines:
        if len(line.split()) > 24:
            continue
        norm = normalize(line)
        cut = _update_cue_at(norm)
        before, after = (norm[:cut], norm[cut:]) if cut is not None else (norm, "")
        found_before, found_after = find_dates(before), find_dates(after)
        if found_after:
            updated = updated or found_after[0]
        if found_before and len(line.split()) <= 14 or found_before and cut is not None:
            published = published or found_before[0]
    return published, updated


def _update_cue_at(norm: str) -> int | None:
    positions = [norm.find(cue) for cue in _UPDATE_CUES if cue in norm]
    return min(positions) if positions else None


def _relative_date(article: Article) -> None:
    if not article.crawled:
        return
    crawl = parse_iso_like(article.crawled)
    opening = article.text[:600]
    relatives = find_relative(opening)
    if not crawl or not relatives:
        return
    day = resolve_relative(relatives[0], crawl.date)
    if day is not None:
        article.published, article.published_source = day.isoformat(), "relative"


# --- outlet and agency -------------------------------------------------------------------

def _outlet_and_agency(article: Article, settings: Settings) -> None:
    index = outlet_index(settings.outlet_files)
    outlet = _given_outlet(article, index) or index.by_url(article.url)
    if outlet is None and article.html_meta.get("site_name"):
        site = article.html_meta["site_name"]
        outlet = index.lookup(site) or index.find_in(site, strict=False)
    agency = None
    for line in article.header_lines + article.footer_lines + article.removed:
        source = _SOURCE_LINE.match(line)
        if source:
            found = index.lookup(source.group(1)) or index.find_in(source.group(1), strict=False)
            if found and found.kind == "agency":
                agency = agency or found
            elif found:
                outlet = outlet or found
        elif outlet is None and not _is_prose_line(line, settings):
            # a masthead line that is just the name, a copyright line, or a "join us" line
            outlet = index.lookup(line) or index.find_in(line, strict=not _is_copyright(line))
    credited = _credited_agency(article, index)
    if credited is not None and credited.kind != "agency":
        outlet = outlet or credited          # "/ مرافئ /" credits the publisher itself
    elif credited is not None:
        agency = agency or credited
    if outlet is not None:
        article.outlet = outlet.name_en
    elif article.given.get("outlet"):
        article.outlet = article.given["outlet"]
    if agency and agency.name_en != article.outlet:
        article.agency = agency.name_en


def _is_copyright(line: str) -> bool:
    norm = normalize(line)
    return "©" in line or "حقوق" in norm or "copyright" in norm


def _is_prose_line(line: str, settings: Settings) -> bool:
    # Masthead and notice lines name their outlet; running prose names other outlets.
    if "©" in line or is_notice(line, lexicon(settings.junk_files, settings.marker_files)):
        return False
    return len(line.split()) > 25 and line.rstrip()[-1:] in SENTENCE_PUNCT


def _given_outlet(article: Article, index: OutletIndex) -> Outlet | None:
    name = article.given.get("outlet")
    if not name:
        return None
    return index.lookup(name) or index.find_in(name)


def _credited_agency(article: Article, index: OutletIndex) -> Outlet | None:
    """"بكين (رويترز) -" in the dateline, or a credit "(İLKHA)" after the last paragraph."""
    match = _DATELINE_PREFIX.match(article.text[:120]) or _WIRE_DATELINE.match(article.text[:160])
    candidates = [match.group(2)] if match and match.group(2) else []
    candidates += [line for line in article.footer_lines if len(line.split()) <= 3]
    for candidate in candidates:
        found = index.lookup(candidate)
        if found:
            return found
    return None


# --- dateline and author -----------------------------------------------------------------

def _dateline(article: Article, settings: Settings) -> None:
    places = gazetteer(settings.gazetteer_files)
    prefix = _DATELINE_PREFIX.match(article.text[:120]) or _WIRE_DATELINE.match(article.text[:160])
    if prefix and _plausible_place(prefix.group(1)):
        place = prefix.group(1).strip()
        entry = places.lookup(place)
        article.dateline = place
        article.dateline_id = entry.id if entry and entry.type == "PLACE" else None
        return
    for line in reversed(article.header_lines):
        parts = byline_parts(line)
        for side in parts or ():
            entry = places.lookup(side)
            if entry is not None and entry.type == "PLACE" and entry.kind != "country":
                article.dateline, article.dateline_id = side, entry.id
                return
    opening = normalize(article.text[:400])
    for match in _IN_PLACE_TODAY.finditer(opening):
        entry = places.lookup(match.group(1))
        if entry and entry.type == "PLACE" and entry.kind in ("capital", "city"):
            article.dateline = _original_span(article.text, match.start(1), match.end(1))
            article.dateline_id = entry.id
            return


def _plausible_place(words: str) -> bool:
    """One or two words, none of them a function word ("قال الوزير -" is not a dateline)."""
    tokens = normalize(words).split()
    return 1 <= len(tokens) <= 2 and not any(t in stopwords() for t in tokens)


def _original_span(text: str, norm_start: int, norm_end: int) -> str:
    _, positions = normalize_with_map(text[:400])
    return text[positions[norm_start] : positions[norm_end - 1] + 1]


_WRITING_VERBS = frozenset({"كتب", "كتبت", "بقلم", "اعداد", "تقرير"})


def _is_place(words: str, settings: Settings) -> bool:
    entry = gazetteer(settings.gazetteer_files).lookup(words)
    return entry is not None and entry.type == "PLACE"


def clean_title(title: str | None, site_name: str | None, settings: Settings) -> str | None:
    """"<headline> - الخليج أونلاين" / "سيريانيوز - <headline>": drop the site's name."""
    if not title:
        return title
    index = outlet_index(settings.outlet_files)
    parts = [p.strip() for p in re.split(r"\s[-–—|]\s", title) if p.strip()]
    if len(parts) < 2:
        return title
    kept = [p for p in parts if not (index.lookup(p) or (site_name and normalize(p) == normalize(site_name)))]
    if not kept or len(kept) == len(parts):
        return title
    return max(kept, key=len)


def _author(article: Article, settings: Settings) -> None:
    index = outlet_index(settings.outlet_files)
    for line in article.header_lines:
        parts = byline_parts(line)
        # "دبي - رامي عايش" / "كتب - أحمد جمعة": a place or a writing verb, then the name
        if (parts and len(parts[1].split()) >= 2 and not index.find_in(parts[1], strict=False)
                and (normalize(parts[0]) in _WRITING_VERBS or _is_place(parts[0], settings))):
            article.author = parts[1]
            return
    for line in article.header_lines + article.footer_lines:
        match = _BYLINE.match(line)
        if match:
            article.author = match.group(1).strip(" .،")
            return
    author = article.html_meta.get("author", "")
    if author and not author.startswith("http") and len(author.split()) <= 6:
        article.author = author
