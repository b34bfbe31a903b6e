"""Quotes: kinds, spans, speakers, on small cases written here and on the bundled sample."""

from __future__ import annotations

import pytest

import marsad
from tests.test_sample import EXPECTED, _record


def _quotes(text: str) -> list[dict]:
    return marsad.extract(text).quotes


def test_direct_quote_after_colon_with_named_speaker() -> None:
    quotes = _quotes("وقال وزير الخارجية الروسي سيرغي لافروف: «العلاقات مع الصين في أفضل حالاتها».")
    assert [(q["kind"], q["speaker"], q["text"]) for q in quotes] == [
        ("direct", "person:sergey-lavrov", "العلاقات مع الصين في أفضل حالاتها")]


def test_continuation_cue_inherits_the_last_speaker() -> None:
    text = ("قال لافروف: «المحادثات كانت مثمرة جدا اليوم».\n\n"
            "وأضاف: «سنواصل العمل معا في كل الملفات الدولية المطروحة».")
    assert [q["speaker"] for q in _quotes(text)] == ["person:sergey-lavrov"] * 2


def test_reported_speech_after_anna_is_indirect_without_the_particle() -> None:
    quote = _quotes("وأكد وانغ يي أن الصين ستدعم التنمية المستقرة في روسيا.")[0]
    assert quote["kind"] == "indirect" and quote["text"] == "الصين ستدعم التنمية المستقرة في روسيا"
    assert quote["speaker_name"] == "Wang Yi"


def test_qala_colon_inna_without_marks_is_indirect() -> None:
    quote = _quotes("وقال لافروف: إن التعاون بين البلدين سيستمر في كل المجالات.")[0]
    assert quote["kind"] == "indirect" and quote["text"].startswith("التعاون بين البلدين")


def test_quote_inside_a_quote_is_part_of_the_outer_one() -> None:
    quotes = _quotes("وقال لافروف: “إن الرئيس “فلاديمير بوتين” يدعم هذا المسار بقوة”.")
    assert len(quotes) == 1 and "فلاديمير بوتين" in quotes[0]["text"]


def test_scare_quotes_and_names_in_quotes_are_not_quotes() -> None:
    assert _quotes('أعلنت موسكو وبكين عن شراكة "بلا حدود" في فبراير من العام الماضي.') == []


def test_unknown_subject_gives_a_null_speaker_not_the_previous_one() -> None:
    text = ("قال لافروف: «المحادثات كانت مثمرة جدا».\n\n"
            "وقال مصدر دبلوماسي مطلع إن الجولة المقبلة ستعقد في جنيف الشهر المقبل.")
    quotes = _quotes(text)
    assert quotes[-1]["speaker"] is None


def test_offsets_point_at_the_quote_text() -> None:
    article = marsad.extract("قال لافروف: «نحن مستعدون للحوار».\n\nوأضاف أن الباب ما زال مفتوحا أمام الجميع.")
    for quote in article.quotes:
        assert article.text[quote["start"] : quote["end"]] == quote["text"]


def test_sample_quotes_are_found_with_kind_and_speaker() -> None:
    missing = []
    for name, expected in EXPECTED.items():
        record = _record(name)
        for want in expected["quotes"]:
            hits = [q for q in record["quotes"] if want["contains"] in q["text"]]
            if not hits or hits[0]["kind"] != want["kind"] or not (
                    _same_person(hits[0]["speaker_name"], want["speaker"])
                    or _same_arabic(record, hits[0]["speaker"], want.get("speaker_ar"))):
                got = [(q["kind"], q["speaker_name"]) for q in hits]
                missing.append(f"{name}: {want['kind']} {want['speaker']} {want['contains'][:30]} -> {got}")
    total = sum(len(e["quotes"]) for e in EXPECTED.values())
    # floor pinned below the measured score (see the closing notes); it may only go up
    assert len(missing) <= total * 0.3, "\n".join(missing)


def _same_arabic(record: dict, speaker: str | None, want_ar: str | None) -> bool:
    """People the sample invented have no English name: compare the Arabic surname."""
    if not speaker or not want_ar:
        return False
    entity = next((e for e in record["entities"] if e["id"] == speaker), None)
    forms = [entity["name_ar"], *(m["text"] for m in entity["mentions"])] if entity else []
    return any(f.split()[-1] == want_ar.split()[-1] for f in forms if f)


