"""Find and parse dates written the ways Arabic news writes them.

ISO and numeric (2024-04-09, 09/04/2024, ٩/٤/٢٠٢٤), month names of every family (أبريل /
نيسان / أفريل, "آذار/مارس"), Hijri dates (converted with hijridate), times and explicit UTC
offsets, and relative expressions ("اليوم الثلاثاء", "أمس الاثنين"). Month and weekday names
come from data files. Every regex is linear: bounded repetitions, no nested quantifiers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalize import normalize
from marsad.data import data_path, read_tsv

MIN_YEAR, MAX_YEAR = 1990, 2100


@dataclass(frozen=True)
class DateMatch:
    start: int              # offsets into the normalized string that was searched
    end: int
    date: dt.date
    time: tuple[int, int, int | None] | None = None
    offset: str | None = None   # "+03:00" only when stated

    def iso(self) -> str:
        """Contract format: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS][±HH:MM]."""
        if self.time is None:
            return self.date.isoformat()
        hour, minute, second = self.time
        clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
        return f"{self.date.isoformat()}T{clock}{self.offset or ''}"


@lru_cache(maxsize=1)
def _months() -> tuple[dict[str, int], dict[str, int]]:
    gregorian: dict[str, int] = {}
    hijri: dict[str, int] = {}
    for row in read_tsv(data_path("months.tsv")):
        target = hijri if row["calendar"] == "hijri" else gregorian
        target[normalize(row["name"])] = int(row["month"])
    return gregorian, hijri


@lru_cache(maxsize=1)
def month_names() -> frozenset[str]:
    """Every normalized month name, Gregorian and Hijri."""
    gregorian, hijri = _months()
    return frozenset(gregorian) | frozenset(hijri)


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    return {normalize(r["name"]): int(r["weekday"]) for r in read_tsv(data_path("weekdays.tsv"))}


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    gregorian, hijri = _months()
    g, h = _alternation(gregorian), _alternation(hijri)
    time = r"(?:\s*(?:-|،|,|\||:|الساعه|في)?\s*(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\s*(?P<ampm>ص|م|صباحا|مساء|am|pm)\b)?)?"
    zone = r"(?P<tz>z|[+-]\d{2}:?\d{2}|\s?(?:gmt|utc)(?:\s?[+-]\d{1,2})?)?"
    return {
        "iso": re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[t ]\s?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.\d{1,6})?" + zone + ")?(?!\\d)"),
        "ymd": re.compile(r"(?<!\d)(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?!\d)" + time),
        "dmy": re.compile(r"(?<!\d)(?P<a>\d{1,2})\s?[/.-]\s?(?P<b>\d{1,2})\s?[/.-]\s?(?P<y>\d{4})(?!\d)" + time),
        "named": re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})\s{{0,3}}(?:من\s)?(?P<mon>{g})(?:\s?/\s?(?P<mon2>{g}))?\s{{0,3}}[،,]?\s{{0,3}}(?:عام\s|سنه\s)?(?P<y>\d{{4}})(?!\d)(?:\s?م\b)?" + time
        ),
        "hijri": re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s{{0,3}}(?:من\s)?(?P<mon>{h})\s{{0,3}}(?:عام\s|سنه\s)?(?P<y>1[34]\d\d)(?!\d)\s?(?:هـ|ه\b|للهجره)?"),
        "relative": re.compile(r"(?<![^\s(،,])(?P<rel>اليوم|امس|غدا)\s(?:ال)?(?P<wd>[^\s،,.]{3,9})"),
    }


def find_dates(text: str) -> list[DateMatch]:
    """All absolute dates in `text`, in order of appearance (on the normalized text)."""
    norm = normalize(text)
    found: list[DateMatch] = []
    for kind, pattern in _patterns().items():
        if kind == "relative":
            continue
        for match in pattern.finditer(norm):
            parsed = _parse(kind, match)
            if parsed and not any(_overlaps(parsed, other) for other in found):
                found.append(parsed)
    return sorted(found, key=lambda m: m.start)


def _overlaps(a: DateMatch, b: DateMatch) -> bool:
    return a.start < b.end and b.start < a.end


def _parse(kind: str, match: re.Match[str]) -> DateMatch | None:
    groups = match.groupdict()
    day: dt.date | None
    try:
        if kind in ("iso", "ymd"):
            day = dt.date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        elif kind == "dmy":
            day = _day_first(int(groups["a"]), int(groups["b"]), int(groups["y"]))
        elif kind == "named":
            day = _named(groups)
        else:
            day = _hijri(int(groups["y"]), _months()[1][groups["mon"]], int(groups["d"]))
    except (ValueError, KeyError, OverflowError):
        return None
    if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return DateMatch(match.start(), match.end(), day, _time(groups), _zone(groups.get("tz")))


def _day_first(a: int, b: int, year: int) -> dt.date | None:
    # Arabic sites write day/month/year; month/day only when the day-first reading is impossible.
    if b > 12 and a <= 12:
        return dt.date(year, a, b)
    return dt.date(year, b, a)


def _named(groups: dict[str, str | None]) -> dt.date | None:
    gregorian = _months()[0]
    month = gregorian[groups["mon"] or ""]
    if groups.get("mon2") and gregorian[groups["mon2"] or ""] != month:
        return None   # "آذار/أبريل": contradictory, never guess
    return dt.date(int(groups["y"] or 0), month, int(groups["d"] or 0))


def _hijri(year: int, month: int, day: int) -> dt.date:
    from hijridate import Hijri

    gregorian: dt.date = Hijri(year, month, day).to_gregorian()
    return gregorian


def _time(groups: dict[str, str | None]) -> tuple[int, int, int | None] | None:
    if not groups.get("h"):
        return None
    hour, minute = int(groups["h"] or 0), int(groups["mi"] or 0)
    ampm = groups.get("ampm")
    if ampm in ("م", "مساء", "pm") and hour < 12:
        hour += 12
    elif ampm in ("ص", "صباحا", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    second = int(groups["s"] or 0) if groups.get("s") else None
    return hour, minute, second


def _zone(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip()
    if raw in ("z", "gmt", "utc"):
        return "+00:00"
    sign_match = re.search(r"([+-])(\d{1,2}):?(\d{2})?", raw)
    if not sign_match:
        return None
    sign, hours, minutes = sign_match.groups()
    return f"{sign}{int(hours):02d}:{minutes or '00'}"


@dataclass(frozen=True)
class RelativeDate:
    start: int
    end: int
    days_back: int          # 0 for اليوم, 1 for أمس, -1 for غدا
    weekday: int


def find_relative(text: str) -> list[RelativeDate]:
    """"اليوم الثلاثاء" / "أمس الاثنين": a day relative to the publication, with its weekday."""
    days = {"اليوم": 0, "امس": 1, "غدا": -1}
    names = weekdays()
    result = []
    for match in _patterns()["relative"].finditer(normalize(text)):
        weekday = names.get("ال" + match.group("wd")) if not match.group("wd").startswith("ال") else names.get(match.group("wd"))
        if weekday is None:
            weekday = names.get(match.group("wd"))
        if weekday is not None:
            result.append(RelativeDate(match.start(), match.end(), days[match.group("rel")], weekday))
    return result


def resolve_relative(rel: RelativeDate, crawled: dt.date, max_lag_days: int = 2) -> dt.date | None:
    """The publication day implied by `rel` for a page crawled on `crawled`, or None.

    The weekday must agree with a publication day at most `max_lag_days` before the crawl:
    a page crawled on Wednesday that says "اليوم الثلاثاء" was published Tuesday.
    """
    for lag in range(max_lag_days + 1):
        published = crawled - dt.timedelta(days=lag)
        if (published - dt.timedelta(days=rel.days_back)).weekday() == rel.weekday:
            return published
    return None


def parse_iso_like(value: str) -> DateMatch | None:
    """Parse a date given by an input or HTML metadata (ISO-ish or any form above)."""
    found = find_dates(value.strip())
    return found[0] if found else None
