"""Turn paths (files, directories, `-`) into raw inputs: bytes plus what the input states.

Readers never raise for one bad input: they yield a `RawInput` carrying the error, so the
rest of the batch goes on and the caller can name each failure.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
GIVEN_KEYS = ("url", "title", "published", "outlet", "crawled")


@dataclass
class RawInput:
    source: str
    data: bytes = b""
    kind: str = "text"                      # "text" or "html"
    given: dict[str, str] = field(default_factory=dict)
    text: str | None = None                 # already-decoded text (JSONL values)
    error: InputError | None = None

    @property
    def id(self) -> str:
        """Stable id: hash of the url when known, else of the raw input bytes as read."""
        url = self.given.get("url")
        basis = url.encode("utf-8") if url else self.data
        return hashlib.sha1(basis).hexdigest()[:16]


def iter_inputs(paths: Iterable[str], max_bytes: int) -> Iterator[RawInput]:
    """Yield raw inputs in the order given; directories are walked recursively, sorted."""
    for given in paths:
        if given == "-":
            yield from _read_stream(sys.stdin.buffer, "-", max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                    yield from _read_file(child, str(child), max_bytes)
        elif path.exists():
            yield from _read_file(path, given, max_bytes)
        else:
            yield RawInput(source=given, error=InputError(given, "no such file or directory"))


def _read_file(path: Path, source: str, max_bytes: int) -> Iterator[RawInput]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = path.read_bytes()
    except InputError as exc:
        yield RawInput(source=source, error=exc)
        return
    except OSError as exc:
        yield RawInput(source=source, error=InputError(source, f"cannot read: {exc.strerror}"))
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from jsonl_records(data, source)
    else:
        kind = "html" if suffix in HTML_SUFFIXES or _looks_like_html(data) else "text"
        yield RawInput(source=source, data=data, kind=kind)


def _read_stream(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawInput]:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield RawInput(source=source, error=InputError(source, f"too large (over {max_bytes:,} bytes)"))
        return
    if _looks_like_jsonl(data):
        yield from jsonl_records(data, source)
    else:
        yield RawInput(source=source, data=data, kind="html" if _looks_like_html(data) else "text")


def jsonl_records(data: bytes, source: str) -> Iterator[RawInput]:
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        yield jsonl_record(line.strip(), f"{source}:{number}")


def jsonl_record(line: bytes, source: str) -> RawInput:
    try:
        obj = json.loads(line.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return RawInput(source=source, error=InputError(source, f"invalid JSON line ({exc})"))
    if not isinstance(obj, dict):
        return RawInput(source=source, error=InputError(source, "JSON line is not an object"))
    body = obj.get("html") if isinstance(obj.get("html"), str) else obj.get("text")
    if not isinstance(body, str) or not body.strip():
        return RawInput(source=source, error=InputError(source, "JSON line has no `text` or `html`"))
    given = {k: str(obj[k]) for k in GIVEN_KEYS if isinstance(obj.get(k), str) and obj[k].strip()}
    kind = "html" if isinstance(obj.get("html"), str) else "text"
    return RawInput(source=source, data=line, kind=kind, given=given, text=body)


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div"))


def _looks_like_jsonl(data: bytes) -> bool:
    lines = [line for line in data.splitlines() if line.strip()]
    if not lines or not lines[0].lstrip().startswith(b"{"):
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines[:3])
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
