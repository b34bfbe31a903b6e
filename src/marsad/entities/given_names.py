"""People the gazetteer and the tagger do not know, found by a known given name.

"الخبير الاقتصادي معز الورتاني", "وقال نايف القحطاني": a given name from data/given_names.tsv
followed by a name word is a person. The name runs on over a father's given name ("حسين عوض
علي"), name particles ("بن سلمان", "عبد الكريم") and ends at its surname. A given name that is
also an ordinary word (أمين، كريم، سعيد، نور) needs more: a title right before it
("الدكتور"), or a nisba surname after it ("كريم الصاوي").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from marsad.arabic.dates import month_names
from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import stopwords
from marsad.data import data_path, read_lines, read_tsv
from marsad.entities.lexicon import lexicon
from marsad.entities.matcher import KeyTable, Token, longest_match
from marsad.gazetteer import key_of
from marsad.ner.features import triggers
from marsad.quotes.cues import cue_forms

# Words that join two parts of one name; the word after them is part of the name too.
_JOINERS = frozenset({"بن", "ابن", "بنت", "ولد", "ابو", "ال", "عبد", "اف", "دي", "فان", "فون", "دو"})
MAX_NAME_WORDS = 5
_PREPOSITION_AND_ARTICLE = ("لل", "بال", "وال", "فال", "كال")


@lru_cache(maxsize=1)
def given_names() -> KeyTable[bool]:
    """Normalized given name (one or two words: "عبد الله") -> whether it is also a common word."""
    table: KeyTable[bool] = KeyTable()
    path = data_path("given_names.tsv")
    if path.is_file():
        for row in read_tsv(path):
            key = key_of(row.get("name_ar", ""))
            ambiguous = row.get("ambiguous", "0").strip() == "1"
            if key and not table.add(key, ambiguous) and not ambiguous:
                table.values[key] = False       # any unambiguous row of a form wins
    return table


def person_spans(tokens: list[Token], taken: list[bool]) -> Iterator[tuple[int, int, int]]:
    """(first token, last token exclusive, characters of proclitics to skip) of every person
    named by a known given name, on tokens not `taken` by an earlier pass."""
    names = given_names()
    next_free = 0
    for index in names.positions(tokens):
        if index < next_free or taken[index]:
            continue
        match = longest_match(tokens, index, names)
        if match is None:
            continue
        skip, size, ambiguous = match
        if function_word(tokens[index], skip):
            continue        # "على" folds to the name "علي"
        end = _name_end(tokens, taken, index + size)
        if end == index + size:
            continue        # a given name alone is not enough
        if ambiguous and not (announced(tokens, index) or _nisba(tokens[end - 1])):
            continue
        yield index, end, skip
        next_free = end


def _name_end(tokens: list[Token], taken: list[bool], position: int) -> int:
    """Where a name that has its given name up to `position` ends."""
    names = given_names()
    end = position
    while end < len(tokens) and end - position < MAX_NAME_WORDS:
        token = tokens[end]
        if taken[end]:
            break
        if token.norm in _JOINERS:
            # after بن/عبد any word is a name: "بن تركي" (تركي is also "Turkish")
            if end + 1 < len(tokens) and not taken[end + 1] and _after_joiner(tokens[end + 1]):
                end += 2
                continue
            break
        if not _name_word(token):
            break
        end += 1
        if (token.norm,) not in names:
            break       # a surname (or any other name word) closes the name
    return end


def _name_word(token: Token) -> bool:
    """Could this word be part of a person's name? Not a function word, title, speech verb,
    nationality ("الروسي"), country or month."""
    if not token.is_word or not token.norm.isalpha() or token.norm.isascii() or len(token.norm) < 2:
        return False
    norm = token.norm
    if norm.startswith(_PREPOSITION_AND_ARTICLE):
        return False        # "فيصل للدراسات": a name word carries no preposition
    lex = lexicon()
    return not (function_word(token, 0) or norm in triggers() or norm in cue_forms()
                or norm in lex.adjectives or (norm,) in lex.country_forms
                or (norm,) in lex.roles or norm in month_names())


def _after_joiner(token: Token) -> bool:
    return token.is_word and token.norm.isalpha() and not token.norm.isascii() and not function_word(token)


def function_word(token: Token, skip: int = 0) -> bool:
    """Is the word as written (without proclitics) a function word? Normalization folds ى
    onto ي, so "على" and the name "علي" share a form: the spelling tells them apart."""
    written = token.text[skip:]
    norm = normalize(written) if skip else token.norm
    if norm not in stopwords():
        return False
    return not (norm in _folded_alif_maqsura_stopwords() and written.endswith("ي"))


@lru_cache(maxsize=1)
def _folded_alif_maqsura_stopwords() -> frozenset[str]:
    """Normalized stopwords that exist only as spellings with a final ى (على، إلى، حتى)."""
    written = read_lines("stopwords.txt")
    with_ya = {normalize(w) for w in written if not w.endswith("ى")}
    return frozenset(normalize(w) for w in written if w.endswith("ى")) - with_ya


def announced(tokens: list[Token], index: int, speech_verbs: bool = False) -> bool:
    """A person trigger right before `tokens[index]`: a title or role noun ("الخبير",
    "الدكتور") and, with `speech_verbs`, a speech verb too ("وقال"). Without them: "وقال أمين
    عام الجامعة" is no person called أمين."""
    if index == 0:
        return False
    kinds = triggers()
    cues = cue_forms()
    return any(kinds.get(form) == "PERS" and (speech_verbs or form not in cues)
               for form, _ in tokens[index - 1].variants)


def _nisba(token: Token) -> bool:
    """A family name of the form ال...ي ("الصاوي", "القحطاني")."""
    return token.norm.startswith("ال") and token.norm.endswith("ي") and len(token.norm) >= 5

