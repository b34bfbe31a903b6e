"""Quotes stage: who said what, verbatim (`direct`) and reported (`indirect`).

Direct: words inside quotation marks that a speech cue introduces (before: "قال لافروف:",
"أكد أن"; after: "”، قال لافروف", "بحسب ..."), or a long quotation opened after a colon, or
a paragraph that opens with a quotation (a quote continued from the paragraph before).
Short quoted words with no cue are titles or scare quotes, not speech.
Indirect: the clause after a cue's أن/إن ("قال إن ...", "أشار إلى أن ..."), or after
"قال: " without marks. Speaker: the first person or organisation named between the cue and
the words; a continuation cue ("وأضاف") or a bare verb inherits the previous speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from marsad.arabic.normalize import normalize
from marsad.arabic.split import paragraphs, sentences, trim_span
from marsad.article import Article
from marsad.entities.roles import role_titles, unnamed_office_holder
from marsad.quotes.cues import (
    WORD,
    Cue,
    clause_ends,
    complement_after,
    complement_word,
    cue_forms,
    explicit_subject,
    find_cues,
    preposition_after,
    unnamed_opening,
    unnamed_source,
)
from marsad.quotes.marks import quoted_spans
from marsad.settings import Settings

_DATELINE = re.compile(r"^\s*[^\s\-–—]+(?:\s[^\s\-–—]+)?\s*(?:\([^()]{1,30}\)\s*)?[-–—]\s")
MAX_CUE_GAP = 160          # characters between a cue and the words it introduces
NOUN_SOURCE_REACH = 40     # characters before "قوله" where its source is named
MIN_UNCUED_WORDS = 6       # an uncued quotation after a colon must be at least this long
_SPEAKER_TYPES = ("PERSON", "ORG")


@dataclass
class _Mention:
    start: int
    end: int
    id: str
    name: str
    type: str


@dataclass
class _State:
    last_speaker: _Mention | None = None
    open_quote: bool = False        # the previous paragraph ended inside a quotation


def _continued_quote(text: str, start: int, end: int, state: _State) -> tuple[int, int] | None:
    """A paragraph that carries on a quotation left open by the one before, up to its closing
    mark ("...، وإلى ضمان وصول المساعدات دون عوائق»")."""
    if not state.open_quote or text[start] in "“«\"":
        return None
    for index in range(start, end):
        if text[index] in "“«":
            return None
        if text[index] in "”»\"":
            return (start, index) if index > start else None
    return None


def quotes(article: Article, settings: Settings | None = None) -> Article:
    text = article.text
    mentions = sorted(
        (_Mention(m["start"], m["end"], e["id"], e["name"], e["type"])
         for e in article.entities for m in e["mentions"] if e["type"] in _SPEAKER_TYPES),
        key=lambda m: m.start,
    )
    state = _State()
    found: list[dict[str, Any]] = []
    for p_start, p_end in paragraphs(text):
        found.extend(_paragraph_quotes(text, p_start, p_end, mentions, state))
    article.quotes = found
    return article


def _paragraph_quotes(text: str, p_start: int, p_end: int, mentions: list[_Mention],
                      state: _State) -> list[dict[str, Any]]:
    spans = quoted_spans(text, p_start, p_end)
    result = []
    continued = _continued_quote(text, p_start, p_end, state)
    if continued is not None:
        result.append(_quote(text, *continued, "direct", state.last_speaker, None))
        spans = [(a, b) for a, b in spans if a > continued[1]]
    state.open_quote = bool(spans) and spans[-1][1] >= p_end and text[p_end - 1] not in "”»\""
    for s_start, s_end in _sentences_in(text, p_start, p_end):
        if continued is not None and s_start < continued[1]:
            continue
        direct = [(a, b) for a, b in spans if s_start <= a - 1 < s_end]
        cues = [c for c in find_cues(text, s_start, s_end) if not any(a <= c.start < b for a, b in spans)]
        result.extend(_sentence_quotes(text, s_start, s_end, direct, cues, mentions, state,
                                       paragraph_start=p_start))
    return result


def _sentences_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + s, start + e) for s, e in sentences(text[start:end])]


def _sentence_quotes(text: str, s_start: int, s_end: int, direct: list[tuple[int, int]],
                     cues: list[Cue], mentions: list[_Mention], state: _State,
                     paragraph_start: int) -> list[dict[str, Any]]:
    used: set[int] = set()
    out = [q for span in direct
           if (q := _direct(text, span, s_start, s_end, cues, mentions, state, paragraph_start, used))]
    for cue in cues:
        if cue.start in used:
            continue
        if cue.kind == "attr":
            # "وأضاف الوزير، وفق الوكالة، أن ...": an aside inside another cue's clause
            aside = any(c.kind in ("say", "cont") and s_start <= c.start < cue.start for c in cues)
            quote = None if aside else _attributed(text, cue, s_start, s_end, mentions, state)
        elif cue.kind in ("say", "cont", "noun"):     # "نقلت عنه قوله إن ..."
            quote = _indirect(text, cue, s_start, s_end, cues, mentions, state)
        else:
            quote = None
        if quote is not None:
            out = _merge_with_direct(out, quote)
    return sorted(out, key=lambda q: q["start"])


def _direct(text: str, span: tuple[int, int], s_start: int, s_end: int, cues: list[Cue],
            mentions: list[_Mention], state: _State, paragraph_start: int,
            used: set[int]) -> dict[str, Any] | None:
    start, end = span
    if _is_just_a_name(start, end, mentions) or not text[start:end].strip():
        return None
    before = [c for c in cues if s_start <= c.end <= start and start - c.end <= MAX_CUE_GAP
              and c.kind in ("say", "cont", "noun") and not _complement_between(text, c, start)]
    if before and _introduces(text, before[-1], start, end, mentions):
        cue = before[-1]
        used.add(cue.start)
        speaker = _speaker(text, cue, mentions, cue.end, start, state, _clause_start(text, s_start, cue))
        return _quote(text, start, end, "direct", speaker, cue.text)
    after = [c for c in cues if end <= c.start <= end + 6 and c.kind in ("say", "cont", "attr")
             and not _opens_own_content(text, c, s_end)]
    if after:
        cue = after[0]
        used.add(cue.start)
        speaker = _speaker(text, cue, mentions, cue.end, min(s_end, cue.end + 80), state)
        return _quote(text, start, end, "direct", speaker, cue.text)
    words = len(text[start:end].split())
    opens_paragraph = start - 1 == paragraph_start
    after_colon = text[max(s_start, start - 3) : start].rstrip("“«\" ").endswith(":")
    if opens_paragraph or (after_colon and words >= MIN_UNCUED_WORDS):
        return _quote(text, start, end, "direct", state.last_speaker, None)
    return None


def _opens_own_content(text: str, cue: Cue, s_end: int) -> bool:
    """"«...»، داعيا إلى وقف القتال": a participle with its own أن/preposition right after it
    reports something else; it does not attribute the quotation before it."""
    limit = min(s_end, cue.end + 12)
    return complement_after(text, cue.end, limit) is not None or preposition_after(text, cue, limit) is not None


def _introduces(text: str, cue: Cue, quote_start: int, quote_end: int, mentions: list[_Mention]) -> bool:
    """"قال: “...”", "أكد أن “...”", "قوله “...”", "وقال لافروف “...”" introduce speech;
    "أعلنت عن شراكة “بلا حدود”" does not (a term in quotes)."""
    gap = text[cue.end : quote_start - 1].strip()
    words = len(text[quote_start:quote_end].split())
    if cue.kind == "noun" or gap.endswith(":") or words >= MIN_UNCUED_WORDS:
        return True
    last = gap.split()[-1] if gap.split() else ""
    if complement_word(last):
        return True
    return bool(gap) and any(cue.end <= m.start and m.end >= quote_start - 3 for m in mentions if m.start < quote_start)


def _complement_between(text: str, cue: Cue, quote_start: int) -> bool:
    """A cue whose own أن-clause starts before the quotation ("أكد أن X قال “...”") does not
    introduce it — unless the quotation is that clause ("أكد أن “...”")."""
    found = complement_after(text, cue.end, quote_start)
    return found is not None and text[found[1] : quote_start].strip(" “«\"„") != ""


def _is_just_a_name(start: int, end: int, mentions: list[_Mention]) -> bool:
    return any(m.start <= start + 1 and m.end >= end - 1 for m in mentions)


def _indirect(text: str, cue: Cue, s_start: int, s_end: int, cues: list[Cue],
              mentions: list[_Mention], state: _State) -> dict[str, Any] | None:
    following = [c.start for c in cues if c.start > cue.start and c.kind != "attr"]
    limit = min(s_end, cue.end + MAX_CUE_GAP, *following)
    found = complement_after(text, cue.end, limit)
    colon = text.find(":", cue.end, min(limit, cue.end + 80))
    if found is not None:
        subject_end, content_start = found
    elif colon >= 0:
        subject_end, content_start = colon, _skip_inna(text, colon + 1, s_end)
    elif (called := preposition_after(text, cue, limit)) is not None:
        subject_end, content_start = called
        if not _names_someone(text, mentions, cue.end, subject_end):
            subject_end = cue.end   # "ودعا وسائل الإعلام إلى ...": an object, not a subject
    else:
        return None
    content_end = _clause_end(text, content_start, s_end, cues)
    if content_end - content_start < 8:
        return None
    speaker = _speaker(text, cue, mentions, cue.end, subject_end, state, _clause_start(text, s_start, cue))
    return _quote(text, content_start, content_end, "indirect", speaker, cue.text)


def _attributed(text: str, cue: Cue, s_start: int, s_end: int, mentions: list[_Mention],
                state: _State) -> dict[str, Any] | None:
    """"وبحسب بيان للوزارة، ..." (words after) or "...، بحسب المصدر." (words before)."""
    if normalize(text[cue.end : cue.end + 8]).lstrip().startswith(("قوله", "قولها")):
        return None         # "– بحسب قوله –": an aside inside someone else's quote
    # "وفقا لـ«رويترز»": after an attribution the ل introduces the source itself
    speaker = _subject_in(text, mentions, cue.end, min(s_end, cue.end + 60), skip_addressees=False)
    if text[s_start:cue.start].strip(" و،,") == "":
        comma = text.find("،", cue.end, s_end)
        if comma < 0:
            return None
        # the source is named before the comma: "وبحسب وكالة الأنباء، فإن الوزير ..."
        speaker = _subject_in(text, mentions, cue.end, comma, skip_addressees=False)
        start, end = trim_span(text, _after_fa_inna(text, comma + 1, s_end), s_end)
    else:
        start, end = trim_span(text, s_start, cue.start)
        end = end - 1 if text[end - 1 : end] in "،," else end
        start, end = trim_span(text, start, end)
    if end - start < 15:
        return None
    if speaker is not None:
        state.last_speaker = speaker
    return _quote(text, start, end, "indirect", speaker, cue.text)


def _after_fa_inna(text: str, position: int, limit: int) -> int:
    """"...، فإن الوزير عقد": the reported words start after فإن (like after إن)."""
    while position < limit and text[position].isspace():
        position += 1
    for particle in ("فإن ", "فان ", "فإنّ "):
        if text.startswith(particle, position):
            return position + len(particle)
    return position


def _skip_inna(text: str, position: int, limit: int) -> int:
    """After "قال: " skip spaces and an opening إن/أن (the contract leaves them out)."""
    while position < limit and text[position].isspace():
        position += 1
    for particle in ("إن ", "إنّ ", "أن ", "أنّ ", "ان "):
        if text.startswith(particle, position):
            return position + len(particle)
    return position


def _clause_end(text: str, start: int, s_end: int, cues: list[Cue]) -> int:
    """Reported content runs to the sentence end, or to where a new cue takes over:
    "...، مضيفا أن ...", "... وأضاف ...", "...، وتابع: ..."."""
    end = s_end
    for cue in cues:
        if not start < cue.start < end:
            continue
        before = text[start : cue.start].rstrip()
        if before.endswith(("،", ",", "؛")) or normalize(cue.text)[:1] in "وف" and cue.kind in ("say", "cont"):
            end = len(before) + start
            break
    end = _narration_start(text, start, end)
    end = trim_span(text, start, end)[1]
    while end > start and text[end - 1] in ".،,؛:!؟?":
        end -= 1
    return end


def _narration_start(text: str, start: int, end: int) -> int:
    """"...، وذلك خلال افتتاح الاجتماع": the reporter's narration after a comma ends the clause."""
    for comma in (i for i in range(start, end) if text[i] in "،,"):
        following = WORD.match(text, comma + 1 + (text[comma + 1 : comma + 2] == " "))
        if following is not None and normalize(following.group()) in clause_ends():
            return comma
    return end


