"""Tests for benchmarks/make_corpus.py, the synthetic film-corpus generator."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "make_corpus.py"
_spec = importlib.util.spec_from_file_location("make_corpus", SCRIPT)
mc = importlib.util.module_from_spec(_spec)
sys.modules["make_corpus"] = mc  # dataclasses look their module up there
_spec.loader.exec_module(mc)

TYPES = {"person", "organisation", "date", "year", "money", "duration", "score", "number", "place",
         "title", "list", "reason", "yesno", "description"}
INFOBOX_LINE = re.compile(r"^\| (\w+) = (.+)$")
DATE = r"(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def read_gold(root: Path) -> list[dict]:
    return [json.loads(line) for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


def infobox(text: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index("{{Infobox film")
    end = lines.index("}}", start)
    return lines[start + 1:end]


def film_folders(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.rglob("article.txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("corpus")
    stats = mc.generate(250, root, seed=11, n_questions=300)
    return root, stats


def test_cli_writes_three_documents_per_film_and_reports_counts(tmp_path):
    out = tmp_path / "c"
    run = subprocess.run([sys.executable, str(SCRIPT), "--films", "12", "--out", str(out), "--seed", "5",
                          "--questions", "20"], capture_output=True, text=True, check=True)
    assert "films: 12" in run.stdout and "documents: 36" in run.stdout and "MB" in run.stdout
    files = [p for p in out.rglob("*") if p.is_file() and p.name != "gold.jsonl"]
    assert len(files) == 36
    assert Counter(p.name for p in files) == {"article.txt": 12, "review.md": 12, "note.txt": 12}
    assert len(read_gold(out)) == 20


def test_cli_refuses_a_non_corpus_folder_and_replaces_an_old_corpus(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    run = subprocess.run([sys.executable, str(SCRIPT), "--films", "2", "--out", str(tmp_path), "--force"],
                         capture_output=True, text=True)
    assert run.returncode != 0 and (tmp_path / "keep.txt").read_text() == "mine"
    out = tmp_path / "c"
    for films in (3, 2):
        subprocess.run([sys.executable, str(SCRIPT), "--films", str(films), "--out", str(out), "--force"],
                       capture_output=True, check=True)
    assert len(film_folders(out)) == 2


def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    mc.generate(40, a, seed=3, n_questions=50)
    mc.generate(40, b, seed=3, n_questions=50)
    mc.generate(40, c, seed=4, n_questions=50)
    assert tree(a) == tree(b)
    assert set(tree(a)) != set(tree(c))


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(tmp_path):
    small, large = tmp_path / "s", tmp_path / "l"
    mc.generate(15, small, seed=9, n_questions=0)
    mc.generate(45, large, seed=9, n_questions=0)
    small_docs = {k: v for k, v in tree(small).items() if k != "gold.jsonl"}
    large_docs = tree(large)
    assert len(small_docs) == 45
    assert all(large_docs[k] == v for k, v in small_docs.items())


def test_gold_lines_have_the_exact_format(corpus):
    root, stats = corpus
    gold = read_gold(root)
    assert len(gold) == stats["questions"] == 300
    for k, item in enumerate(gold, 1):
        optional = [key for key in ("conflict", "film") if key in item]
        assert list(item) == ["id", "question", "answers", "answerable", "type", "sources", *optional, "notes"]
        assert item.get("conflict", True) is True
        assert ("film" in item) == ("not in corpus" not in item["notes"])
        assert item["id"] == f"g{k:05d}"
        assert item["type"] in TYPES
        assert item["question"].endswith("?")
        assert item["notes"].startswith("generated")
        if item["answerable"]:
            assert item["answers"] and item["sources"]
        else:
            assert item["answers"] == [] and item["sources"] == []
    assert sum(not g["answerable"] for g in gold) == 30
    assert len({g["question"] for g in gold}) == len(gold)
    assert {"person", "money", "duration", "date", "year", "organisation", "score", "place"} <= {
        g["type"] for g in gold}


def test_gold_loads_with_the_projects_loader_and_names_the_right_film(corpus):
    from filmqa.evaluation.gold import load_gold

    root, _ = corpus
    gold = load_gold(root / "gold.jsonl")
    assert gold.questions == 300
    for item in gold.items:
        if item.film and item.sources:
            text = (root / Path(item.sources[0]).parent / "article.txt").read_text()
            title, year = text.splitlines()[0], re.search(r"\| released = .*(\d{4})", text).group(1)
            assert item.film == f"{title} ({year})"
        if item.film:
            assert item.film.rsplit(" (", 1)[0] in item.question


def test_every_gold_answer_occurs_literally_in_a_source(corpus):
    root, _ = corpus
    for item in read_gold(root):
        if not item["answerable"]:
            continue
        texts = [(root / s).read_text(encoding="utf-8") for s in item["sources"]]
        for answer in item["answers"]:
            spellings = answer.split("|")
            found = [sp for sp in spellings if any(sp in t for t in texts)]
            # every spelling of an undisputed fact is in the documents; a disputed
            # value may be spelled in a form only the other document would use
            assert found == spellings or (item.get("conflict") and found), (item, answer)
        for source, text in zip(item["sources"], texts):
            assert any(sp in text for a in item["answers"] for sp in a.split("|")), (item, source)
        # every question names its film: the title on the source's first line
        title = texts[0].splitlines()[0].removeprefix("# ").removesuffix(" Review").split(": production notes")[0]
        assert title in item["question"]


def test_money_and_duration_answers_come_with_variants(corpus):
    root, _ = corpus
    gold = [g for g in read_gold(root) if g["answerable"] and "conflict" not in g["notes"]]
    money = [g for g in gold if g["type"] == "money"]
    durations = [g for g in gold if g["type"] == "duration"]
    assert money and durations
    for g in money:
        (answer,) = g["answers"]
        assert re.fullmatch(r"\$(\d+)(\.\d)? million\|\$\1\.\d+M", answer), answer
    for g in durations:
        n = g["answers"][0].split()[0]
        assert g["answers"] == [f"{n} minutes|{n} min"]


def question_titles(question: str) -> set[str]:
    """The film titles a question can be read as naming, per the generator's templates."""
    found = set()
    for _, templates in mc.QUESTION_TEMPLATES.values():
        for t in templates:
            pattern = re.escape(t).replace(r"\{T\}", "(?P<T>.+)").replace(r"\{role\}", ".+")
            m = re.fullmatch(pattern, question)
            if m:
                found.add(m.group("T"))
    return found


