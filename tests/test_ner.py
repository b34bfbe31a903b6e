"""The packaged statistical NER tagger: loading, tagging, its equivalence with crfsuite, and
the training script end to end on a slice of ANERcorp (skipped when the corpus is absent)."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest

import marsad.ner.tagger as tagger_module
from marsad.ner import Tagger, load_tagger, spans_from_labels, tokenize
from marsad.ner.features import (
    build_gazetteer_index,
    clitic_variants,
    cluster_key,
    sentence_features,
    strip_proclitics,
    word_features,
)
from marsad.ner.tagger import propagate
from marsad.ner.train import main as train_main
from tests.conftest import CORPORA

ANERCORP = CORPORA / "anercorp" / "ANERCorp_CamelLab_train.reconstructed.txt"
MACRON = "قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده ستدعم الاتفاق ."
SENTENCES = [
    MACRON,
    "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي في جنيف أمس .",
    "أعلنت شركة أرامكو السعودية عن أرباحها في الرياض ، وقالت إن الإنتاج ارتفع .",
    "وقالت المستشارة الألمانية أنجيلا ميركل في برلين إن الاتحاد الأوروبي سيرد .",
]


def words(text: str) -> list[str]:
    return [token for _, _, token in tokenize(text)]


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    loaded = load_tagger()
    assert loaded is not None, "the packaged model marsad/models/ner.crfsuite is missing"
    return loaded


def test_packaged_model_finds_the_person_in_a_short_sentence(tagger: Tagger) -> None:
    tokens = words(MACRON)
    spans = tagger.spans(tokens)
    assert (3, 5, "PERS") in spans, spans
    assert tagger.tag(tokens)[3:5] == ["B-PERS", "I-PERS"]


def test_labels_are_iob2_over_the_four_types(tagger: Tagger) -> None:
    assert set(tagger.labels) <= {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PERS", "LOC", "ORG", "MISC")}
    assert tagger.tag([]) == []


def test_fast_path_labels_exactly_like_crfsuite(tagger: Tagger) -> None:
    model = tagger_module.model_path()
    assert model is not None
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    sentences = [words(text) for text in SENTENCES]
    expected = [crf.tag(sentence_features(tokens, tagger.gazetteer)) for tokens in sentences]
    assert tagger.tag_many(sentences) == expected
    assert [tagger.tag(tokens) for tokens in sentences] == expected


def test_tag_many_agrees_with_tag_and_keeps_empty_sentences(tagger: Tagger) -> None:
    sentences = [words(SENTENCES[1]), [], words(MACRON)]
    assert tagger.tag_many(sentences) == [tagger.tag(s) for s in sentences]


def test_text_offsets_come_from_tokenize() -> None:
    text = "قال (ماكرون)، إن 2024."
    assert [(s, e, t) for s, e, t in tokenize(text)][:4] == [(0, 3, "قال"), (4, 5, "("), (5, 11, "ماكرون"), (11, 12, ")")]


def test_spans_follow_conll_conventions() -> None:
    assert spans_from_labels(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "B-LOC"]) == [
        (0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "LOC")]
    assert spans_from_labels(["B-ORG", "I-PERS"]) == [(0, 1, "ORG"), (1, 2, "PERS")]


def test_proclitics_are_stripped_for_features_and_gazetteer_matching() -> None:
    assert strip_proclitics("والصادرات") == "صادرات"
    assert strip_proclitics("وماكرون") == "ماكرون"
    assert strip_proclitics("وزير") == "وزير"
    assert "الولايات" in clitic_variants("بالولايات")
    assert "العراق" in clitic_variants("للعراق")


def test_article_propagation_labels_a_surname_seen_with_the_full_name() -> None:
    sentences = [["قالت", "أنجيلا", "ميركل", "إن"], ["وأضافت", "وميركل", "أن"]]
    labels = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"]]
    assert propagate(sentences, labels)[1] == ["O", "B-PERS", "O"]


def test_missing_gazetteer_files_give_an_empty_index(tmp_path: Path) -> None:
    index = build_gazetteer_index([("PERS", tmp_path / "absent.tsv")])
    assert len(index) == 0
    assert sentence_features(["ماكرون"], index) == sentence_features(["ماكرون"], None)


def test_gazetteer_names_become_features(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text("name_en\tname_ar\tvariants_ar\nAngela Merkel\tأنجيلا ميركل\tانغيلا ميركل\n", encoding="utf-8")
    index = build_gazetteer_index([("PERS", people)])
    features = sentence_features(["قالت", "أنجيلا", "ميركل", "إن"], index)
    assert "gaz=B-PERS" in features[1] and "gaz=I-PERS" in features[2]
    assert "gw=PERS" in sentence_features(["وميركل"], index)[0]


def test_load_tagger_returns_none_without_a_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tagger_module, "MODEL_RESOURCE", "models/no-such-model.crfsuite")
    assert tagger_module.load_tagger.__wrapped__() is None


def test_training_script_runs_end_to_end_on_a_slice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not ANERCORP.is_file():
        pytest.skip(f"ANERcorp not found at {ANERCORP}")
    out = tmp_path / "ner.crfsuite"
    assert train_main(["--data", str(ANERCORP), "--out", str(out), "--max-sentences", "200"]) == 0
    assert out.stat().st_size > 0
    assert "entity  micro" in capsys.readouterr().out
    trained = Tagger(out)
    assert len(trained.tag(words(MACRON))) == len(words(MACRON))


def test_distributional_classes_and_given_names_are_word_attributes() -> None:
    assert cluster_key("والصين") == cluster_key("الصين") and cluster_key("2024") == "0000"
    own = word_features("نايف").own
    assert "gn=1" in own and any(a.startswith("c0=") for a in own)
    assert word_features("نايف").neighbour[1].count("-1gn=1") == 1


def test_cluster_builder_groups_words_that_share_contexts() -> None:
    import importlib.util

    import numpy as np
    from scipy import sparse

    path = Path(__file__).resolve().parents[1] / "tools" / "build_clusters.py"
    spec = importlib.util.spec_from_file_location("build_clusters", path)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    # words 0-2 share contexts 0-1, words 3-5 share contexts 2-3
    counts = np.array([[5, 4, 0, 0], [4, 6, 0, 1], [6, 5, 1, 0], [0, 0, 5, 6], [1, 0, 4, 5], [0, 1, 6, 4]], float)
    weights = tool.ppmi(sparse.csr_matrix(counts)).toarray()
    vectors = weights / np.linalg.norm(weights, axis=1, keepdims=True)
    labels = tool.kmeans(vectors, 2)
    assert len(set(labels[:3])) == 1 and len(set(labels[3:])) == 1 and labels[0] != labels[3]
