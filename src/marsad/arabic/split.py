"""Paragraph and sentence splitting that respects Arabic punctuation and quotation marks."""

from __future__ import annotations

import re

SENTENCE_END = ".!?؟…"
OPENING_QUOTES = "“«„‹"
CLOSING_QUOTES = "”»‟›"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SIGNIFICANT = re.compile('[.!?؟…“«„‹”»‟›"\n]')


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; paragraphs are separated by blank lines."""
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [trim_span(text, s, e) for s, e in spans if text[s:e].strip()]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence. A full stop inside quotation marks does not end the
    sentence (the quote continues), unless the quote is never closed in its paragraph."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        spans.extend(_paragraph_sentences(text, p_start, p_end))
    return spans


def _paragraph_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = _sentence_cuts(text, start, end, respect_quotes=True)
    if cuts is None:     # unbalanced quotation marks: fall back to punctuation only
        cuts = _sentence_cuts(text, start, end, respect_quotes=False) or []
    spans, position = [], start
    for cut in cuts:
        if text[position:cut].strip():
            spans.append(trim_span(text, position, cut))
        position = cut
    if text[position:end].strip():
        spans.append(trim_span(text, position, end))
    return spans


def _sentence_cuts(text: str, start: int, end: int, respect_quotes: bool) -> list[int] | None:
    depth, in_ascii = 0, False
    cuts: list[int] = []
    skip_to = start
    for found in _SIGNIFICANT.finditer(text, start, end):
        index = found.start()
        if index < skip_to:
            continue
        char = text[index]
        if char in OPENING_QUOTES:
            depth += 1
        elif char in CLOSING_QUOTES:
            depth = max(0, depth - 1)
        elif char == '"':
            in_ascii = not in_ascii
        elif char == "\n" and depth == 0 and not in_ascii:
            cuts.append(index + 1)
        elif char in SENTENCE_END and (not respect_quotes or (depth == 0 and not in_ascii)):
            while index + 1 < end and text[index + 1] in SENTENCE_END + CLOSING_QUOTES + '"':
                index += 1
            skip_to = index + 1
            if index + 1 >= end or text[index + 1].isspace():
                cuts.append(index + 1)
    if respect_quotes and (depth or in_ascii):
        return None
    return cuts


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