def _same_person(got: str | None, want: str | None) -> bool:
    """English renderings differ in middle names ("Jasem Albudaiwi" / "Jasem Mohamed Albudaiwi")."""
    if got is None or want is None:
        return got == want
    return got.split()[-1].lower() == want.split()[-1].lower()


def test_quote_running_over_two_paragraphs_keeps_its_speaker() -> None:
    text = ("وقال غوتيريش أمام مجلس الأمن: «لا يوجد مكان آمن في غزة. المدنيون يدفعون الثمن.\n\n"
            "إنني أكرر دعوتي إلى وقف فوري لإطلاق النار لأسباب إنسانية».")
    quotes = _quotes(text)
    assert [(q["kind"], q["speaker_name"]) for q in quotes] == [("direct", "Antonio Guterres")] * 2
    assert quotes[1]["text"].startswith("إنني أكرر دعوتي")


def test_reported_call_after_a_preposition_is_indirect() -> None:
    quote = _quotes("ودعا وزير الخارجية الأردني أيمن الصفدي إلى وقف فوري للحرب على غزة.")[0]
    assert quote["kind"] == "indirect" and quote["text"] == "وقف فوري للحرب على غزة"
    assert quote["speaker_name"] == "Ayman Safadi"


def test_reported_words_after_a_quoting_noun_are_indirect() -> None:
    quotes = _quotes("ونقلت وكالة تاس عن لافروف قوله إن موسكو مستعدة لكل الخيارات الدبلوماسية.")
    assert [(q["kind"], q["speaker_name"], q["text"]) for q in quotes] == [
        ("indirect", "Sergey Lavrov", "موسكو مستعدة لكل الخيارات الدبلوماسية")]


def test_unnamed_source_is_a_null_speaker_not_the_organisation_after_it() -> None:
    quotes = _quotes("ونقلت وكالة تاس عن مصدر في وزارة المالية الروسية قوله إن موسكو تدرس كل الخيارات للرد.")
    assert len(quotes) == 1 and quotes[0]["speaker"] is None


def test_narration_after_wa_dhalika_ends_the_reported_clause() -> None:
    quote = _quotes("وأكد لافروف أن أمن المنطقة كل لا يتجزأ، وذلك خلال افتتاح الاجتماع الوزاري.")[0]
    assert quote["text"] == "أمن المنطقة كل لا يتجزأ"


def test_attribution_aside_after_a_continuation_cue_keeps_the_speaker() -> None:
    text = ("قال لافروف إن المحادثات كانت مثمرة وبناءة للغاية.\n\n"
            "وأضاف، بحسب ما نقلته وسائل إعلام روسية: «نحن لا نهدد أحدا، لكننا نحذر».")
    assert [q["speaker"] for q in _quotes(text)] == ["person:sergey-lavrov"] * 2


def test_object_of_a_call_is_not_its_speaker() -> None:
    text = ("قال لافروف إن المحادثات كانت مثمرة وبناءة للغاية.\n\n"
            "ودعا وسائل الإعلام إلى عدم الانسياق وراء التسريبات غير الدقيقة.")
    assert [q["speaker"] for q in _quotes(text)] == ["person:sergey-lavrov"] * 2


def test_a_second_speech_verb_is_not_a_subject() -> None:
    text = ("قالت المحامية ليلى أكرمي إن «السلطة القضائية لم تتعامل مع الملف بصورة قانونية»، "
            "وتابعت تقول: «لا يوجد دليل ولا أي منطق يبرر سجنها».")
    speakers = [q["speaker"] for q in _quotes(text)]
    assert len(speakers) == 2 and speakers[0] is not None and speakers[1] == speakers[0]


def test_a_call_with_a_long_subject_before_its_preposition_is_reported() -> None:
    quote = _quotes("دعا وزير الخارجية الروسي سيرغي لافروف، الأحد، طرفي النزاع في السودان "
                    "إلى وقف القتال فورا والعودة إلى المفاوضات.")[0]
    assert quote["kind"] == "indirect" and quote["text"].startswith("وقف القتال فورا")
    assert quote["speaker_name"] == "Sergey Lavrov"


def test_a_participle_with_its_own_content_does_not_attribute_the_quote_before_it() -> None:
    quotes = _quotes('وصف لافروف الوضع بأنه "مأساة إنسانية بكل المقاييس"، داعيا إلى وقف فوري للقتال.')
    assert any(q["text"].startswith("وقف فوري للقتال") and q["kind"] == "indirect" for q in quotes)


