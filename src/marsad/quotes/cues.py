"""Speech cues from data/cues.tsv, found as whole words (proclitics و/ف stripped)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalize import normalize
from marsad.data import data_path, read_lines, read_tsv

# "دعا الأمين العام لجامعة الدول العربية أحمد أبو الغيط، الأحد، طرفي النزاع في السودان إلى ..."
MAX_WORDS_BEFORE_PREPOSITION = 16
_word = lru_cache(maxsize=65_536)(normalize)   # one word at a time: cache it
WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u065F\u0670\u0640A-Za-z0-9]+")
# أن/إن with their pronoun suffixes, after normalization ("أنه" -> "انه")
COMPLEMENTS = frozenset({"ان", "انه", "انها", "انهم", "انهن", "انهما", "اننا", "انني", "انكم", "انك", "بان", "بانه", "بانها", "بانهم", "باننا"})
COMPLEMENT_PREPOSITIONS = frozenset({"الى", "على", "من", "عن", "في"})


@dataclass(frozen=True)
class Cue:
    start: int          # offsets of the cue word as written (with its proclitic)
    end: int
    text: str
    kind: str           # say, cont, attr, noun


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, str]:
    return {normalize(row["form"]): row["kind"] for row in read_tsv(data_path("cues.tsv"))}


def _kind_of(word: str) -> str | None:
    forms = cue_forms()
    norm = _word(word)
    if norm in forms:
        return forms[norm]
    for clitic in ("و", "ف"):
        if norm.startswith(clitic) and norm[1:] in forms:
            return forms[norm[1:]]
    return None


_MARKS = "[\u064B-\u0652\u0640]*"
_CLASSES = {"ا": "[اأإآٱ]", "ي": "[يىئ]", "و": "[وؤ]", "ه": "[هة]"}


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    """One regex over the original text for every cue form: each letter also matches its
    unfolded variants and may carry diacritics, so offsets stay those of the text."""
    forms = sorted(cue_forms(), key=len, reverse=True)
    alternatives = ["".join(_CLASSES.get(c, re.escape(c)) + _MARKS for c in form) for form in forms]
    return re.compile(
        "(?<![\\w\u064B-\u0652])(?:[وف]" + _MARKS + ")?(?:" + "|".join(alternatives) + ")(?![\\w\u064B-\u0652])"
    )


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    cues = []
    for match in _cue_pattern().finditer(text, start, end):
        kind = _kind_of(match.group())
        if kind:
            cues.append(Cue(match.start(), match.end(), match.group(), kind))
    return cues


def complement_after(text: str, position: int, limit: int) -> tuple[int, int] | None:
    """The first أن/إن (optionally after إلى/على/من) between `position` and `limit`:
    returns (complement start, where the reported content begins)."""
    for match in WORD.finditer(text, position, limit):
        norm = _word(match.group())
        if norm in COMPLEMENTS:
            content = match.end()
            while content < limit and text[content] in " \u00a0":
                content += 1
            return match.start(), content
        if norm[:1] in "وف" and _word(match.group()[1:]) in COMPLEMENTS:
            return None     # "وأن" starts a coordinated clause, not this cue's complement
    return None


def complement_word(word: str) -> bool:
    return normalize(word) in COMPLEMENTS


# Words that open an adverbial or prepositional phrase, not a subject ("وقال في بيان:")
_NOT_SUBJECT = frozenset(normalize(w) for w in (
    "في", "خلال", "عقب", "أمام", "عبر", "على", "بعد", "قبل", "ضمن", "اليوم", "أمس", "مساء",
    "صباح", "لدى", "حول", "إلى", "الى", "من", "عن", "مع", "أيضا", "كذلك", "بدوره", "بدورها",
    "جانبه", "جانبها", "جهته", "جهتها", "كما", "ثم", "لكن", "لكنه", "لكنها", "المقابل", "بينما",
    "فيما", "حين", "حيث", "وذلك", "ذلك", "بالقول", "للصحفيين", "لوكالة", "لقناة", "لصحيفة",
    "تصريحات", "تصريح", "كلمة", "مؤتمر", "ان", "إن", "أن", "قد", "يوم", "الاثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
    # an attribution aside ("وأضافت، بحسب ما نقلته وسائل إعلام: ...") is not the subject
    "بحسب", "حسب", "وفقا", "وفق", "طبقا", "نقلا",
    # أن with a pronoun ("مؤكدة أنه "...""): the complementizer, not a subject
    "أنه", "أنها", "إنه", "إنها", "أنهم", "إنهم"))
_CONNECTIVES = frozenset(normalize(w) for w in (
    "و", "ف", "من", "جانبه", "جانبها", "جهته", "جهتها", "بدوره", "بدورها", "كما", "ثم", "لكن"))


def explicit_subject(gap: str) -> bool:
    """Does the text between a clause start and a cue (or a cue and its words) name a subject
    of its own? "من جانبه،" / "في بيان" do not; "كانت موسكو قد" / "مصدر مطلع" do."""
    words = [_word(w) for w in WORD.findall(gap)]
    words = [w[1:] if w[:1] in "وف" and len(w) > 3 and w[1:] in _NOT_SUBJECT else w for w in words]
    # connectives and other speech verbs ("وتابعت تقول:", "وأضاف قائلا:") are no subject
    while words and (words[0] in _CONNECTIVES or _kind_of(words[0]) in ("say", "cont")):
        words = words[1:]
    return bool(words) and words[0] not in _NOT_SUBJECT


@lru_cache(maxsize=1)
def cue_prepositions() -> dict[str, str]:
    return {normalize(row["cue"]): normalize(row["preposition"])
            for row in read_tsv(data_path("cue_prepositions.tsv"))}


def preposition_after(text: str, cue: Cue, limit: int) -> tuple[int, int] | None:
    """For "دعا (X) إلى ...", "حذر من ...": (where the subject ends, where the content begins)."""
    norm_cue = normalize(cue.text)
    wanted = cue_prepositions().get(norm_cue) or cue_prepositions().get(norm_cue[1:])
    if wanted is None:
        return None
    for count, match in enumerate(WORD.finditer(text, cue.end, limit)):
        word = _word(match.group())
        if count > MAX_WORDS_BEFORE_PREPOSITION:
            return None
        if word == wanted:
            return match.start(), match.end() + (1 if text[match.end() : match.end() + 1] == " " else 0)
        if wanted == "ب" and word.startswith("ب") and len(word) > 3:   # "طالب بوقف" (attached)
            return match.start(), match.start() + 1
    return None


@lru_cache(maxsize=1)
def clause_ends() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_lines("clause_ends.txt"))


@lru_cache(maxsize=1)
def _unnamed_source_words() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_lines("unnamed_sources.txt"))


def unnamed_source(before_noun: str) -> bool:
    """Is the source named between the last "عن" and a "قوله" an unnamed one ("عن مصدر ...")?"""
    words = [_word(w) for w in WORD.findall(before_noun)]
    if "عن" not in words:
        return False
    after = words[len(words) - 1 - words[::-1].index("عن") + 1 :]
    return bool(after) and after[0] in _unnamed_source_words()


def unnamed_opening(subject: str) -> bool:
    """Does a subject open with an unnamed source ("مصادر ميدانية", "مسؤول أمريكي")?"""
    words = [_word(w) for w in WORD.findall(subject)]
    while words and (words[0] in _CONNECTIVES or words[0] in _NOT_SUBJECT):
        words = words[1:]
    return bool(words) and words[0] in _unnamed_source_words()
