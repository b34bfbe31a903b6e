from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.split import paragraphs, sentences


def test_arabic_question_mark_and_full_stop_end_sentences() -> None:
    text = "هل تنجح المحادثات؟ قال الوزير إنها ستنجح. وأضاف أنه متفائل!"
    assert [text[s:e] for s, e in sentences(text)] == [
        "هل تنجح المحادثات؟", "قال الوزير إنها ستنجح.", "وأضاف أنه متفائل!",
    ]


def test_full_stop_inside_quotation_marks_does_not_end_the_sentence() -> None:
    text = "وقال: “نحن مستعدون. والتعاون مستمر”، وفق البيان. وانتهى اللقاء."
    parts = [text[s:e] for s, e in sentences(text)]
    assert parts[0] == "وقال: “نحن مستعدون. والتعاون مستمر”، وفق البيان."
    assert parts[1] == "وانتهى اللقاء."


def test_comma_and_semicolon_do_not_split() -> None:
    text = "التقى الوزيران، وبحثا التعاون؛ ثم عقدا مؤتمرا صحفيا."
    assert len(sentences(text)) == 1


def test_paragraphs_are_separated_by_blank_lines() -> None:
    text = "الأول.\n\nالثاني.\n\n\nالثالث."
    assert [text[s:e] for s, e in paragraphs(text)] == ["الأول.", "الثاني.", "الثالث."]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("ابت .؟!،\n“”«»\"x"), max_size=300))
def test_sentences_are_ordered_non_overlapping_spans(text: str) -> None:
    spans = sentences(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        position = end
