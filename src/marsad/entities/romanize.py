"""A readable romanization of Arabic names for people the gazetteer does not know.

Not a scholarly transliteration: it aims at what English-language press would print for a
name it meets for the first time ("هاني سويلم" -> "Hani Swylm" is acceptable, stable, ASCII).
"""

from __future__ import annotations

from functools import lru_cache

from marsad.arabic.normalize import normalize
from marsad.data import data_path, read_tsv

_LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "", "ى": "a",
}
_PARTICLES = {"بن": "bin", "ابن": "ibn", "بنت": "bint", "ابو": "Abu", "ال": "Al", "عبد": "Abd",
              "الله": "Allah", "الدين": "al-Din", "محمد": "Mohammed", "احمد": "Ahmed"}


def romanize_word(word: str) -> str:
    word = normalize(word)
    if word in _PARTICLES:
        return _PARTICLES[word]
    prefix = ""
    if word.startswith("عبد") and len(word) > 4:
        prefix, word = "Abdel", word[3:].removeprefix("ال")
        if word == "له":
            return "Abdullah"
    if word.startswith("ال") and len(word) > 3:
        prefix, word = (prefix + " " if prefix else "") + "Al-", word[2:]
    head, word, tail = _foreign_affixes(word) if not prefix else ("", word, "")
    out = [head]
    for index, char in enumerate(word):
        latin = _LETTERS.get(char, "")
        if char == "و" and 0 < index < len(word) - 1:
            latin = "o" if word[index - 1] not in "اوي" else "w"
        elif char == "ي" and 0 < index < len(word) - 1:
            latin = "i" if word[index - 1] not in "اوي" else "y"
        elif char == "ي" and index == len(word) - 1 and index > 0 and word[index - 1] not in "اوي":
            latin = "i"
        elif char == "ه" and index == len(word) - 1 and index > 0:
            latin = "a"     # taa marbuta, folded to ه by normalization
        elif char == "و" and index == len(word) - 1 and index > 0 and word[index - 1] not in "اوي":
            latin = "o"     # "سوريانو" -> Soriano
        out.append(latin)
    out.append(tail)
    body = "".join(out)
    body = body[:1].upper() + body[1:]
    if prefix.endswith("Al-"):
        return prefix + body
    return (prefix + " " + body).strip() if prefix else body


def _foreign_affixes(word: str) -> tuple[str, str, str]:
    """(Latin start, the rest, Latin ending) by data/romanize_patterns.tsv: "زاخاروفا" ->
    Zakharova, "إيرينا" -> Irina. The stem keeps at least two letters."""
    head = tail = ""
    for arabic, latin, where, min_stem in _patterns():
        if len(word) - len(arabic) < min_stem:
            continue
        if where == "end" and not tail and word.endswith(arabic):
            word, tail = word[: -len(arabic)], latin
        elif where == "start" and not head and word.startswith(arabic):
            word, head = word[len(arabic):], latin
    return head, word, tail


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, str, str, int], ...]:
    path = data_path("romanize_patterns.tsv")
    if not path.exists():
        return ()
    rows = [(normalize(r["arabic"]), r["latin"], r["where"], int(r.get("min_stem") or 2)) for r in read_tsv(path)]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@lru_cache(maxsize=1)
def _known_forms() -> dict[str, str]:
    """Press spellings of common given and family names (data/name_romanizations.tsv, then
    the one-word given names of data/given_names.tsv)."""
    forms: dict[str, str] = {}
    given = data_path("given_names.tsv")
    if given.exists():
        forms.update((normalize(row["name_ar"]), row["name_en"]) for row in read_tsv(given)
                     if row.get("name_en") and " " not in row.get("name_ar", " "))
    path = data_path("name_romanizations.tsv")
    if path.exists():
        forms.update((normalize(row["arabic"]), row["english"]) for row in read_tsv(path) if row.get("english"))
    return forms


def romanize(name: str) -> str:
    """"خالد المنصوري" -> "Khaled Al-Mansouri" when the words are known, else a letter-by-letter
    rendering ("سويلم" -> "Soylm"); always ASCII, words capitalised."""
    known = _known_forms()
    parts = name.split()
    joined: list[str] = []
    for word in parts:     # "عبد الرحمن" is looked up as the one name "عبدالرحمن"
        if joined and normalize(joined[-1]) in ("عبد", "ابو") and normalize(joined[-1] + word) in known:
            joined[-1] += word
        else:
            joined.append(word)
    words = [known.get(normalize(w)) or romanize_word(w) for w in joined]
    return " ".join(w for w in words if w)