def test_unanswerable_questions_are_really_unanswerable(corpus):
    root, _ = corpus
    folders = {f.name: f for f in film_folders(root)}
    kinds = Counter()
    for item in read_gold(root):
        if item["answerable"]:
            continue
        titles = question_titles(item["question"])
        assert titles, item
        if "not in corpus" in item["notes"]:
            kinds["missing film"] += 1
            assert not any(mc.slugify(t) in folders for t in titles), item
            continue
        (film,) = [folders[mc.slugify(t)] for t in titles if mc.slugify(t) in folders]
        assert item["film"].startswith((film / "article.txt").read_text().splitlines()[0] + " (")
        article, review = (film / "article.txt").read_text(), (film / "review.md").read_text()
        if "budget" in item["notes"]:
            kinds["budget"] += 1
            assert "| budget =" not in article and "budget" not in article.split("}}")[1]
            assert "| Production Budget | Not disclosed |" in review
        elif "Rotten Tomatoes" in item["notes"]:
            kinds["rt"] += 1
            assert "Rotten Tomatoes" not in article + review
        elif "CinemaScore" in item["notes"]:
            kinds["cinemascore"] += 1
            assert "CinemaScore" not in article + review
        else:
            kinds["editor"] += 1
            assert "edit" not in article + review + (film / "note.txt").read_text()
    assert kinds["missing film"] >= 5 and len(kinds) >= 3


def test_titles_overlap_so_routing_is_hard(corpus):
    root, _ = corpus
    titles = [(f / "article.txt").read_text().splitlines()[0] for f in film_folders(root)]
    assert len(set(titles)) == len(titles)
    title_set = set(titles)
    sequels = [t for t in titles if t.endswith(" II") and t[:-3] in title_set]
    article_pairs = [t for t in titles if t.startswith("The ") and t[4:] in title_set]
    assert sequels and article_pairs
    # sequels keep characters of the original
    seq = sequels[0]
    folders = {(f / "article.txt").read_text().splitlines()[0]: f for f in film_folders(root)}
    roles = lambda t: {line.split(" as ", 1)[1] for line in (folders[t] / "article.txt").read_text().splitlines()
                       if line.startswith("*")}
    assert roles(seq) & roles(seq[:-3])
    assert f"It is a sequel to {seq[:-3]} (" in (folders[seq] / "article.txt").read_text()


