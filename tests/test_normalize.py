from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import normalize, normalize_with_map

arabic_text = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" .،abcİ"), max_size=200)


def test_folds_alef_ya_taa_marbuta_diacritics_and_tatweel() -> None:
    assert normalize("أإآٱ") == "اااا"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("مدرسة") == "مدرسه"
    assert normalize("أكّدَ") == "اكد"
    assert normalize("العـــربية") == normalize("العربية")
    assert normalize("٢٠٢٤") == "2024"


@settings(max_examples=200, deadline=None)
@given(arabic_text)
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@settings(max_examples=200, deadline=None)
@given(arabic_text)
def test_map_points_back_into_the_original(text: str) -> None:
    norm, positions = normalize_with_map(text)
    assert norm == normalize(text)
    assert len(positions) == len(norm)
    assert positions == sorted(positions)
    assert all(0 <= p < len(text) for p in positions)
