import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.decode import decode_bytes
from marsad.errors import InputError

ARABIC = "قال وزير الخارجية إن المحادثات كانت مثمرة.\nوأضاف أن التعاون مستمر."


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),
        ARABIC.encode("utf-16-le"),
        ARABIC.encode("cp1256"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le-no-bom", "cp1256"],
)
def test_supported_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode_bytes(data, "x.txt") == ARABIC


def test_cp1256_declared_in_html_meta_is_honoured() -> None:
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{ARABIC}</p></body></html>'
    assert ARABIC.split("\n")[0] in decode_bytes(page.encode("cp1256"), "p.html", is_html=True)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02binary\x00", "NUL"),
        (bytes(range(1, 32)) * 20, "control"),
        (b"12345 67890 !!! ??? 000 111 222 333", "letters"),
    ],
)
def test_bad_input_is_rejected_with_the_file_name_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.txt")
    assert "bad.txt" in str(info.value)
    assert reason in str(info.value)


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=64, max_size=2048))
def test_random_bytes_never_crash(data: bytes) -> None:
    try:
        text = decode_bytes(data, "r.bin")
    except InputError:
        return
    assert isinstance(text, str)
