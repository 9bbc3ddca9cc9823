"""The extract_claims and import_articles commands."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from factcheck.models import Article

SEEDS = Path(__file__).parent / "data" / "seeds"


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_extract_claims_prints_a_table_without_touching_the_database(tmp_path):
    # No db fixture: pytest-django makes any database access here an error.
    path = tmp_path / "jobs.txt"
    path.write_text("Unemployment fell to 3.9% in March, the ministry said.", encoding="utf-8")
    out, _ = run("extract_claims", str(path))
    assert "jobs.txt:" in out and "3.9%" in out and "percentage" in out


def test_extract_claims_json_has_the_candidate_fields(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Inflation in 2024 was 5.2%.", encoding="utf-8")
    out, _ = run("extract_claims", str(path), "--json")
    data = json.loads(out)
    claim = next(c for c in data["claims"] if "5.2%" in c["quote"])
    assert {"start", "end", "quote", "sentence_start", "sentence_end", "kind", "score", "values", "prefix", "suffix"} <= set(claim)
    assert "Inflation in 2024 was 5.2%."[claim["start"] : claim["end"]] == claim["quote"]
    assert any(v["kind"] == "percentage" and v["number"] == 5.2 for v in claim["values"])


def test_extract_claims_explain_prints_the_parts_of_every_score(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Inflation in 2024 was 5.2%, the central bank said.", encoding="utf-8")
    out, _ = run("extract_claims", str(path), "--json", "--explain")
    claims = json.loads(out)["claims"]
    assert claims and all("base" in claim["reasons"] for claim in claims)
    for claim in claims:  # the parts add up to the score (which is capped to 0..1)
        assert claim["score"] == pytest.approx(min(1.0, max(0.0, sum(claim["reasons"].values()))), abs=0.002)
    table, _ = run("extract_claims", str(path), "--explain")
    assert "= base +0." in table
    plain, _ = run("extract_claims", str(path), "--json")
    assert all("reasons" not in claim for claim in json.loads(plain)["claims"])


def test_extract_claims_finds_the_commission_claims_in_the_seeds():
    out, _ = run("extract_claims", "--json", *sorted(str(p) for p in SEEDS.glob("*.txt")))
    quotes = [c["quote"] for document in json.loads(out) for c in document["claims"]]
    for fact in ["seventh", "26 years", "5.2%", "first time that the Foreign Minister visited"]:
        assert any(fact in quote for quote in quotes), fact


def test_extract_claims_reports_bad_files_clearly(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Prices rose \xff 3% in 2023.\x00")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out, err = run("extract_claims", str(bad), str(empty))
    assert "not valid UTF-8" in err and "control characters were removed" in err
    assert "3%" in out and "the file is empty" in out
    with pytest.raises(CommandError, match="Not a readable file"):
        run("extract_claims", str(tmp_path / "missing.txt"))
    with pytest.raises(CommandError, match="between 0 and 1"):
        run("extract_claims", str(bad), "--min-score", "7")


def test_extract_claims_skips_binary_files_and_says_why(tmp_path):
    scan = tmp_path / "scan.txt"
    scan.write_bytes(b"%PDF-1.5\n" + bytes(range(256)))
    good = tmp_path / "good.txt"
    good.write_text("Inflation in 2024 was 5.2%.", encoding="utf-8")
    out, err = run("extract_claims", str(scan), str(good))
    assert f"{scan}: skipped. This file is not text" in err
    assert "5.2%" in out and "scan.txt" not in out
    with pytest.raises(CommandError, match="None of the files is text"):
        run("extract_claims", str(scan))


@pytest.mark.django_db
def test_import_articles_skips_binary_files(tmp_path):
    (tmp_path / "scan.txt").write_bytes(bytes(range(128, 256)) * 20)
    out, _ = run("import_articles", str(tmp_path))
    assert "scan.txt: This file is not text" in out and "Imported 0 article(s)" in out
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_import_articles_imports_a_folder_once(tmp_path):
    (tmp_path / "jobs.txt").write_text("Jobs report\nUnemployment fell to 3.9% in March.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Budget\n\nThe council cut spending by £40m in 2024.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "blank.txt").write_text("   \n", encoding="utf-8")
    out, err = run("import_articles", str(tmp_path), "--outlet", "City Times")
    assert "Imported 2 article(s)" in out
    assert "image.png: unsupported type .png" in out and "blank.txt: The article text is empty" in out
    assert "2/3" in err or "3/3" in err  # the progress bar
    assert set(Article.objects.values_list("title", flat=True)) == {"Jobs report", "Budget"}
    assert Article.objects.get(title="Budget").outlet == "City Times"
    out, _ = run("import_articles", str(tmp_path))
    assert "Imported 0 article(s)" in out and "already imported" in out
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_import_articles_reports_missing_paths(tmp_path):
    out, _ = run("import_articles", str(tmp_path / "nope.txt"))
    assert "no such file or folder" in out and not Article.objects.exists()
