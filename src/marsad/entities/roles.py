"""People named by role: apposition ("وزير الخارجية الروسي سيرغي لافروف"), later role-only
references ("وزير الخارجية الروسي", "الوزير الصيني", "نظيره الصيني"), and office holders.

Resolution order for a role-only reference, never guessing:
1. the one person already mentioned in the article who holds that role (from an apposition
   in this article, or from the gazetteer's offices);
2. with no such person, the one holder of that office on the article's date (known date only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marsad.arabic.tokens import stopwords
from marsad.entities.lexicon import Lexicon, lexicon, role_matches
from marsad.entities.matcher import Token, longest_match, tokenize
from marsad.entities.mentions import MentionTable
from marsad.gazetteer import Entry, Gazetteer
from marsad.quotes.cues import cue_forms

GENERIC_MINISTER = "minister"
APPOSITION_GAP = 3         # title words between a role and the name it describes


@dataclass
class RoleRef:
    first: int
    last: int              # exclusive token index
    role: str | None       # None for a counterpart ("نظيره")
    kind: str
    country: str | None
    skip: int = 0          # proclitic characters before the role word ("ونظيره")
    role_last: int = 0     # end of the role words (the country part may be an ORG/PLACE mention)


def find_role_refs(table: MentionTable, lex: Lexicon) -> list[RoleRef]:
    refs: list[RoleRef] = []
    tokens = table.tokens
    candidates = set(lex.roles.positions(tokens))
    candidates.update(i for i, t in enumerate(tokens) if t.norm[-4:] in _COUNTERPART_ENDINGS)
    next_free = 0
    for index in sorted(candidates):
        if index < next_free:
            continue
        ref = _role_at(table, lex, index)
        if ref is not None:
            refs.append(ref)
            next_free = ref.last
    return refs


# "نظيره", "ونظيرته": cheap prefilter before the exact counterpart check
_COUNTERPART_ENDINGS = frozenset({"ظيره", "يرته", "يرها", "ريه", "رائه", "يريه"})


def _role_at(table: MentionTable, lex: Lexicon, index: int) -> RoleRef | None:
    if table.taken[index]:
        return None
    tokens = table.tokens
    counterpart_skip = next((skip for v, skip in tokens[index].variants if v in lex.counterparts), None)
    if counterpart_skip is None and not lex.roles.starts(tokens[index]):
        return None
    skip = 0
    if counterpart_skip is not None:
        role, kind, last, skip = None, "counterpart", index + 1, counterpart_skip
    else:
        match = longest_match(tokens, index, lex.roles)
        if match is None:
            return None
        skip, size, (role, kind) = match
        last = index + size
    role_last = last
    country, last = _country_after(table, lex, last)
    return RoleRef(index, last, role, kind, country, skip, role_last)


def _country_after(table: MentionTable, lex: Lexicon, index: int) -> tuple[str | None, int]:
    """"الروسي" (adjective) or "روسيا"/"للأمم المتحدة" (genitive) right after a role."""
    tokens = table.tokens
    if index >= len(tokens):
        return None, index
    if table.taken[index]:
        found = table.at_start(index)
        if found is None or found.entry.type not in ("ORG", "PLACE"):
            return None, index
        if found.entry.type == "ORG" or found.entry.kind == "country":
            # "المتحدثة باسم الخارجية الروسية" / "الأمين العام للأمم المتحدة" / "وزير خارجية روسيا"
            return found.entry.country or found.entry.name, found.last_token
    country = lex.adjectives.get(tokens[index].norm)
    if country:
        return country, index + 1
    match = longest_match(tokens, index, lex.country_forms)
    if match:
        return match[2], index + match[1]
    return None, index


def _is_place(table: MentionTable, index: int) -> bool:
    found = table.at_token(index)
    return found is not None and found.entry.type in ("PLACE", "ORG")


def resolve_roles(table: MentionTable, refs: list[RoleRef], lex: Lexicon, gaz: Gazetteer,
                  day: dt.date | None) -> None:
    last_role: str | None = None
    for ref in refs:
        following, country = _apposed_person(table, lex, ref)
        if following is not None:
            # apposition: the role describes the name that follows; the name is the mention
            if ref.role:
                table.roles.setdefault(following.id, set()).add((ref.role, country or ""))
            last_role = ref.role or last_role
            continue
        if not table.free(ref.first, ref.role_last) or (ref.country is None and ref.role is None):
            continue
        person = _resolve(table, ref, lex, gaz, day, last_role)
        if person is not None:
            table.add(person, ref.first, ref.last, ref.skip, "role")
        last_role = ref.role or last_role


def _apposed_person(table: MentionTable, lex: Lexicon, ref: RoleRef) -> tuple[Entry | None, str | None]:
    """The person a role title stands in apposition to, and the role's country: the name right
    after it ("وزير الخارجية الروسي سيرغي لافروف") or after a few more words of the title
    ("وزير الطاقة السعودي الأمير عبد العزيز بن سلمان"; no punctuation or function word between)."""
    country = ref.country
    stop = stopwords()
    index, words = ref.last, 0
    while index < len(table.tokens) and words <= APPOSITION_GAP:
        found = table.at_token(index)
        if found is not None and found.first_token == index:
            return (found.entry, country) if found.entry.type == "PERSON" else (None, None)
        token = table.tokens[index]
        destination = table.at_start(index + 1) if token.norm in _POSTED_TO else None
        if destination is not None and destination.entry.type in ("PLACE", "ORG"):
            index = destination.last_token      # "المبعوث الخاص إلى سوريا غير بيدرسن"
            continue
        if found is not None or not token.is_word or token.norm in stop or _starts_another_role(lex, token):
            break
        country = country or lex.adjectives.get(token.norm)
        index, words = index + 1, words + 1
    return None, None


# "إلى سوريا", "لدى الأمم المتحدة" inside a title: where an envoy or ambassador is posted
_POSTED_TO = frozenset({"الي", "لدي"})


def _title_goes_on(table: MentionTable, index: int) -> bool:
    """"مدير إدارة الطوارئ", "الوزير السابق": more title words follow the role, so it names
    some other office than the one a person earlier in the article holds."""
    if index >= len(table.tokens) or table.taken[index]:
        return False
    token = table.tokens[index]
    return (token.is_word and token.norm not in stopwords() and token.norm[:1] not in "لب"
            and token.norm not in cue_forms() and not token.norm.isdigit())


def _starts_another_role(lex: Lexicon, token: Token) -> bool:
    """"وزير الخارجية الروسي نظيره الصيني وانغ يي": the name after a second role is not the
    first role's."""
    return bool(lex.roles.starts(token)) or any(v in lex.counterparts for v, _ in token.variants)


