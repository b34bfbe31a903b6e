"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM), Windows-1256; reject the rest.

Any byte string "decodes" as cp1256, so the result is judged: text with NUL bytes, many
control characters or almost no letters is binary or garbage, and is refused with a reason.
"""

from __future__ import annotations

import codecs
import re

from marsad.errors import InputError

_CHARSET_DECL = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_CP1256_NAMES = {"windows-1256", "cp1256", "x-cp1256"}
_SPACE = re.compile(r"\s")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_MIN_RATIO = 0.4       # of the non-space characters
_CONTROL_MAX_RATIO = 0.03
_SAMPLE_CHARS = 20_000
_MIN_LETTERS = 300              # below the letter ratio, a long list of figures with prose is still an article


def decode_bytes(data: bytes, source: str, is_html: bool = False) -> str:
    """Decode input bytes to text or raise InputError naming `source` and the reason."""
    if not data.strip():
        raise InputError(source, "empty input")
    text = _decode(data, source, is_html)
    _check_plausible(text, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def _decode(data: bytes, source: str, is_html: bool) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", source)
    utf16 = _looks_like_bomless_utf16(data)
    if utf16:
        return _strict(data, utf16, source)
    if b"\x00" in data:
        raise InputError(source, "binary data (NUL bytes): not a text or HTML article")
    if is_html and _declared_cp1256(data):
        return data.decode("cp1256", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise InputError(source, "not UTF-8, UTF-16 or Windows-1256 text") from exc


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"invalid {encoding.upper()} at byte {exc.start}") from exc


def _looks_like_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte is NUL (Latin) or 0x06 (Arabic block)."""
    sample = data[:2000]
    if len(sample) < 8 or len(sample) % 2:
        return None
    odd, even = sample[1::2], sample[0::2]
    for high, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        share = sum(1 for b in high if b in (0, 6)) / len(high)
        if share > 0.9 and high.count(0) > 0:
            return codec
    return None


def _declared_cp1256(data: bytes) -> bool:
    match = _CHARSET_DECL.search(data[:4096])
    return match is not None and match.group(1).decode("ascii", "ignore").lower() in _CP1256_NAMES


def _check_plausible(text: str, source: str) -> None:
    text = text[:_SAMPLE_CHARS]   # a large sample judges the whole; big pages stay cheap
    if "\x00" in text:
        raise InputError(source, "binary data (NUL characters): not a text or HTML article")
    visible = len(text) - _SPACE.subn("", text)[1]
    if not visible:
        raise InputError(source, "empty input (only whitespace)")
    if _CONTROL.subn("", text)[1] / len(text) > _CONTROL_MAX_RATIO:
        raise InputError(source, "binary data (control characters): not a text or HTML article")
    letters = _LETTER.subn("", text)[1]
    if letters / visible < _LETTER_MIN_RATIO and (letters < _MIN_LETTERS or letters / visible < 0.15):
        raise InputError(source, "implausible text: almost no letters (binary or garbage?)")
    if "\ufffd" in text and text.count("\ufffd") / visible > 0.01:
        raise InputError(source, "undecodable bytes: not valid text in any supported encoding")
