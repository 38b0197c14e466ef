"""The Fundus-layout loader, reference variants and page scoring, on fixtures written here."""

import gzip
import json
from pathlib import Path

import pytest

from newsrecon.api.evaluate import evaluate_extraction
from newsrecon.errors import CorpusError
from newsrecon.evaluation.extraction import (
    ExtractionPage,
    load_fundus_corpus,
    reference_variants,
    score_page,
)

SHARED = Path(__file__).parents[1].parent / "shared"
FUNDUS = SHARED / "corpora" / "fundus_eval"

PARAGRAPHS = {
    "Site_0.html.gz": [
        "The lighthouse keeper of Brannock Point retired on Friday after forty years of service, "
        "handing the keys to the county heritage trust.",
        "Visitors will be able to climb the tower from next summer, the trust said in a statement "
        "that thanked the keeper for his decades of careful work.",
    ],
    "Site_1.html.gz": [
        "A new night bus route will link the university campus with the railway station from "
        "March, the regional transport authority announced.",
        "Students had campaigned for the service for three years, collecting more than four "
        "thousand signatures in a petition delivered last autumn.",
    ],
}


def _html(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<html><head><title>t</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Headline</h1>{body}</article><footer>Contact us</footer></body></html>"
    )


def _write_corpus(root: Path, truth: dict[str, object] | None = None) -> Path:
    (root / "html").mkdir(parents=True)
    for name, paragraphs in PARAGRAPHS.items():
        (root / "html" / name).write_bytes(gzip.compress(_html(paragraphs).encode()))
    if truth is None:
        truth = {
            name: {"body": paras, "url": f"https://example.org/{name}"}
            for name, paras in PARAGRAPHS.items()
        }
    (root / "ground_truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_loader_reads_the_published_layout(tmp_path: Path) -> None:
    pages = load_fundus_corpus(_write_corpus(tmp_path))
    assert [p.name for p in pages] == sorted(PARAGRAPHS)
    assert pages[0].body == tuple(PARAGRAPHS["Site_0.html.gz"])
    assert pages[0].url == "https://example.org/Site_0.html.gz"
    assert "lighthouse keeper" in pages[0].html


def _no_truth(root: Path) -> None:
    (root / "ground_truth.json").unlink()


def _no_html_dir(root: Path) -> None:
    for f in (root / "html").iterdir():
        f.unlink()
    (root / "html").rmdir()


def _missing_page(root: Path) -> None:
    (root / "html" / "Site_1.html.gz").unlink()


def _not_gzip(root: Path) -> None:
    (root / "html" / "Site_1.html.gz").write_bytes(b"<html>plain</html>")


def _bad_json(root: Path) -> None:
    (root / "ground_truth.json").write_text("{not json", encoding="utf-8")


def _no_body(root: Path) -> None:
    (root / "ground_truth.json").write_text(json.dumps({"Site_0.html.gz": {"text": "x"}}))


def _not_an_object(root: Path) -> None:
    (root / "ground_truth.json").write_text(json.dumps(["Site_0.html.gz"]))


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (_no_truth, "no ground_truth.json"),
        (_no_html_dir, "no html/ folder"),
        (_missing_page, "'Site_1.html.gz' listed in ground_truth.json is missing"),
        (_not_gzip, "not a gzip file"),
        (_bad_json, "not valid JSON"),
        (_no_body, "has no 'body' list"),
        (_not_an_object, "expected a non-empty object"),
    ],
)
def test_wrong_layout_is_a_corpus_error(tmp_path: Path, breakage: object, message: str) -> None:
    root = _write_corpus(tmp_path)
    breakage(root)  # type: ignore[operator]
    with pytest.raises(CorpusError) as err:
        load_fundus_corpus(root)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_directory_is_a_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not a directory"):
        load_fundus_corpus(tmp_path / "absent")


@pytest.mark.parametrize(
    ("body", "count", "contains"),
    [
        (["a", "b"], 1, ["a\nb"]),
        (["a", "[b]"], 2, ["a\nb", "a"]),
        (["[a]", "b", "[c]"], 4, ["a\nb\nc", "b", "a\nb", "b\nc"]),
        # more than four optional paragraphs: only "all kept" and "all dropped"
        (["[a]", "[b]", "[c]", "[d]", "[e]", "f"], 2, ["a\nb\nc\nd\ne\nf", "f"]),
    ],
)
def test_reference_variants(body: list[str], count: int, contains: list[str]) -> None:
    variants = list(reference_variants(body))
    assert len(variants) == count
    for variant in contains:
        assert variant in variants


def test_page_score_takes_the_best_variant() -> None:
    page = ExtractionPage("p", "", ("alpha beta gamma", "[delta epsilon]"))
    exact = score_page(page, "alpha beta gamma")
    assert exact.word_prf.f1 == pytest.approx(1.0)
    assert exact.rouge_lsum.f1 == pytest.approx(1.0)
    with_optional = score_page(page, "alpha beta gamma\ndelta epsilon")
    assert with_optional.word_prf.f1 == pytest.approx(1.0)
    # against "alpha beta gamma": tp 2, fp 1, fn 1; against all five words: fn 3, so worse
    wrong = score_page(page, "alpha beta zeta")
    assert wrong.words.tp == 2
    assert wrong.word_prf.precision == pytest.approx(2 / 3)
    assert wrong.word_prf.recall == pytest.approx(2 / 3)


def test_evaluate_extraction_on_fixture(tmp_path: Path) -> None:
    figures = evaluate_extraction(_write_corpus(tmp_path))
    assert set(figures) == {"precision", "recall", "f1", "rouge_lsum", "baseline", "documents"}
    assert figures["documents"] == 2
    assert isinstance(figures["f1"], float)
    assert figures["recall"] == pytest.approx(1.0)
    baseline = figures["baseline"]
    assert isinstance(baseline, dict)
    assert set(baseline) == {"precision", "recall", "f1", "rouge_lsum"}
    assert all(0.0 <= v <= 1.0 for v in baseline.values())


@pytest.mark.corpus
@pytest.mark.slow
def test_fundus_dev_split_beats_trafilatura_defaults() -> None:
    if not (FUNDUS / "ground_truth.json").is_file():
        pytest.skip(f"Fundus evaluation set not found at {FUNDUS} (it lives in ../shared)")
    figures = evaluate_extraction(FUNDUS)
    baseline = figures["baseline"]
    assert isinstance(baseline, dict)
    assert figures["documents"] == len(json.loads((FUNDUS / "ground_truth.json").read_text()))
    assert figures["f1"] >= baseline["f1"]  # type: ignore[operator]
    assert figures["rouge_lsum"] >= baseline["rouge_lsum"]  # type: ignore[operator]
