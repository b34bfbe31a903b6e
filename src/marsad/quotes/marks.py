"""Quotation marks: top-level quoted spans of a paragraph, nested quotes folded into the outer."""

from __future__ import annotations

import re

from marsad.arabic.split import trim_span

OPENERS = {"“": "”", "«": "»", "„": "“", "‹": "›"}
_MARK = re.compile('[“”«»„‹›"]')
CLOSERS = {"”", "»", "›"}


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(content start, content end) of each top-level quotation in text[start:end].

    Curly and guillemet marks nest with a stack; ASCII " toggles. A quotation left open at
    the end of the paragraph ends there (multi-paragraph quotes reopen in the next one)."""
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    ascii_open = -1
    top_start = -1
    for found in _MARK.finditer(text, start, end):
        index = found.start()
        char = text[index]
        if char == '"' and not stack:
            if ascii_open < 0:
                ascii_open = index
            else:
                spans.append((ascii_open + 1, index))
                ascii_open = -1
        elif char in OPENERS and ascii_open < 0 and (
                char == "„" or not (stack and char == "“" and _closes(text, index, end))):
            if not stack:
                top_start = index
            stack.append(char)
            continue
        if (char in CLOSERS or (char == "“" and stack)) and stack and ascii_open < 0:
            stack.pop()
            if not stack:
                spans.append((top_start + 1, index))
    if stack:
        spans.append((top_start + 1, end))
    elif ascii_open >= 0 and end - ascii_open > 20:
        spans.append((ascii_open + 1, end))
    return [(s, e) for s, e in (trim_span(text, s, e) for s, e in spans) if e > s]


def _closes(text: str, index: int, end: int) -> bool:
    """A “ that is followed by space or punctuation closes (some sites close with “)."""
    following = text[index + 1 : index + 2]
    return not following or following.isspace() or following in ".,،؛:!?؟)"
