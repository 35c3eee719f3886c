"""Outlets: read from datelines, credit lines and the article's address when nothing names them."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.read import outlet_from_url, read_article, read_corpus

LEAD = "The mayor said the dam would hold, and crews worked through the night to reinforce it."


def outlet_of(tmp_path: Path, text: str, meta: dict[str, str] | None = None) -> str | None:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return read_article(path, "a", "a.txt", meta or {}).outlet


@pytest.mark.parametrize(
    ("opening", "outlet"),
    [
        ("KELL, May 16 (Lakeside Press Agency) - ", "Lakeside Press Agency"),
        ("Kell, May 16, 2023 (Lakeside Press Agency) — ", "Lakeside Press Agency"),
        ("LONDON (Reuters) - ", "Reuters"),
        ("(AP) — ", "AP"),
        ("(Reuters) – ", "Reuters"),
        ("ERBIL, KRG, Iraq (North Press) – ", "North Press"),
        ("MINNEAPOLIS (CBS46/AP) — ", "CBS46"),
    ],
)
def test_a_dateline_names_the_outlet(tmp_path: Path, opening: str, outlet: str) -> None:
    assert outlet_of(tmp_path, f"Dam holds\n\n{opening}{LEAD}\n") == outlet


def test_credit_lines_name_the_outlet_and_the_author(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        f"Dam holds\n\n{LEAD}\n\nReporting by Jane Doe for Reuters; Editing by John Roe\n", encoding="utf-8"
    )
    article = read_article(path, "a", "a.txt", {})
    assert (article.outlet, article.author) == ("Reuters", "Jane Doe")
    path.write_text(f"Dam holds\nBy Jane Doe | Harbour Times\n\n{LEAD}\n", encoding="utf-8")
    article = read_article(path, "a", "a.txt", {})
    assert (article.outlet, article.author) == ("Harbour Times", "Jane Doe")


def test_names_in_brackets_inside_the_story_and_photo_credits_are_not_outlets(tmp_path: Path) -> None:
    later = (
        f"Dam holds\n\n{LEAD}\n\nPaul D. Ryan (R-Wis.) — the speaker said the dam was safe for now, officials said.\n"
    )
    assert outlet_of(tmp_path, later) is None
    assert outlet_of(tmp_path, f"Dam holds\n\n© AFP 2023 photo of the dam\n\n{LEAD}\n") is None


def test_the_manifest_wins_over_a_dateline(tmp_path: Path) -> None:
    text = f"Dam holds\n\nLONDON (Reuters) - {LEAD}\n"
    assert outlet_of(tmp_path, text, {"outlet": "Investing.com"}) == "Investing.com"


def test_the_address_names_the_site_when_nothing_else_does(tmp_path: Path) -> None:
    assert outlet_of(tmp_path, f"Dam holds\n\n{LEAD}\n", {"url": "https://web1.rustavi2.ge/en/news/248425"}) == (
        "rustavi2.ge"
    )
    assert outlet_from_url("https://www.bbc.co.uk/news/world-123") == "bbc.co.uk"
    assert outlet_from_url("https://ca.news.yahoo.com/judge-200830892.html") == "yahoo.com"
    assert outlet_from_url(None) is None


def test_a_site_takes_the_name_its_other_articles_give_it(tmp_path: Path) -> None:
    from digest.pipeline import analyse

    (tmp_path / "named.txt").write_text(f"Dam holds\n\n{LEAD}\n", encoding="utf-8")
    (tmp_path / "bare.txt").write_text(f"Dam still holds\n\nThe engineers said again that {LEAD}\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text(f"River rises\n\nThe river rose, and {LEAD}\n", encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        "named.txt:\n  outlet: Lakeside Press Agency\n  url: https://www.lakeside.example.com/a/1\n"
        "bare.txt:\n  url: https://lakeside.example.com/a/2\n"
        "other.txt:\n  url: https://news.other.example.org/river\n",
        encoding="utf-8",
    )
    assert {a.id: a.outlet for a in read_corpus(tmp_path)[0]}["bare"] == "example.com"
    outlets = {a.id: a.outlet for a in analyse(tmp_path).articles}
    assert outlets == {"named": "Lakeside Press Agency", "bare": "Lakeside Press Agency", "other": "example.org"}
