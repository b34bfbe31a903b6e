"""Language detection: Arabic-script ratio first (fast and certain), pycld2 for the rest."""

from __future__ import annotations

from marsad.article import Article


def detect_language(text: str) -> str:
    letters = [c for c in text[:5000] if c.isalpha()]
    if not letters:
        return "und"
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    if arabic / len(letters) >= 0.5:
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