def test_a_participle_after_a_quote_keeps_the_sentences_speaker() -> None:
    text = ('قال لافروف: "المحادثات كانت مثمرة للغاية مع الجانب الصيني". '
            'وأضاف "سنلتقي مجددا قبل نهاية العام"، مؤكدا أنه "لا بديل عن الحوار بين البلدين".')
    assert {q["speaker"] for q in _quotes(text)} == {"person:sergey-lavrov"}


def test_the_object_after_a_participle_is_not_its_speaker() -> None:
    quote = _quotes("وقال لافروف إن الموقف الروسي واضح تماما، داعيا مجلس الأمن إلى تحمل مسؤولياته كاملة.")[-1]
    assert quote["text"].startswith("تحمل مسؤولياته") and quote["speaker_name"] == "Sergey Lavrov"


def test_attribution_source_is_named_before_the_comma_and_fa_inna_is_left_out() -> None:
    quote = _quotes("وبحسب وكالة الأنباء السعودية، فإن الوزير عقد لقاءات ثنائية مع عدد من نظرائه.")[0]
    assert quote["speaker_name"] == "Saudi Press Agency"
    assert quote["text"].startswith("الوزير عقد")


def test_the_source_after_wifqan_li_is_the_speaker() -> None:
    text = ("أعلنت وزارة الصحة السعودية رفع الجاهزية في المستشفيات.\n\n"
            "ووفقا للوزارة، فإن جميع الحجاج ملزمون بتلقي اللقاح قبل وصولهم بعشرة أيام.")
    assert _quotes(text)[-1]["speaker_name"] == "Saudi Ministry of Health"


def test_an_attribution_aside_inside_another_cue_is_no_quote_of_its_own() -> None:
    text = ("ونقلت وكالة تاس عن لافروف تأكيده أن موسكو منفتحة على أي جهد صادق للتسوية. "
            "وأضاف الوزير، وفق الوكالة، أن رفع العقوبات شرط أساسي لأي تعاف اقتصادي.")
    quotes = _quotes(text)
    assert [q["text"][:12] for q in quotes] == ["موسكو منفتحة", "رفع العقوبات"]
    assert quotes[0]["speaker_name"] == "Sergey Lavrov"


def test_a_description_in_quotation_marks_is_a_direct_quote() -> None:
    quote = _quotes('وصف لافروف ما يجري في المنطقة بأنه "مأساة إنسانية بكل المقاييس".')[0]
    assert (quote["kind"], quote["text"], quote["speaker_name"]) == (
        "direct", "مأساة إنسانية بكل المقاييس", "Sergey Lavrov")


@pytest.mark.parametrize(("text", "speaker_name"), [
    # an office holder marsad cannot name is null, not their organisation
    ("دعا الأمين العام للأمم المتحدة إلى وقف فوري لإطلاق النار في غزة لأسباب إنسانية.", None),
    # a spokesperson without a name speaks for the organisation
    ("وقالت المتحدثة باسم وزارة الخارجية الروسية إن موسكو سترد على أي خطوة غربية.",
     "Russian Ministry of Foreign Affairs"),
    # unnamed sources speaking to an outlet: no speaker, and never the outlet
    ("أكدت مصادر ميدانية لـ«عكاظ» أن المقاومة سيطرت على مناطق واسعة في المحافظة.", None),
    # the outlet told is not the speaker
    ("وقال لـ«عكاظ» وزير الخارجية الروسي سيرغي لافروف إن المحادثات كانت مثمرة.", "Sergey Lavrov"),
])
def test_speaker_of_a_reported_statement(text: str, speaker_name: str | None) -> None:
    quote = _quotes(text)[0]
    assert quote["kind"] == "indirect" and quote["speaker_name"] == speaker_name


def test_a_cue_with_wa_opens_its_own_clause() -> None:
    text = ("وقع النادي عقدا مع المهاجم سلطان الدوسري حتى نهاية الموسم وكشفت مصادر مطلعة أن "
            "الإدارة حصلت على مليون ريال من الصفقة.")
    assert _quotes(text)[0]["speaker"] is None


def test_the_subject_before_amma_fa_speaks() -> None:
    quote = _quotes("أما الحاج الأردني محمود العمري فقال: الحمد لله، الخدمات هذا العام أفضل بكثير.")[0]
    assert quote["speaker_name"] is not None and quote["speaker_name"].startswith("Mahmoud")
