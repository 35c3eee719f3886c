"""The command line: help everywhere, documented commands, clean errors, bare folders."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli

from .conftest import ROOT, SEEDS

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output and len(result.output.splitlines()) > 3


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented(command: str) -> None:
    usage = (ROOT / "docs" / "guide" / "usage.md").read_text(encoding="utf-8")
    assert f"digest {command}" in usage


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "digest", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "build" in result.stdout


def test_export_of_a_bare_folder(tmp_path: Path) -> None:
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    result = CliRunner().invoke(cli, ["export", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["sources"]) == 5 and data["version"] == 1


def test_build_of_a_bare_folder_anywhere(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, corpus / path.name)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file()
    assert len([p for p in (out / "sources").iterdir() if p.is_dir()]) == 5
    assert sorted(p.name for p in corpus.iterdir()) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_missing_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_empty_folder_is_fatal(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--site-dir", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no readable article" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_diff_shows_the_four_wordings() -> None:
    result = CliRunner().invoke(
        cli, ["diff", str(SEEDS), "--statement", "relationship with the international coalition will continue"]
    )
    assert result.exit_code == 0, result.output
    for outlet in ("Shafaq News", "teleSUR English", "North Press Agency", "Sputnik International"):
        assert outlet in result.output
    rows: dict[str, str] = {}
    for line in result.output.splitlines():
        if line.startswith("  "):
            label = line.split("  ")[1]
            rows[label] = rows.get(label, "") + line.removeprefix("  " + label)
    assert "North Press Agency (canonical)" in rows
    assert "International Coalition" in rows["Shafaq News"], "Shafaq's own capitals, not the canonical's"
    assert "{~training camps~}" in rows["teleSUR English"]


def test_new_project_builds_at_once(tmp_path: Path) -> None:
    target = tmp_path / "my-digest"
    result = CliRunner().invoke(cli, ["new", str(target), "--title", "Port strike"])
    assert result.exit_code == 0, result.output
    for rel in ("mkdocs.yml", "digest.yml", "articles/sources.yml", ".github/workflows/pages.yml", "README.md"):
        assert (target / rel).is_file(), rel
    result = CliRunner().invoke(cli, ["build", str(target), "--site-dir", str(target / "site")])
    assert result.exit_code == 0, result.output
    assert "Port strike" in (target / "site" / "index.html").read_text(encoding="utf-8")


def test_new_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["new", str(tmp_path)])
    assert result.exit_code == 2 and "not an empty folder" in result.output


def test_unknown_setting_is_one_clear_line(tmp_path: Path) -> None:
    target = tmp_path / "d"
    assert CliRunner().invoke(cli, ["new", str(target)]).exit_code == 0
    (target / "digest.yml").write_text("corpus: articles\nmatch_treshold: 0.7\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(target), "--site-dir", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "match_treshold" in result.output and "digest.yml" in result.output


def test_mistyped_setting_is_one_clear_line(tmp_path: Path) -> None:
    target = tmp_path / "d"
    assert CliRunner().invoke(cli, ["new", str(target)]).exit_code == 0
    (target / "digest.yml").write_text("corpus: articles\nmatch_threshold: high\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(target), "--site-dir", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "match_threshold: expected a number" in result.output and "Traceback" not in result.output


def test_pages_setting_chooses_generated_pages(tmp_path: Path) -> None:
    target = tmp_path / "d"
    assert CliRunner().invoke(cli, ["new", str(target)]).exit_code == 0
    (target / "digest.yml").write_text("corpus: articles\npages: [storylines, sources]\n", encoding="utf-8")
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        config.replace("  - Speakers: speakers/index.md\n", "").replace("  - Outlets: outlets/index.md\n", ""),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["build", str(target), "--site-dir", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "s" / "sources").is_dir() and not (tmp_path / "s" / "speakers").exists()


def _search_text(site: Path) -> str:
    """Everything the site search can find, as one string."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return "\n".join(f"{doc['location']} {doc['title']} {doc['text']}" for doc in index["docs"])


@pytest.mark.parametrize(("setting", "indexed"), [("", True), ("search_article_text: false\n", False)])
def test_article_text_in_the_search_index(tmp_path: Path, setting: str, indexed: bool) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "digest.yml").write_text(setting, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(tmp_path / "s"), "--no-cache"])
    assert result.exit_code == 0, result.output
    text = _search_text(tmp_path / "s")
    body_only = "Soleimani"  # said in Iran Daily's article body, never inside a quotation
    assert (body_only in text) is indexed
    assert all(f"sources/{name}/ " in text for name in ("000-b7877505cd02fc7c", "004-48cfc3e508ef6b57"))  # titles
    statements = [line for line in text.splitlines() if line.startswith("storylines/")]
    assert any(all(w in line for w in ("training", "advice", "empowerment")) for line in statements)  # always


def test_search_article_text_takes_true_or_false(tmp_path: Path) -> None:
    target = tmp_path / "d"
    assert CliRunner().invoke(cli, ["new", str(target)]).exit_code == 0
    (target / "digest.yml").write_text("corpus: articles\nsearch_article_text: sometimes\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(target), "--site-dir", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "search_article_text: expected true or false" in result.output