def _merge_with_direct(out: list[dict[str, Any]], quote: dict[str, Any]) -> list[dict[str, Any]]:
    """A reported clause holding a quotation: mostly the quotation -> keep the direct quote;
    a quoted term inside a longer clause -> the clause (the quote is part of it)."""
    inside = [q for q in out if q["start"] >= quote["start"] - 1 and q["end"] <= quote["end"] + 1]
    if not inside:
        return [*out, quote]
    quoted = sum(q["end"] - q["start"] for q in inside)
    if quoted >= 0.5 * (quote["end"] - quote["start"]):
        return out
    return [q for q in out if q not in inside] + [quote]


def _speaker(text: str, cue: Cue, mentions: list[_Mention], start: int, end: int,
             state: _State, clause_start: int | None = None) -> _Mention | None:
    """The subject of the cue; the previous speaker when the cue has none of its own
    ("وأضاف:", "وقال:"); None when it has a subject marsad cannot name (null beats wrong).

    The subject is a name before the verb ("وكان لافروف قد صرح") or right after it
    ("وقال وانغ يي"), never one inside a prepositional phrase ("صرح عقب لقائه وانغ يي")."""
    prefix = _DATELINE.sub("", text[clause_start : cue.start]) if clause_start is not None else ""
    # a participle ("داعيا مجلس الأمن إلى") has no subject after it: what follows is its object
    gap = "" if _participle(cue) else text[start:end]
    before_verb = (_subject_in(text, mentions, clause_start, cue.start)
                   if clause_start is not None and explicit_subject(prefix) else None)
    if cue.kind == "noun":      # "نقلت عن لافروف قوله": the name right before the noun
        if unnamed_source(text[max(0, cue.start - NOUN_SOURCE_REACH) : cue.start]):
            return None         # "عن مصدر في الوزارة قوله": not the ministry
        before = [m for m in mentions if cue.start - NOUN_SOURCE_REACH <= m.end <= cue.start]
        subject = before[-1] if before else None
    elif before_verb is not None:
        subject = before_verb
    elif explicit_subject(gap):
        subject = _subject_in(text, mentions, start, end)
    else:
        subject = None
    if subject is not None:
        state.last_speaker = subject
        return subject
    # a participle ("مؤكدة", "مضيفا") shares the subject of the sentence it ends: with no name
    # before it, that is the speaker so far
    if cue.kind == "noun" or explicit_subject(gap) or (explicit_subject(prefix) and not _participle(cue)):
        return None
    return state.last_speaker


