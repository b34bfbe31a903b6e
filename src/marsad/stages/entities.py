"""Entities stage: people, organisations and places with canonical ids and English names.

Passes over one article's tokens, each filling only tokens no earlier pass took:
1. ministries by pattern ("وزارة الخارجية الروسية");
2. outlets and agencies ("وكالة الأنباء السعودية"), then gazetteer names, proclitic-aware
   (longest match);
3. national organisations by pattern ("الاتحاد السعودي لكرة القدم"), see entities.org_patterns;
   people named by a known given name ("نايف القحطاني"), see entities.given_names;
4. the trained tagger (marsad.ner) for the other names the gazetteer does not know;
5. organisations referred back to by their head noun ("الوزارة"), see entities.anaphora;
6. role titles and counterparts, resolved by in-article coreference or office dates;
7. surnames and other name parts of people already mentioned ("لافروف", "وانغ").
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.arabic.dates import parse_iso_like
from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import stopwords
from marsad.article import Article
from marsad.data import data_path, read_tsv
from marsad.entities.anaphora import resolve_org_anaphora
from marsad.entities.given_names import announced, function_word, person_spans
from marsad.entities.lexicon import Lexicon, lexicon
from marsad.entities.matcher import KeyTable, Token, longest_match, tokenize
from marsad.entities.mentions import CONTRACT_TYPES, MentionTable
from marsad.entities.org_patterns import organisation_spans
from marsad.entities.roles import find_role_refs, resolve_roles
from marsad.entities.romanize import romanize
from marsad.gazetteer import Entry, Gazetteer, entity_id, gazetteer
from marsad.ner.features import given_name_words, triggers
from marsad.outlets import outlet_index
from marsad.settings import Settings

EAST_ASIAN = {"China", "Taiwan", "North Korea", "South Korea", "Vietnam", "Singapore"}
_NAME_PARTICLES = {"بن", "ابن", "بنت", "ابو", "ال", "عبد", "ولد", "اف", "دي", "فون"}
_COMPOUND_SURNAME = frozenset({"عبد", "ابو"})
_PATRONYMIC = frozenset({"بن", "ابن", "بنت"})
DATED_SOURCES = {"explicit", "html-meta", "input", "updated", "relative", "story"}


def entities(article: Article, settings: Settings | None = None) -> Article:
    settings = settings or Settings()
    gaz = gazetteer(settings.gazetteer_files)
    lex = lexicon()
    table = MentionTable(tokenize(article.text), article.text)
    _ministries(table, lex)
    _media_names(table, settings)       # before places: "وكالة الأنباء السعودية" is one name
    _gazetteer_names(table, gaz)
    _ambiguous_names(table, gaz)
    _pattern_organisations(table)
    _name_parts(table)          # surnames of people the gazetteer found ("لافروف", "وانغ")
    _given_name_people(table)
    if settings.use_model:
        _model_names(table, gaz)
    resolve_org_anaphora(table)
    resolve_roles(table, find_role_refs(table, lex), lex, gaz, article_day(article))
    _name_parts(table)          # ... and of people the tagger found
    article.entities = table.to_entities()
    return article


def article_day(article: Article) -> dt.date | None:
    if not article.published or article.published_source not in DATED_SOURCES:
        return None
    found = parse_iso_like(article.published)
    return found.date if found else None


def _ministries(table: MentionTable, lex: Lexicon) -> None:
    tokens = table.tokens
    for index in sorted(set(_MINISTRY.positions(tokens)) | set(lex.ministries.positions(tokens))):
        token = tokens[index]
        if table.taken[index]:
            continue
        has_ministry = bool(_MINISTRY.starts(token))
        start = index + 1 if has_ministry else index
        match = longest_match(tokens, start, lex.ministries) if start < len(tokens) else None
        if match is None:
            continue
        skip, size, (name_en, bare) = match
        after = start + size
        adjective = tokens[after].norm if after < len(tokens) else ""
        country = lex.adjectives.get(adjective)
        # "الخارجية الروسية" names the ministry; "وزير الخارجية الروسي" is a minister
        if country is None or not (has_ministry or (bare and adjective.endswith("ه") and not _after_role(tokens, index, lex))):
            continue
        entry = Entry(entity_id("ORG", f"{name_en} {country}"), "ORG", ministry_name(name_en, country), "",
                      country=country)
        table.add(entry, index, after + 1, skip if not has_ministry else _skip(token), "ministry")


@lru_cache(maxsize=1)
def _press_names() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    demonyms = {row["country"]: row["demonym"] for row in read_tsv(data_path("demonyms.tsv"))}
    overrides = {(row["country"], row["ministry"]): row["name_en"] for row in read_tsv(data_path("ministry_names.tsv"))}
    return demonyms, overrides


def ministry_name(ministry: str, country: str) -> str:
    """"Russian Ministry of Foreign Affairs", "US Department of State": the press name (the id
    stays the one of "<ministry> <country>")."""
    demonyms, overrides = _press_names()
    if (country, ministry) in overrides:
        return overrides[(country, ministry)]
    demonym = demonyms.get(country)
    return f"{demonym} {ministry}" if demonym else f"{ministry} ({country})"


def _after_role(tokens: list[Token], index: int, lex: Lexicon) -> bool:
    """Is tokens[index] part of a role title ("وزير الخارجية", "المتحدثة باسم الخارجية")?"""
    for start in range(max(0, index - 4), index):
        match = longest_match(tokens, start, lex.roles)
        if match is not None and start + match[1] > index:
            return True
    return False


_MINISTRY: KeyTable[bool] = KeyTable()
_MINISTRY.add(("وزاره",), True)


def _skip(token: Token) -> int:
    return next(skip for variant, skip in token.variants if variant == "وزاره")


def _gazetteer_names(table: MentionTable, gaz: Gazetteer) -> None:
    next_free = 0
    for index in gaz.table.positions(table.tokens):
        if index < next_free or table.taken[index]:
            continue
        match = longest_match(table.tokens, index, gaz.table)
        if match is None:
            continue
        skip, size, entry = match
        if entry.type == "PERSON" and index and table.tokens[index - 1].norm in _PATRONYMIC:
            continue    # "عبد العزيز بن تركي الفيصل": تركي الفيصل is the father's name here
        if table.free(index, index + size):
            table.add(entry, index, index + size, skip, "gazetteer")
        next_free = index + size


@lru_cache(maxsize=4)
def _media_table(outlet_files: tuple[Path, ...], gazetteer_files: tuple[Path, ...]) -> KeyTable[Entry]:
    """Outlets and agencies as organisations ("ذكرت وكالة تاس", "قالت رويترز"): they are
    speakers too. One-word names starting with ال are ordinary words far too often, and a
    one-word name that is also a gazetteer name ("عمان": Oman, Amman, a newspaper) is not
    taken for the outlet."""
    table: KeyTable[Entry] = KeyTable()
    index = outlet_index(outlet_files)
    gaz = gazetteer(gazetteer_files)
    for key, outlet in index.by_alias.items():
        if len(key) == 1 and (key[0].startswith("ال") or key[0].isascii() or key in gaz.by_key
                              or key in gaz.ambiguous):
            continue
        table.add(key, Entry(entity_id("ORG", outlet.name_en), "ORG", outlet.name_en, outlet.name_ar))
    return table


def _media_names(table: MentionTable, settings: Settings) -> None:
    media = _media_table(settings.outlet_files, settings.gazetteer_files)
    next_free = 0
    for index in media.positions(table.tokens):
        if index < next_free or table.taken[index]:
            continue
        match = longest_match(table.tokens, index, media)
        if match is not None and table.free(index, index + match[1]):
            table.add(match[2], index, index + match[1], match[0], "media")
            next_free = index + match[1]


def _ambiguous_names(table: MentionTable, gaz: Gazetteer) -> None:
    """A spelling shared by two gazetteer entries ("عمان": Oman, Amman) is linked to the one
    whose country the article names elsewhere; with no such hint (or two) it is taken but not
    linked, so that no later pass guesses ("Man")."""
    context = {entry.country or entry.name for entry in (item.entry for item in table.found)}
    context |= {item.entry.name for item in table.found if item.entry.kind == "country"}
    shared = gaz.ambiguous_table
    for index in shared.positions(table.tokens):
        if table.taken[index]:
            continue
        form, skip = shared.starts(table.tokens[index])[0]
        options = shared.get((form,)) or []
        supported = [o for o in options if (o.country or o.name) in context]
        if len(supported) == 1:
            table.add(supported[0], index, index + 1, skip, "gazetteer")
        else:
            table.taken[index] = True


def _pattern_organisations(table: MentionTable) -> None:
    for first, last, skip, country in organisation_spans(table.tokens, table.taken):
        name = table.text[table.tokens[first].start + skip : table.tokens[last - 1].end]
        # "للاتحاد السعودي" keeps "لاتحاد" as its mention; the name has its article back
        name_en = romanize("ال" + name[1:] if name.startswith("لا") and not name.startswith("لال") else name)
        table.add(Entry(entity_id("ORG", name_en), "ORG", name_en, name, country=country),
                  first, last, skip, "pattern")


def _given_name_people(table: MentionTable) -> None:
    for first, last, skip in person_spans(table.tokens, table.taken):
        name = table.text[table.tokens[first].start + skip : table.tokens[last - 1].end]
        table.add(_unknown("PERSON", name), first, last, skip, "given-name")


def _model_names(table: MentionTable, gaz: Gazetteer) -> None:
    from marsad.ner.tagger import load_tagger

    tagger = load_tagger()
    if tagger is None:
        return
    for first, last, label in _tagged_spans(tagger, table.tokens):
        if label == "PERS":
            first = _after_leading_nouns(table.tokens, first, last)
        if not table.free(first, last) or label not in CONTRACT_TYPES:
            continue
        skip, name = _strip_span(table.tokens[first:last], table.text)
        if len(name) < 3 or not _plausible_name(label, table.tokens[first:last]):
            continue
        if label == "PERS" and last - first == 1 and not _lone_name_supported(table.tokens, first):
            continue
        kind = CONTRACT_TYPES[label]
        known = gaz.lookup(name)
        entry = known if known is not None and known.type == kind else _unknown(kind, name)
        table.add(entry, first, last, skip, "model")


def _tagged_spans(tagger: Any, tokens: list[Token]) -> list[tuple[int, int, str]]:
    """Tag sentence by sentence: the tagger advances all sentences of an article together,
    which is many times faster than one article-long sequence."""
    from marsad.ner.tagger import spans_from_labels

    bounds, start = [], 0
    for index, token in enumerate(tokens):
        if token.text in ".!؟?\n" or index - start >= 60:
            bounds.append((start, index + 1))
            start = index + 1
    if start < len(tokens):
        bounds.append((start, len(tokens)))
    sentences = [[t.text for t in tokens[a:b]] for a, b in bounds]
    labels = tagger.tag_article(sentences)
    return [(a + s, a + e, kind) for (a, _), sentence_labels in zip(bounds, labels, strict=True)
            for s, e, kind in spans_from_labels(sentence_labels)]


def _after_leading_nouns(tokens: list[Token], first: int, last: int) -> int:
    """"الجامعة درة الزواري" -> "درة الزواري": a person span that opens with a definite noun
    (the title or body the tagger swept in) starts after it, when two words are left."""
    while last - first > 2 and tokens[first].text.lstrip("وبف").startswith("ال"):
        first += 1
    return first


def _plausible_name(label: str, tokens: list[Token]) -> bool:
    """Tagger spans that cannot be names: function words inside, or a person whose first
    word carries the article ("الفيديو كونفيرنس") — Arabic given names never do."""
    if any(function_word(t) or not t.is_word for t in tokens):
        return False
    # the article is written with a bare alef; "أليكسي" (Alexei) is a name, "الفيديو" is not
    return not (label == "PERS" and tokens[0].text.lstrip("وبف").startswith("ال"))


def _lone_name_supported(tokens: list[Token], index: int) -> bool:
    """A one-word person from the tagger is kept when something besides the tagger says it is
    a name: a title or speech verb right before it ("الرئيس X", "وقال X") or a known given
    name. Alone, one word is too often an ordinary word ("زعيمانا", "بحمد")."""
    if _title_with_pronoun(tokens[index].norm, triggers()):
        return False
    if announced(tokens, index, speech_verbs=True):
        return True
    return any(form in given_name_words() for form, _ in tokens[index].variants)


_PRONOUN_SUFFIXES = ("انا", "اهم", "اه", "نا", "هما", "هم", "ها", "ه", "كم")


def _title_with_pronoun(norm: str, kinds: dict[str, str]) -> bool:
    """"زعيمانا" (our two leaders), "رئيسهم": a title noun with a pronoun suffix is no name."""
    for suffix in _PRONOUN_SUFFIXES:
        stem = norm.removesuffix(suffix)
        if stem != norm and len(stem) >= 3 and ("ال" + stem in kinds or stem in kinds):
            return True
    return False


def _strip_span(tokens: list[Token], text: str) -> tuple[int, str]:
    """Drop a conjunction و, or the proclitic before ال, from a tagged span's first word —
    but not from short words where و is part of the name ("وانغ", "وليد", "وائل")."""
    first = tokens[0]
    skip = 0
    for variant, chars in first.variants:
        article = variant.startswith("ال") and chars <= 2
        conjunction = first.norm.startswith("و") and chars == 1 and len(variant) >= 4
        if chars and (article or conjunction):
            skip = chars
            break
    return skip, text[first.start + skip : tokens[-1].end]


def _unknown(kind: str, name_ar: str) -> Entry:
    name_en = romanize(name_ar)
    return Entry(entity_id(kind, name_en), kind, name_en, "")


def _name_parts(table: MentionTable) -> None:
    """Later mentions by surname ("لافروف", "عبد الكريم") or, for East Asian names, family
    name ("وانغ"); a surname the tagger took as a person of its own joins the full name."""
    parts: dict[tuple[str, ...], Entry | None] = {}
    first_seen: dict[str, int] = {}
    for item in sorted(table.found, key=lambda f: f.start):
        if item.entry.type != "PERSON":
            continue
        mention = table.text[item.start : item.end]
        earlier = parts.get(tuple(normalize(mention).split()))
        if item.via in ("model", "given-name") and earlier is not None:
            item.entry = earlier        # "كوزنتسوف" after "أندريه كوزنتسوف"
            continue
        first_seen.setdefault(item.entry.id, item.start)
        for part in _parts_of(item.entry, mention):
            known = parts.get(part, item.entry)
            parts[part] = item.entry if known is not None and known.id == item.entry.id else None
    _add_part_mentions(table, parts, first_seen)


def _add_part_mentions(table: MentionTable, parts: dict[tuple[str, ...], Entry | None],
                       first_seen: dict[str, int]) -> None:
    tokens = table.tokens
    for index, token in enumerate(tokens):
        if table.taken[index] or not token.is_word:
            continue
        following = tokens[index + 1].norm if index + 1 < len(tokens) and not table.taken[index + 1] else None
        for variant, skip in token.variants:
            size, entry = 2, parts.get((variant, following)) if following else None
            if entry is None:
                size, entry = 1, parts.get((variant,))
            if entry is not None and first_seen[entry.id] < token.start:
                table.add(entry, index, index + size, skip, "surname")
                break


def _parts_of(entry: Entry, mention: str) -> list[tuple[str, ...]]:
    words = normalize(entry.name_ar or mention).split()
    if len(words) < 2:
        return []
    stop = stopwords()
    candidates = [words[-1]]
    if entry.country in EAST_ASIAN:
        candidates.append(words[0])
    found: list[tuple[str, ...]] = [(w,) for w in candidates
                                    if len(w) >= 3 and w not in _NAME_PARTICLES and w not in stop]
    if len(words) >= 3 and words[-2] in _COMPOUND_SURNAME:
        found.append((words[-2], words[-1]))      # "صلاح الدين عبد الكريم" -> "عبد الكريم"
    return found
