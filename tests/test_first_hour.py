"""What a new user meets in the first hour: install, saved web pages, page structure, `digest new`, messages."""

from __future__ import annotations

import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import venv
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from digest.cli import cli

from .conftest import ROOT, SEEDS, Tags

PAGE = """<html><head><title>{title} | Harbour Times</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1><p>Published 5 March 2024</p>
<p>The port authority's director, Lena Berg, said: "{quote}" She spoke after a night of talks.</p>
<p>Dock workers have been on strike since Monday, halting container traffic at the country's largest port,
and the union said it would keep its pickets at every gate until an agreement is signed.</p>
</article><footer>Share this article</footer></body></html>"""
PLURAL_SLIP = re.compile(r"\b1 (?:quotation|article|outlet|storyline|source|statement|speaker|page|warning)s\b")


class Text(HTMLParser):
    """The text of a page's ``<li>`` items and of its whole main content, tags dropped."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.items: list[str] = []
        self.chunks: list[str] = []
        self._open: list[list[str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self._open.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._open:
            self.items.append(" ".join("".join(self._open.pop()).split()))

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)
        for item in self._open:
            item.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())


def _content(html: str) -> str:
    """The article part of a Material page (what the Markdown produced)."""
    return html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


def _html_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    quotes = ("We will not sign anything tonight.", "The strike ends when the talks end.")
    for index, quote in enumerate(quotes):
        page = PAGE.format(title=f"Port strike talks, day {index + 2}", quote=quote)
        (folder / f"harbour-{index}.html").write_text(page, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- install and saved pages


def test_a_folder_of_saved_web_pages_builds(tmp_path: Path) -> None:
    corpus = _html_corpus(tmp_path / "pages")
    result = CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 0, result.output
    sources = sorted(p.name for p in (tmp_path / "out" / "sources").iterdir() if p.is_dir())
    assert len(sources) == 2
    html = (tmp_path / "out" / "sources" / sources[0] / "index.html").read_text(encoding="utf-8")
    assert "We will not sign anything tonight." in html or "The strike ends" in html


def test_a_missing_html_package_is_one_line_naming_it(tmp_path: Path) -> None:
    corpus = _html_corpus(tmp_path / "pages")
    script = (
        "import sys; sys.modules['lxml.html.clean'] = None\n"
        "from digest.cli import main; sys.argv = ['digest', 'build', sys.argv[1], '--site-dir', sys.argv[2],"
        " '--no-cache', '--jobs', '1']; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(corpus), str(tmp_path / "out")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("digest: error:")]
    assert len(errors) == 1 and "pip install lxml_html_clean" in errors[0] and ".html" in errors[0], done.stderr


def test_ci_installs_with_the_pip_a_new_venv_ships() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv" in run
    assert not re.search(r"pip install[^\n]*(?:-U|--upgrade)[^\n]*\bpip\b", run)
    readme_test = next(line for line in (ROOT / "README.md").read_text().splitlines() if "pytest" in line)
    assert readme_test.split("#")[0].strip().split("&&")[0].strip() in run


# ---------------------------------------------------------------- page structure


def test_source_page_metadata_is_a_list_of_separate_items(built_site: Path) -> None:
    for page in sorted((built_site / "sources").glob("*/index.html")):
        items = Text(_content(page.read_text(encoding="utf-8"))).items
        labels = [item.split(":", 1)[0] for item in items if ":" in item]
        assert labels[:2] == ["Outlet", "Published"], (page, items)
        assert "Storyline" in labels and "File" in labels, (page, items)
        for item in items:
            assert item.count("Published:") + item.count("Storyline:") + item.count("Original:") <= 1, (page, item)


def test_outlet_page_country_and_fidelity_are_separate(built_site: Path) -> None:
    items = Text(_content((built_site / "outlets" / "sputnik-international" / "index.html").read_text())).items
    assert "Country: Russia" in items
    assert any(item.startswith("Fidelity: ") and "Country" not in item for item in items), items


def test_numbers_agree_with_their_nouns_on_every_page(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        text = Text(page.read_text(encoding="utf-8")).text
        assert not PLURAL_SLIP.search(text), (page, PLURAL_SLIP.search(text))
    home = Text((built_site / "index.html").read_text(encoding="utf-8")).text
    assert "in 1 storyline." in home


def test_home_page_times_all_state_their_zone(built_site: Path) -> None:
    text = Text(_content((built_site / "index.html").read_text(encoding="utf-8"))).text
    times = re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d(?: UTC[+-]?[\d:]*)?", text)
    assert times, text
    assert all("UTC" in found for found in times), times


def test_source_page_says_when_a_time_has_no_zone(built_site: Path) -> None:
    pages = [p.read_text(encoding="utf-8") for p in (built_site / "sources").glob("*/index.html")]
    published = [i for page in pages for i in Text(_content(page)).items if i.startswith("Published:")]
    assert "Published: 2021-12-10 05:29 (time zone not stated)" in published
    assert "Published: 2021-11-24 03:50 UTC" in published


def test_developer_pages_are_not_in_the_digest_site(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Performance" not in html and "Scaling out" not in html
    assert not (built_site / "performance").exists() and not (built_site / "scaling").exists()
    assert (ROOT / "docs" / "performance.md").is_file() and (ROOT / "docs" / "scaling.md").is_file()
    assert not (built_site / "architecture").exists() and (ROOT / "docs" / "architecture.md").is_file()


def test_a_markdown_title_has_no_heading_marks(tmp_path: Path) -> None:
    from digest.read import read_article

    path = tmp_path / "strike.md"
    path.write_text("# Dockers walk out at dawn ##\n\nThe union said the strike would last a week.\n", encoding="utf-8")
    assert read_article(path, "strike", "strike.md", {}).title == "Dockers walk out at dawn"
    path.write_text("---\ntitle: '# kept as given'\n---\n# Heading\n\nThe union said so.\n", encoding="utf-8")
    assert read_article(path, "strike", "strike.md", {}).title == "# kept as given"


# ---------------------------------------------------------------- commands say what they did


def test_build_summary_counts_agree_and_name_the_site(tmp_path: Path) -> None:
    target = tmp_path / "one"
    assert CliRunner().invoke(cli, ["new", str(target), "--install-from", "git+https://example.org/x/y"]).exit_code == 0
    done = subprocess.run([sys.executable, "-m", "digest", "build", str(target)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stderr.splitlines() if line.startswith("digest: built"))
    assert str((target / "site").resolve()) in line
    assert "1 article read" in line and "1 storyline" in line and not PLURAL_SLIP.search(line), line


def test_new_then_build_inside_puts_the_site_in_the_project(tmp_path: Path) -> None:
    target = tmp_path / "X"
    assert CliRunner().invoke(cli, ["new", str(target)]).exit_code == 0
    done = subprocess.run(
        [sys.executable, "-m", "digest", "build", "--no-cache"], cwd=target, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (target / "site" / "index.html").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "digest", "build", str(target)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not (elsewhere / "site").exists()


def test_export_to_a_file_says_where(tmp_path: Path) -> None:
    out = tmp_path / "digest.json"
    done = subprocess.run(
        [sys.executable, "-m", "digest", "export", str(SEEDS), "-o", str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert out.is_file() and str(out.resolve()) in done.stderr


@pytest.mark.parametrize(
    ("option", "wanted", "listed"),
    [("--outlet", "No Such Outlet", "Sputnik International"), ("--statement", "zebra crossing quota", "relationship")],
)
def test_diff_filters_that_match_nothing_are_errors_listing_what_there_is(
    option: str, wanted: str, listed: str
) -> None:
    result = CliRunner().invoke(cli, ["diff", str(SEEDS), option, wanted])
    assert result.exit_code == 2, result.output
    assert wanted in result.output and listed in result.output
    assert len(result.output.strip().splitlines()) == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_prints_its_address(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    shutil.copy(SEEDS / "002_753d9b2fa5797557.txt", corpus)
    address = f"127.0.0.1:{_free_port()}"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    server = subprocess.Popen(
        [sys.executable, "-m", "digest", "serve", str(corpus), "--dev-addr", address],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    try:
        lines: queue.Queue[str] = queue.Queue()
        assert server.stderr is not None
        threading.Thread(target=lambda: [lines.put(line) for line in server.stderr], daemon=True).start()
        seen: list[str] = []
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not any("serving the site on" in line for line in seen):
            try:
                seen.append(lines.get(timeout=1.0))
            except queue.Empty:
                if server.poll() is not None:
                    break
        assert f"digest: serving the site on http://{address}/" in "".join(seen), seen
        assert list(scratch.iterdir()), "the served project is scaffolded in a temporary folder"
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert server.returncode == 0
    assert not list(scratch.iterdir()), "stopping the server removes its temporary folders"


# ---------------------------------------------------------------- `digest new` deploys


def test_new_project_site_url_follows_the_workflow(tmp_path: Path) -> None:
    target = tmp_path / "news"
    assert CliRunner().invoke(cli, ["new", str(target)]).exit_code == 0
    assert 'site_url: !ENV [SITE_URL, ""]' in (target / "mkdocs.yml").read_text(encoding="utf-8")
    env = {**os.environ, "SITE_URL": "https://someone.github.io/news/"}
    done = subprocess.run(
        [sys.executable, "-m", "digest", "build", "--no-cache"], cwd=target, env=env, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "<loc>https://someone.github.io/news/" in (target / "site" / "sitemap.xml").read_text(encoding="utf-8")
    links = [a for t, a in Tags((target / "site" / "404.html").read_text(encoding="utf-8")).tags for a in a.values()]
    local = [link for link in links if link.startswith("/")]
    assert local and all(link.startswith("/news/") for link in local), local


def test_new_without_a_source_warns_about_the_placeholder(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["new", str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    assert "OWNER/REPO" in result.output and "--install-from" in result.output
    assert "storyline-digest" not in (tmp_path / "p" / ".github" / "workflows" / "pages.yml").read_text()


def test_new_refuses_an_install_source_that_would_break_the_workflow(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["new", str(tmp_path / "p"), "--install-from", 'x" && curl evil'])
    assert result.exit_code == 2 and "not a pip requirement" in result.output


def _workflow_steps(project: Path) -> list[dict]:
    workflow = yaml.safe_load((project / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    return [step for step in workflow["jobs"]["build"]["steps"] if "run" in step]


@pytest.mark.slow
def test_the_generated_workflow_installs_and_builds(tmp_path: Path) -> None:
    """Run the Pages workflow's own commands in a fresh venv, digest installed from this repository with git."""
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout: the workflow installs digest from a repository")
    project = tmp_path / "news"
    source = f"git+file://{ROOT}"
    assert CliRunner().invoke(cli, ["new", str(project), "--install-from", source]).exit_code == 0
    steps = _workflow_steps(project)
    assert steps[0]["run"] == f'pip install "{source}"'
    venv.EnvBuilder(with_pip=True).create(tmp_path / "venv")
    bin_dir = tmp_path / "venv" / "bin"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(tmp_path / "venv")}
    env.pop("PYTHONPATH", None)
    for step in steps:
        step_env = {
            k: str(v).replace("${{ steps.pages.outputs.base_url }}", "https://someone.github.io/news")
            for k, v in step.get("env", {}).items()
        }
        done = subprocess.run(
            step["run"], shell=True, cwd=project, env={**env, **step_env}, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, (step["run"], done.stdout[-2000:], done.stderr[-2000:])
    assert (project / "site" / "index.html").is_file()
    assert "<loc>https://someone.github.io/news/" in (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