def _resolve(table: MentionTable, ref: RoleRef, lex: Lexicon, gaz: Gazetteer,
             day: dt.date | None, last_role: str | None) -> Entry | None:
    position = table.tokens[ref.first].start
    earlier = table.persons_before(position)
    if ref.country is None:
        # "الأمين العام", "وقال الوزير" alone: the one earlier person who holds that role, as
        # this article introduced them ("وزير الطاقة السعودي الأمير ...") or, for an office,
        # as the gazetteer knows them
        if ref.role is None or _title_goes_on(table, ref.last):
            return None
        wanted = ref.role
        holders = [p for p in earlier if any(role_matches(wanted, r) for r, _ in table.roles.get(p.id, set()))
                   or (ref.kind != "generic" and any(o.role == wanted for o in lex.offices.get(p.name, [])))]
        return holders[0] if len(holders) == 1 else None
    country = ref.country or ""
    if ref.role is None:   # counterpart: the one earlier person of that country
        candidates = [p for p in earlier if _country_of(table, lex, p, day) == country]
        role = last_role
    else:
        role = ref.role
        candidates = [p for p in earlier if _holds(table, lex, p, role, country, day)]
    if len(candidates) == 1:
        return candidates[0]
    if candidates or day is None or role is None or ref.kind == "generic":
        return None
    holder = lex.holder_at(role, country, day)
    return gaz.by_name(holder) if holder else None


def _holds(table: MentionTable, lex: Lexicon, person: Entry, role: str, country: str,
           day: dt.date | None) -> bool:
    local = table.roles.get(person.id, set())
    if any(c == country and (r == role or role == GENERIC_MINISTER and r.endswith("minister")) for r, c in local):
        return True
    # an earlier mention that ever held the role: articles also recount past meetings
    return lex.holds(person.name, role, country, None)


def _country_of(table: MentionTable, lex: Lexicon, person: Entry, day: dt.date | None) -> str:
    local = {c for _, c in table.roles.get(person.id, set())}
    if len(local) == 1:
        return local.pop()
    return person.country


def unnamed_office_holder(text: str) -> bool:
    """Does `text` (the words before an organisation's name) hold an office title other than
    a spokesperson's ("الأمين العام ل...", "رئيس ...")? A spokesperson speaks for the
    organisation; a secretary-general or a president is a person in their own right."""
    return any(not role.endswith("spokesperson") for role in role_titles(text))


def role_titles(text: str) -> list[str]:
    """The roles of the titles written in `text` ("وزير الخارجية" -> foreign_minister)."""
    lex = lexicon()
    tokens = tokenize(text)
    found = (longest_match(tokens, index, lex.roles) for index in lex.roles.positions(tokens))
    return [match[2][0] for match in found if match is not None]
