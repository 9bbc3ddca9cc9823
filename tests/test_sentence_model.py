"""The sentence wording model (factcheck/extraction/sentence_model.py) and its trainer."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extraction import evaluation, explain_claims, scoring, sentence_model
from factcheck.extraction import train_sentence_model as trainer
from factcheck.extraction.tokens import tokenize

DATA = Path(__file__).parent / "data"


def words(text: str) -> tuple[str, ...]:
    return tokenize(text).lower


@pytest.fixture
def weights_file(tmp_path, monkeypatch) -> Path:
    """Where the trainer writes its weights in a test, never the shipped file."""
    target = tmp_path / "weights.json"
    monkeypatch.setattr(trainer, "WEIGHTS_FILE", target)
    return target


def write_tsv(path: Path, labeled: list[tuple[str, str]]) -> Path:
    """A CheckThat!-style file of (text, "Yes"/"No") rows."""
    rows = ["Sentence_id\tText\tclass_label"] + [f"{n}\t{text}\t{label}" for n, (text, label) in enumerate(labeled)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_features_are_words_pairs_and_a_length_bucket_with_figures_as_one_word():
    found = set(sentence_model.features(words("Inflation rose to 5.2% in 2024.")))
    assert {"inflation", "rose", "<num>", "%", "rose to", "to <num>", "<num> %", "in <num>"} <= found
    assert "5.2" not in found and "2024" not in found
    assert "<len:4-6>" in found  # six words: inflation rose to 5.2 in 2024


def test_length_buckets():
    assert sentence_model.length_feature(2) == "<len:1-3>"
    assert sentence_model.length_feature(12) == "<len:7-12>"
    assert sentence_model.length_feature(40) == "<len:26+>"


def test_fast_logit_equals_the_sum_over_the_features_the_trainer_learns_from():
    # ``logit`` never builds the feature strings; it must still add up exactly the same weights.
    document = evaluation.load_document(str(DATA / "dev" / "01_economy_inflation.txt"))
    checked = 0
    for sentence in document.sentences:
        lower = words(document.sentence_text(sentence))
        reference = sentence_model.BIAS
        for feature in sentence_model.features(lower):
            if " " in feature:
                reference += sentence_model.PAIRS.get(tuple(feature.split(" ")), 0.0)
            else:
                reference += sentence_model.WORDS.get(feature, 0.0)
        assert sentence_model.logit(lower) == pytest.approx(reference)
        checked += 1
    assert checked >= 10


def test_the_shipped_weights_tell_a_claim_from_small_talk():
    assert sentence_model.WORDS and sentence_model.PAIRS  # trained weights are shipped, not the placeholder
    claim = sentence_model.probability(words("Unemployment fell to 3.9% last year, the lowest since 1969."))
    chatter = sentence_model.probability(words("Thank you so much, it's great to be here tonight."))
    assert claim > 0.6 > 0.4 > chatter


def test_wording_part_is_scaled_and_capped_both_ways():
    assert scoring.wording_part(0.0) == 0.0
    assert scoring.wording_part(1.0) == pytest.approx(scoring.WORDING_WEIGHT)
    assert scoring.wording_part(100.0) == scoring.WORDING_CAP
    assert scoring.wording_part(-100.0) == -scoring.WORDING_CAP


def test_the_wording_part_is_a_named_reason_of_every_claim_in_the_sentence(monkeypatch):
    text = "The council approved a budget of €412 million on Tuesday."
    monkeypatch.setattr(sentence_model, "WORDS", {"council": 5.0})
    monkeypatch.setattr(sentence_model, "PAIRS", {})
    monkeypatch.setattr(sentence_model, "_PAIRS_BY_FIRST", {})  # the pairs, grouped by first word
    monkeypatch.setattr(sentence_model, "BIAS", 0.0)
    lifted = explain_claims(text, min_score=0)
    assert lifted
    assert all(reasons["sentence wording"] == scoring.WORDING_CAP for _, reasons in lifted)
    monkeypatch.setattr(sentence_model, "WORDS", {"council": -5.0})
    sunk = explain_claims(text, min_score=0)
    assert [c.quote for c, _ in sunk] == [c.quote for c, _ in lifted]
    assert all(low.score < high.score for (low, _), (high, _) in zip(sunk, lifted))
    monkeypatch.setattr(sentence_model, "WORDS", {})
    neutral = explain_claims(text, min_score=0)
    assert all("sentence wording" not in reasons for _, reasons in neutral)


def _toy_samples():
    positives = [f"the rate rose to {n} percent in {1990 + n}" for n in range(12)]
    negatives = [f"thank you all for coming tonight number {n}" for n in range(12)]
    return [trainer.to_sample(text, 1) for text in positives] + [trainer.to_sample(text, 0) for text in negatives]


def test_fit_learns_a_separable_toy_set_and_is_deterministic():
    samples = _toy_samples()
    bias, weights = trainer.fit(samples, epochs=8)
    assert (bias, weights) == trainer.fit(samples, epochs=8)
    for sample, label in samples:
        probability = trainer.predict(bias, weights, sample)
        assert probability > 0.5 if label else probability < 0.5
    assert weights["rose"] > 0 > weights["thank"]


def test_cross_validation_keeps_a_document_in_one_fold():
    folds = trainer.fold_of(["a", "a", "b", "c", "b", "a"], 2)
    assert folds[0] == folds[1] == folds[5]
    assert folds[2] == folds[4]
    probabilities = trainer.cross_validate(_toy_samples(), 3, epochs=5)
    assert len(probabilities) == 24 and all(0.0 <= p <= 1.0 for p in probabilities)


def test_written_weights_load_and_score_like_the_fitted_model(tmp_path):
    samples = _toy_samples()
    bias, weights = trainer.fit(samples, epochs=8)
    path = tmp_path / "weights.json"
    kept = trainer.write_weights(bias, weights, ["toy"], len(samples), path=path)
    loaded_bias, loaded_words, loaded_pairs = sentence_model.load_weights(path)
    assert kept == len(loaded_words) + len(loaded_pairs)
    assert ("rose", "to") in loaded_pairs and "rose" in loaded_words
    assert loaded_bias == pytest.approx(bias, abs=1e-4)
    assert loaded_words["rose"] == pytest.approx(weights["rose"], abs=1e-3)


def test_trainer_refuses_the_holdout_set_and_bad_files(tmp_path, capsys):
    with pytest.raises(SystemExit) as refused:
        trainer.main(["--labeled", str(DATA / "holdout")])
    assert refused.value.code == 2
    assert "held-out" in capsys.readouterr().err

    bad = tmp_path / "bad.tsv"
    bad.write_text("Sentence_id\tText\tclass_label\n1\tHello there.\tMaybe\n", encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        trainer.main(["--tsv", str(bad)])
    assert "class_label must be Yes or No" in str(refused.value.code)

    headless = tmp_path / "headless.tsv"
    headless.write_text("1\tHello there.\tNo\n", encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        trainer.main(["--tsv", str(headless)])
    assert "needs a header" in str(refused.value.code)


def test_trainer_reports_cross_validation_without_writing(tmp_path, capsys, weights_file):
    tsv = write_tsv(
        tmp_path / "toy.tsv",
        [(f"The rate rose to {n} percent in {1990 + n}.", "Yes") for n in range(10)]
        + [(f"Thank you all for coming, number {n}.", "No") for n in range(10)],
    )
    assert trainer.main(["--tsv", str(tsv), "--folds", "2"]) == 0
    out = capsys.readouterr().out
    assert "20 sentences, 10 check-worthy" in out and "2-fold cross-validation" in out
    assert not weights_file.exists()


def test_fine_tuning_starts_from_given_weights_and_is_pulled_back_to_them():
    samples = _toy_samples()
    start = trainer.fit(samples, epochs=8)
    start_bias, start_weights = start
    prior = {**start_weights, "never-seen-in-samples": 0.7}
    # The same sentences with the opposite labels: a guide that disagrees with the start.
    flipped = [(sample, 1 - label) for sample, label in samples]

    loose_bias, loose = trainer.fit(flipped, epochs=2, rate=0.1, l2=0.0, start=(start_bias, prior))
    _, tight = trainer.fit(flipped, epochs=2, rate=0.1, l2=50.0, start=(start_bias, prior))

    assert loose["never-seen-in-samples"] == 0.7  # a weight no sample touches stays as it started
    assert loose["rose"] < start_weights["rose"] and loose["thank"] > start_weights["thank"]
    assert abs(tight["rose"] - start_weights["rose"]) < abs(loose["rose"] - start_weights["rose"])
    assert (loose_bias, loose) == trainer.fit(flipped, epochs=2, rate=0.1, l2=0.0, start=(start_bias, prior))


def test_trainer_fine_tunes_from_a_weights_file(tmp_path, capsys, weights_file):
    samples = _toy_samples()
    bias, weights = trainer.fit(samples, epochs=8)
    start = tmp_path / "start.json"
    trainer.write_weights(bias, weights, ["toy start"], len(samples), path=start)
    tsv = write_tsv(tmp_path / "toy.tsv", [(f"Thank you all for coming, number {n}.", "Yes") for n in range(6)])

    with pytest.raises(SystemExit) as refused:
        trainer.main(["--tsv", str(tsv), "--start-from", str(tmp_path / "missing.json"), "--write"])
    assert refused.value.code == 2 and "no such file" in capsys.readouterr().err
    not_weights = tmp_path / "notes.json"
    not_weights.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        trainer.main(["--tsv", str(tsv), "--start-from", str(not_weights), "--write"])
    assert refused.value.code == 2 and "not a weights file" in capsys.readouterr().err
    assert not weights_file.exists()

    assert trainer.main(["--tsv", str(tsv), "--start-from", str(start), "--l2", "0.01", "--write"]) == 0
    _, tuned_words, _ = sentence_model.load_weights(weights_file)
    assert "fine-tuned from start.json (24 sentences from: toy start)" in weights_file.read_text(encoding="utf-8")
    assert tuned_words["rose"] == pytest.approx(round(weights["rose"], 3), abs=1e-3)  # absent from the new data
    assert tuned_words["thank"] > weights["thank"]  # now seen as check-worthy


def test_trainer_can_leave_out_a_batch_of_labeled_documents(tmp_path, capsys, weights_file):
    # Sixth session: a dev batch kept unseen, to measure on, stays out of the fine-tuning data.
    folder = tmp_path / "dev"
    folder.mkdir()
    header = "title: t\ndomain: economy\nsource: test\n---\n"
    (folder / "01_economy_a.txt").write_text(header + "{+Prices [[rose 3%]].+} {-Wow.-}\n", encoding="utf-8")
    (folder / "02_economy_b.txt").write_text(header + "{+Rents [[fell 2%]].+}\n", encoding="utf-8")
    (folder / "03_economy_c.txt").write_text(header + "{-What a week.-}\n", encoding="utf-8")
    assert [d.name for d in trainer.labeled_documents(folder, [(2, 3)])] == ["01_economy_a"]
    assert trainer.labeled_sentences(folder, [(2, 2)]) == [("Prices rose 3%.", 1), ("Wow.", 0), ("What a week.", 0)]

    assert trainer.main(["--labeled", str(folder), "--skip-docs", "2-3", "--min-count", "1", "--write"]) == 0
    assert "2 sentences, 1 check-worthy" in capsys.readouterr().out
    assert f"{folder} without 2-3" in weights_file.read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        trainer.main(["--labeled", str(folder), "--skip-docs", "two", "--write"])
    assert refused.value.code == 2 and "expected A-B such as 114-129" in capsys.readouterr().err


def test_document_numbers_and_ranges():
    assert evaluation.document_number("12_economy_jobs") == 12
    assert evaluation.document_number("h40_debate_x") == 40
    assert evaluation.document_number("seed_000_lukashenko") == -1
    assert evaluation.number_range("114-129") == (114, 129)
    assert evaluation.number_range("40") == (40, 40)


def test_trainer_can_count_a_tsv_file_several_times(tmp_path, capsys, weights_file):
    tsv = write_tsv(
        tmp_path / "debates.tsv",
        [(f"The deficit rose to {n} billion in {2000 + n}.", "Yes") for n in range(4)]
        + [(f"Thank you, senator, number {n}.", "No") for n in range(4)],
    )
    assert trainer.main(["--tsv", str(tsv), "--tsv-weight", "3", "--write"]) == 0
    assert "24 sentences, 12 check-worthy" in capsys.readouterr().out
    assert "debates.tsv (x3)" in weights_file.read_text(encoding="utf-8")