def _participle(cue: Cue) -> bool:
    """"مضيفا", "مؤكدة", "داعيا", "لافتا", "قائلا": an accusative participle (مُفعِلا / فاعلا)."""
    norm = normalize(cue.text)
    if norm[:1] in "وف" and len(norm) > 5:
        norm = norm[1:]         # the cue may carry a conjunction: "ومؤكدا"
    if cue.kind not in ("say", "cont") or len(norm) < 4 or not norm.endswith(("ا", "ه")):
        return False
    return norm[0] == "م" or norm[1] == "ا"


_TOLD = re.compile(r"(?:^|\s)ل\u0640*\s*[«\"“]?\s*$")


def _addressee(text: str, mention: _Mention) -> bool:
    """"قال لـ«عكاظ»", "صرح للشرق الأوسط": the outlet told, not the one speaking."""
    return bool(_TOLD.search(text[max(0, mention.start - 5) : mention.start]))


def _names_someone(text: str, mentions: list[_Mention], start: int, end: int) -> bool:
    return any(start <= m.start < end for m in mentions) or bool(role_titles(text[start:end]))


def _subject_in(text: str, mentions: list[_Mention], start: int, end: int,
                skip_addressees: bool = True) -> _Mention | None:
    """A person in the span, else an organisation (the spokesman before his ministry) — but
    not the organisation of an office holder marsad could not name ("دعا الأمين العام للأمم
    المتحدة إلى ...": the speaker is a person, so null)."""
    if unnamed_opening(text[start:end]):
        return None             # "أكدت مصادر ميدانية لـ«عكاظ»": an unnamed source
    inside = [m for m in mentions if start <= m.start < end and not (skip_addressees and _addressee(text, m))]
    people = [m for m in inside if m.type == "PERSON"]
    if people:
        return people[0]
    if inside and unnamed_office_holder(text[start : inside[0].start]):
        return None
    return inside[0] if inside else None


def _clause_start(text: str, s_start: int, cue: Cue) -> int:
    """Where the clause of a cue begins: after the last comma before it, or the sentence start.
    Participles ("مشيرا") continue the clause before the comma: they reach the sentence start."""
    if _participle(cue):
        return s_start
    # "... الإعارة وكشفت مصادر أن": و opens a new clause (not ف: "أما العمري فقال")
    if normalize(cue.text)[:1] == "و" and _kind_without_conjunction(cue.text):
        return cue.start
    comma = max(text.rfind("،", s_start, cue.start), text.rfind(",", s_start, cue.start))
    return comma + 1 if comma >= 0 else s_start


def _kind_without_conjunction(word: str) -> bool:
    """Is `word` a cue only once its first letter (و/ف) is read as a conjunction?"""
    return normalize(word) not in cue_forms()


def _quote(text: str, start: int, end: int, kind: str, speaker: _Mention | None,
           cue: str | None) -> dict[str, Any]:
    return {"text": text[start:end], "kind": kind, "speaker": speaker.id if speaker else None,
            "speaker_name": speaker.name if speaker else None, "cue": cue, "start": start, "end": end}