def test_infobox_parses_as_key_value_lines_consistent_with_the_prose(corpus):
    root, _ = corpus
    required = {"name", "director", "producer", "screenplay", "starring", "music", "cinematography", "studio",
                "distributor", "released", "runtime", "country", "gross"}
    for folder in film_folders(root):
        text = (folder / "article.txt").read_text()
        fields = {}
        for line in infobox(text):
            m = INFOBOX_LINE.match(line)
            assert m, line
            fields[m.group(1)] = m.group(2)
        assert required <= set(fields)
        assert fields["name"] == text.splitlines()[0]
        assert re.fullmatch(DATE, fields["released"])
        assert re.fullmatch(r"\d+ min", fields["runtime"])
        assert f"directed by {fields['director']}" in text
        assert f"The music was composed by {fields['music']}" in text
        assert f"composed by {fields['music']}." in (folder / "note.txt").read_text()
        cast = [line[1:].split(" as ") for line in text.split("==Cast==")[1].split("==")[0].split("\n")
                if line.startswith("*")]
        assert 4 <= len(cast) <= 8
        assert fields["starring"].split(", ") == [a for a, _ in cast[:5]]
        assert f"{cast[0][0]} as {cast[0][1]} and {cast[1][0]} as {cast[1][1]}" in text
        year = fields["released"][-4:]
        assert f"is a {year} " in text
        for section in ("==Plot==", "==Cast==", "==Production==", "==Release==", "==Reception=="):
            assert section in text
        assert re.search(r"Principal photography began in \w+ \d{4} in ", text)


def test_review_and_note_shapes(corpus):
    root, _ = corpus
    for folder in film_folders(root):
        title = (folder / "article.txt").read_text().splitlines()[0]
        review = (folder / "review.md").read_text()
        note = (folder / "note.txt").read_text()
        assert review.startswith(f"# {title} Review\n")
        for line in ("Share this article", "Subscribe to our newsletter", f"## Where to Watch {title}",
                     "| Metric | Value |", "| Production Budget |", "| Worldwide Gross |", "| Runtime |"):
            assert line in review
        assert re.search(r"Rating: \d(\.5)?/10", review)
        assert " chose " in note and " because " in note
        assert not re.search(r"[#*|=\[\]{}]", note)


def test_about_one_film_in_ten_contradicts_itself_and_gold_records_it(corpus):
    root, stats = corpus
    disagree = 0
    for folder in film_folders(root):
        art, rev = (folder / "article.txt").read_text(), (folder / "review.md").read_text()
        runtime = re.search(r"\| runtime = (\d+) min", art).group(1)
        released = re.search(r"\| released = (.+)", art).group(1)
        budget = re.search(r"\| budget = \$([\d.]+) million", art)
        rev_budget = re.search(r"\| Production Budget \| \$([\d.]+)M", rev)
        disagree += (f"| Runtime | {runtime} minutes |" not in rev
                     or f"| Release Date | {released} |" not in rev
                     or bool(budget) and float(budget.group(1)) != float(rev_budget.group(1)))
    assert disagree == stats["conflicts"]
    assert 0.04 * 250 <= disagree <= 0.18 * 250
    conflicts = [g for g in read_gold(root) if "conflict" in g["notes"]]
    assert conflicts
    for g in conflicts:
        assert len(g["sources"]) == 2 and len(g["answers"]) == 2 and g["conflict"] is True
        a, r = (root / g["sources"][0]).read_text(), (root / g["sources"][1]).read_text()
        in_article, in_review = (g["answers"][0].split("|"), g["answers"][1].split("|"))
        assert any(x in a and x not in r for x in in_article)
        assert any(x in r and x not in a for x in in_review)


def test_names_are_shared_across_people_and_films(corpus):
    root, _ = corpus
    people = set()
    directors = Counter()
    for folder in film_folders(root):
        fields = dict(INFOBOX_LINE.match(l).groups() for l in infobox((folder / "article.txt").read_text()))
        directors[fields["director"]] += 1
        people.update(fields["starring"].split(", "))
    firsts = Counter(p.split()[0] for p in people)
    lasts = Counter(p.split()[-1] for p in people)
    assert firsts.most_common(1)[0][1] >= 3 and lasts.most_common(1)[0][1] >= 3
    assert directors.most_common(1)[0][1] >= 2  # some directors made several films


def test_large_corpora_are_sharded_below_a_thousand_entries_per_folder(tmp_path):
    mc.generate(650, tmp_path, seed=1, n_questions=10)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["000", "001", "002", "gold.jsonl"]
    for folder in [tmp_path, *[p for p in tmp_path.rglob("*") if p.is_dir()]]:
        assert len(list(folder.iterdir())) <= 1000
    for g in read_gold(tmp_path):
        for s in g["sources"]:
            assert re.fullmatch(r"00\d/[a-z0-9-]+/(article\.txt|review\.md|note\.txt)", s)
            assert (tmp_path / s).is_file()
    assert mc.shard_parts(5, 300) == ()
    assert mc.shard_parts(299_999, 300_000) == ("999",)
    assert mc.shard_parts(999_999, 1_000_000) == ("003", "333")
