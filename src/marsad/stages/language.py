"""Language detection: Arabic-script ratio first (fast and certain), pycld2 for the rest."""

from __future__ import annotations

import re

from marsad.article import Article

_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u0750-\u077F]")


def detect_language(text: str) -> str:
    sample = text[:2000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return "und"
    if len(_ARABIC_LETTER.findall(sample)) / letters >= 0.5:
        return "ar"
    try:
        import pycld2

        reliable, _, details = pycld2.detect(text[:20000])
        code = details[0][1] if details else "un"
    except Exception:   # pycld2 rejects some byte sequences; a ratio answer is good enough
        return "und"
    return code if reliable and code != "un" else "und"


def language(article: Article) -> Article:
    article.language = detect_language(article.text or article.body_source)
    return article
