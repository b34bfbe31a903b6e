"""Span-locating helpers used to build the frozen quote/entity gold set.

Annotations are written as *snippets* (never as hand-counted offsets); this module
turns them into code-point offsets with str.index and validates the result.

Used by build_part_a.py.  Not imported by the marsad package.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

PERSON, ORG, PLACE = "PERSON", "ORG", "PLACE"

OPEN_CLOSE = {"«": "»", "“": "”", '"': '"'}
QUOTE_CHARS = set("«»“”\"'‘’")
PROCLITICS = "وفبكل"
HONORIFICS = ("الأمير", "الشيخ", "الدكتور", "الملك", "المهندس", "السفير", "السيد", "السيدة")
SENT_END = ".\n"
TRAIL_PUNCT = " \t\n،,؛;:."


# ---------------------------------------------------------------- spec objects
@dataclass
class D:
    """Direct quote: `start` = first characters right after the opening mark."""
    start: str
    speaker: str | None
    group: str | None = None
    occ: int = 0


@dataclass
class I:  # noqa: E742 (short name keeps the spec files readable)
    """Indirect quote: from `start` up to and including `end` (or sentence end)."""
    start: str
    end: str | None
    speaker: str | None
    group: str | None = None
    occ: int = 0


@dataclass
class N:
    """Text in quotation marks that is NOT speech (title, name, scare quote)."""
    start: str
    note: str
    occ: int = 0


@dataclass
class E:
    surface: str
    type: str
    name: str
    role: bool = False          # role-only description of a person
    occ: list[int] | None = None  # restrict to these valid occurrences


@dataclass
class Doc:
    num: int
    text: str
    quotes: list
    ents: list = field(default_factory=list)
    nonq: list = field(default_factory=list)


def clean(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().split("\n")]
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out + "\n"


# ---------------------------------------------------------------- helpers
def _nth(text: str, snippet: str, occ: int) -> int:
    idx, pos = [], 0
    while True:
        p = text.find(snippet, pos)
        if p < 0:
            break
        idx.append(p)
        pos = p + 1
    if not idx:
        raise ValueError(f"snippet not found: {snippet!r}")
    if occ == 0 and len(idx) > 1:
        raise ValueError(f"snippet not unique ({len(idx)}x), give occ: {snippet!r}")
    return idx[occ]


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _left_ok(text: str, p: int) -> bool:
    if p == 0 or not _is_letter(text[p - 1]):
        return True
    q = p
    for _ in range(2):  # up to two stacked proclitics (وب، ول، فل ...)
        if q > 0 and text[q - 1] in PROCLITICS:
            q -= 1
            if q == 0 or not _is_letter(text[q - 1]):
                return True
        else:
            return False
    return False


def _right_ok(text: str, e: int) -> bool:
    return e >= len(text) or not _is_letter(text[e])


def mentions(text: str, surface: str) -> list[tuple[int, int]]:
    """Valid occurrences of `surface`, proclitics excluded from the span.

    For surfaces starting with ال, also matches the لل form (ل + ال with the alef
    dropped): the span then starts at the second ل, i.e. only the proclitic ل is
    excluded, as the guidelines require.
    """
    res = []
    for m in re.finditer(re.escape(surface), text):
        p, e = m.start(), m.end()
        if _left_ok(text, p) and _right_ok(text, e):
            res.append((p, e))
    if surface.startswith("ال"):
        alt = "ل" + surface[2:]
        for m in re.finditer(re.escape(alt), text):
            p, e = m.start(), m.end()
            if p > 0 and text[p - 1] == "ل" and _left_ok(text, p - 1) and _right_ok(text, e):
                res.append((p, e))
    return sorted(set(res))


def _overlaps(a, spans):
    return any(a[0] < b[1] and b[0] < a[1] for b in spans)


# ---------------------------------------------------------------- entities
def build_entities(text: str, doc_specs: list[E], global_specs: list[E]):
    doc_surfaces_all = {s.surface for s in doc_specs if s.occ is None}
    specs = list(doc_specs) + [g for g in global_specs if g.surface not in doc_surfaces_all]
    taken: list[tuple[int, int, E]] = []
    blocked: list[tuple[int, int]] = []

    def spans():
        return [(a, b) for a, b, _ in taken]

    # A: explicit occurrences
    for s in specs:
        if s.occ is None:
            continue
        ms = mentions(text, s.surface)
        for k in s.occ:
            sp = ms[k]
            if _overlaps(sp, spans()):
                raise ValueError(f"explicit occurrence overlaps: {s}")
            taken.append((sp[0], sp[1], s))
    rest = [s for s in specs if s.occ is None]
    # B: person names
    for s in sorted([s for s in rest if s.type == PERSON and not s.role], key=lambda s: -len(s.surface)):
        for sp in mentions(text, s.surface):
            if not _overlaps(sp, spans()):
                taken.append((sp[0], sp[1], s))
    # C: role-only person descriptions
    person_starts = {a for a, b, s in taken if s.type == PERSON}
    hon = "|".join(HONORIFICS)
    follow = re.compile(rf"(?:\s+(?:{hon}))*\s+")
    for s in sorted([s for s in rest if s.role], key=lambda s: -len(s.surface)):
        for sp in mentions(text, s.surface):
            if _overlaps(sp, spans()) or _overlaps(sp, blocked):
                continue
            m = follow.match(text, sp[1])
            if m and m.end() in person_starts:
                blocked.append(sp)  # title directly followed by the name: name only
                continue
            taken.append((sp[0], sp[1], s))
    # D: organisations and places
    for s in sorted([s for s in rest if s.type != PERSON], key=lambda s: -len(s.surface)):
        for sp in mentions(text, s.surface):
            if not _overlaps(sp, spans()):
                taken.append((sp[0], sp[1], s))
    taken.sort(key=lambda t: t[0])
    return [dict(start=a, end=b, type=s.type, name=s.name) for a, b, s in taken]


# ---------------------------------------------------------------- quotes
def _close_of(text: str, s: int) -> int:
    op = text[s - 1]
    if op not in OPEN_CLOSE:
        raise ValueError(f"direct quote not preceded by an opening mark: {text[s-5:s+20]!r}")
    cl = OPEN_CLOSE[op]
    e = text.find(cl, s)
    if e < 0:
        raise ValueError("no closing mark")
    if op != cl and op in text[s:e]:
        raise ValueError("nested same-type opening mark")
    return e


def build_quote(text: str, q):
    if isinstance(q, D):
        s = _nth(text, q.start, q.occ)
        e = _close_of(text, s)
        kind = "direct"
    else:
        s = _nth(text, q.start, q.occ)
        if q.end is not None:
            e = text.index(q.end, s) + len(q.end)
        else:
            cands = [text.find(c, s) for c in SENT_END]
            cands = [c for c in cands if c >= 0]
            e = min(cands) if cands else len(text)
        while e > s and text[e - 1] in TRAIL_PUNCT:
            e -= 1
        kind = "indirect"
    return dict(start=s, end=e, kind=kind, speaker=q.speaker, group=q.group)


def build_nonquote(text: str, n: N):
    s = _nth(text, n.start, n.occ)
    e = _close_of(text, s)
    return dict(start=s, end=e, note=n.note)


# ---------------------------------------------------------------- validation
def validate_doc(text: str, quotes: list[dict], ents: list[dict], nonq: list[dict], label: str):
    errs = []
    for q in quotes:
        t = text[q["start"]:q["end"]]
        if not t.strip():
            errs.append(f"{label}: empty quote {q}")
            continue
        if t[0].isspace() or t[-1].isspace() or t[0] in QUOTE_CHARS or t[-1] in QUOTE_CHARS:
            errs.append(f"{label}: bad quote boundary {t[:30]!r}...{t[-30:]!r}")
        if q["kind"] == "direct":
            # (a real article may put a space between a mark and the words)
            a, b = q["start"] - 1, q["end"]
            while a > 0 and text[a].isspace():
                a -= 1
            while b < len(text) - 1 and text[b].isspace():
                b += 1
            op = text[a]
            if op not in OPEN_CLOSE or text[b] != OPEN_CLOSE[op]:
                errs.append(f"{label}: direct quote not enclosed {t[:30]!r}")
        else:
            if text[q["start"] - 1] in QUOTE_CHARS and text[q["end"]:q["end"] + 1] in QUOTE_CHARS:
                errs.append(f"{label}: indirect quote enclosed in marks {t[:30]!r}")
        if q["kind"] not in ("direct", "indirect"):
            errs.append(f"{label}: bad kind")
    qs = sorted(quotes, key=lambda q: q["start"])
    for a, b in zip(qs, qs[1:]):
        if a["end"] > b["start"]:
            errs.append(f"{label}: overlapping quotes at {a['start']}/{b['start']}")
    for en in ents:
        t = text[en["start"]:en["end"]]
        if not t or t != t.strip() or t[0] in QUOTE_CHARS or t[-1] in QUOTE_CHARS:
            errs.append(f"{label}: bad entity span {t!r}")
        if en["type"] not in (PERSON, ORG, PLACE):
            errs.append(f"{label}: bad entity type {en}")
    es = sorted(ents, key=lambda x: x["start"])
    for a, b in zip(es, es[1:]):
        if a["end"] > b["start"]:
            errs.append(f"{label}: overlapping entities {a} {b}")
    for n in nonq:
        t = text[n["start"]:n["end"]]
        if not t or t != t.strip():
            errs.append(f"{label}: bad non-quote span {t!r}")
        for q in quotes:
            if q["kind"] == "direct" and q["start"] == n["start"]:
                errs.append(f"{label}: non-quote coincides with a direct quote")
    return errs
