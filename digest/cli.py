"""The ``digest`` command: a thin layer over the library.

Errors are one line on stderr and exit code 2; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial, wraps
from pathlib import Path
from typing import Any

import click

from .engine import ENGINES, EngineError
from .export import ExportError
from .models import Digest
from .pipeline import NoArticlesError, analyse
from .publish import ConfigError, Project, load_project
from .publish.engines import SiteEngineError
from .publish.formatting import count
from .read import ManifestError, MissingDependencyError
from .scaffold import ScaffoldError
from .settings import SITE_ENGINES
from .terminal import UnknownFilterError

log = logging.getLogger("digest")
FATAL = (
    ConfigError,
    EngineError,
    ExportError,
    ManifestError,
    NoArticlesError,
    ScaffoldError,
    SiteEngineError,
    MissingDependencyError,
    UnknownFilterError,
    OSError,
)
UTF8 = ("utf-8", "utf-8-sig", "utf_8", "ascii")


def _fail_cleanly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn known problems into one line and exit code 2 (a traceback with ``--debug``)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FATAL as exc:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            click.echo(f"digest: error: {exc}", err=True)
            sys.exit(2)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline-digest")
@click.option("-q", "--quiet", is_flag=True, help="Only print warnings and errors.")
@click.option("-v", "--verbose", is_flag=True, help="Print what every stage does.")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
def cli(quiet: bool, verbose: bool, debug: bool) -> None:
    """Turn several outlets' reports of one story into one browsable storyline site."""
    level = logging.WARNING if quiet else logging.DEBUG if verbose or debug else logging.INFO
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr)
    logging.getLogger("mkdocs").setLevel(logging.WARNING if not verbose else logging.INFO)


CORPUS = click.argument("corpus", required=False, type=click.Path(path_type=Path, file_okay=False))


def _project(corpus: Path | None) -> Project:
    return load_project(corpus)


def _analyse(
    project: Project,
    jobs: int = 1,
    cache_dir: Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Digest:
    """Run the analysis with a progress bar on an interactive terminal."""
    from rich.progress import Progress

    from .cache import ExtractionCache

    cache = ExtractionCache(cache_dir) if cache_dir else None
    run = partial(analyse, project.corpus, project.settings, jobs=jobs, cache=cache, engine=engine, scheduler=scheduler)
    if not sys.stderr.isatty() or log.getEffectiveLevel() > logging.INFO:
        with _problems_reported_here():
            digest = run()
    else:
        with _problems_reported_here(), Progress(transient=True) as bar:
            task = bar.add_task("Reading articles", total=None)
            digest = run(lambda _, done, total: bar.update(task, completed=done, total=total))
    if cache is not None:
        cache.prune()
    return digest


class _ReportedHere(logging.Filter):
    """Holds back the readers' and the pipeline's warnings: one per skipped file, which ``_report_problems`` prints."""

    LOGGERS = ("digest.read", "digest.pipeline")

    def filter(self, record: logging.LogRecord) -> bool:
        ours = any(record.name == name or record.name.startswith(name + ".") for name in self.LOGGERS)
        return record.levelno >= logging.ERROR or not ours


@contextlib.contextmanager
def _problems_reported_here() -> Iterator[None]:
    """While the analysis runs, the handlers of the root logger leave the per-file warnings to the command."""
    handlers, held = list(logging.getLogger().handlers), _ReportedHere()
    for handler in handlers:
        handler.addFilter(held)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(held)


def default_cache_dir() -> Path:
    """Where extraction results are kept between builds (shared: keys are content hashes)."""
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storyline-digest"


def default_jobs() -> int:
    """The processors this process may use (at most 8): what ``--jobs`` is when not given."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        available = os.cpu_count() or 1
    return max(1, min(8, available))


JOBS = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=default_jobs,
    show_default="the number of processors, at most 8",
    help="Processes that read and extract articles and render pages in parallel (output is the same for any number).",
)
CACHE = click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Where to keep extraction results and built pages between builds [default: ~/.cache/storyline-digest].",
)
NO_CACHE = click.option(
    "--no-cache", is_flag=True, help="Extract every article and build every page again; read and write no cache."
)
ENGINE = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="Where reading, extraction and statement matching run: here, or on Dask (pip install '.[dask]'). "
    "The output is the same.",
)
SCHEDULER = click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="With --engine dask: the Dask scheduler (tcp://host:8786) [default: a local cluster of --jobs processes].",
)


STRICT = click.option("--strict", is_flag=True, help="Exit with an error if any file was skipped.")


@dataclass(frozen=True)
class Analysis:
    """How a command analyses its corpus: the options every such command shares."""

    strict: bool
    jobs: int
    cache_dir: Path | None
    no_cache: bool
    engine: str
    scheduler: str | None

    def run(self, project: Project) -> Digest:
        """Analyse the project's corpus and report its problems (exit 1 with ``--strict``)."""
        digest = _analyse(project, self.jobs, self.cache, self.engine, self.scheduler)
        _report_problems(digest, self.strict)
        return digest

    @property
    def cache(self) -> Path | None:
        return _cache_dir(self.cache_dir, self.no_cache)


def analysis_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options of every command that analyses a corpus, handed to it as one ``analysis``."""

    @wraps(func)
    def collected(**kwargs: Any) -> Any:
        names = ("strict", "jobs", "cache_dir", "no_cache", "engine", "scheduler")
        analysis = Analysis(**{name: kwargs.pop(name) for name in names})
        return func(analysis=analysis, **kwargs)

    for option in (SCHEDULER, ENGINE, NO_CACHE, CACHE, JOBS, STRICT):
        collected = option(collected)
    return collected


def _cache_dir(cache_dir: Path | None, no_cache: bool) -> Path | None:
    return None if no_cache else cache_dir or default_cache_dir()


def _report_problems(digest: Digest, strict: bool) -> None:
    """Name re-decoded files, print one warning line per skipped file; fail with ``--strict``."""
    for article in digest.articles:
        if article.encoding.lower() not in UTF8:
            log.info("digest: %s: decoded as %s", article.path, article.encoding)
    for line in digest.problems:
        click.echo(f"digest: warning: {line}", err=True)
    if strict and digest.problems:
        click.echo(f"digest: error: {len(digest.problems)} warning(s) and --strict is set", err=True)
        sys.exit(1)


@cli.command()
@CORPUS
@click.option(
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Where to write the built site [default: the project's site_dir (site/ beside its mkdocs.yml); "
    "for a bare folder of articles, site/ in the current folder].",
)
@click.option(
    "--site-engine",
    type=click.Choice(SITE_ENGINES),
    default=None,
    help="What builds the site from the generated docs tree [default: the project's site_engine, else mkdocs]. "
    "zensical needs: pip install zensical.",
)
@analysis_options
@_fail_cleanly
def build(corpus: Path | None, site_dir: Path | None, site_engine: str | None, analysis: Analysis) -> None:
    """Build the site from CORPUS (default: this project's mkdocs.yml and its corpus)."""
    from .cache import ExtractionCache
    from .publish import default_site_dir, publish, render_pages

    started = time.perf_counter()
    project = _project(corpus)
    target = (site_dir or default_site_dir(project)).resolve()
    digest = analysis.run(project)
    built = summary(digest)
    cache = ExtractionCache(analysis.cache) if analysis.cache else None
    pages = render_pages(digest, project, cache.memo() if cache else None, cache.rendered() if cache else None)
    generated = len(pages)
    del digest  # MkDocs needs only the pages: free the analysis before it runs
    publish(pages, project, target, jobs=analysis.jobs, cache_dir=analysis.cache, engine=site_engine)
    log.info(
        "digest: built the site in %s (%s generated) in %.1f s: %s",
        target,
        count(generated, "page"),
        time.perf_counter() - started,
        built,
    )


@cli.command()
@CORPUS
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to FILE instead of standard output (with --format parquet: a folder, one file per table).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("json", "parquet")),
    default="json",
    show_default=True,
    help="JSON (schema version 1), or Parquet tables of the same fields (pip install '.[parquet]').",
)
@click.option("--no-diff", is_flag=True, help="Leave out the word diffs of each quote.")
@analysis_options
@_fail_cleanly
def export(corpus: Path | None, output: Path | None, output_format: str, no_diff: bool, analysis: Analysis) -> None:
    """Print the JSON export (schema version 1) of CORPUS, or write it as Parquet tables."""
    from .export import to_json, write_parquet

    if output_format == "parquet" and output is None:
        raise ExportError("--format parquet writes one file per table: give the folder with -o DIR")
    digest = analysis.run(_project(corpus))
    if output_format == "parquet" and output is not None:
        written = write_parquet(digest, output, diffs=not no_diff)
        log.info("digest: wrote %s to %s: %s", count(len(written), "Parquet table"), output.resolve(), summary(digest))
        return
    text = to_json(digest, diffs=not no_diff)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        log.info("digest: wrote the export to %s: %s", output.resolve(), summary(digest))


@cli.command()
@CORPUS
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@_fail_cleanly
def serve(corpus: Path | None, dev_addr: str) -> None:
    """Preview the site locally; it rebuilds when an article changes."""
    import tempfile

    from mkdocs.commands.serve import serve as mkdocs_serve

    project = _project(corpus)
    _announce_address()
    _stop_on_terminate()
    if project.config_file is not None:
        mkdocs_serve(config_file=str(project.config_file), dev_addr=dev_addr, livereload=True)
        return
    with tempfile.TemporaryDirectory(prefix="digest-serve-") as work:
        config_file = _scaffold_for_serve(project, Path(work))
        mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)


def _stop_on_terminate() -> None:
    """Stop on SIGTERM as on Ctrl+C, so MkDocs shuts its server down and temporary folders are removed."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


SERVING = "Serving on "
"""How MkDocs' live-reload server says its address."""


class _ServingLine(logging.Filter):
    """Say MkDocs' "Serving on URL" as digest's own line; let its other live-reload lines through."""

    def filter(self, record: logging.LogRecord) -> bool:
        _, serving, url = record.getMessage().partition(SERVING)
        if serving:
            record.msg, record.args = f"digest: serving the site on {url} (Ctrl+C to stop)", ()
        return True


def _announce_address() -> None:
    """Print the address once MkDocs has built the site and starts serving it."""
    server_log = logging.getLogger("mkdocs.livereload")
    server_log.setLevel(logging.INFO)
    server_log.addFilter(_ServingLine())
    log.info("digest: building the site, then serving it with live reload")


def _scaffold_for_serve(project: Project, work: Path) -> Path:
    """A throwaway project around a bare corpus, so MkDocs can serve and watch it."""
    import yaml

    from .publish import default_config

    config = default_config(work / "docs", project.settings.title)
    config["docs_dir"] = "docs"
    (work / "docs").mkdir()
    (work / "digest.yml").write_text(yaml.safe_dump({"corpus": str(project.corpus.resolve())}), encoding="utf-8")
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return work / "mkdocs.yml"


@cli.command()
@CORPUS
@click.option(
    "--statement",
    "statement",
    metavar="TEXT",
    help="Words of the statement to compare (default: every statement carried by two or more outlets).",
)
@click.option(
    "--outlet", "outlets", multiple=True, metavar="NAME", help="Only these outlets (give twice to compare two)."
)
@_fail_cleanly
def diff(corpus: Path | None, statement: str | None, outlets: tuple[str, ...]) -> None:
    """Compare the wordings of a statement across outlets, word by word."""
    from .terminal import print_diffs

    print_diffs(_analyse(_project(corpus)), statement, outlets)


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--title", default="My news digest", show_default=True, help="The digest's title.")
@click.option(
    "--install-from",
    metavar="SPEC",
    help="What the Pages workflow installs digest from, e.g. git+https://github.com/OWNER/REPO "
    "[default: where this digest was installed from, if that is a repository; else asked on a terminal].",
)
@_fail_cleanly
def new(directory: Path, title: str, install_from: str | None) -> None:
    """Start a new digest in DIRECTORY: site configuration, corpus folder, Pages workflow."""
    from .scaffold import PLACEHOLDER, installed_from, new_project

    install = install_from or installed_from()
    if install is None and sys.stdin.isatty():
        install = click.prompt("Where should the Pages workflow install digest from", default=PLACEHOLDER)
    for path in new_project(directory, title, install or PLACEHOLDER):
        log.info("digest: wrote %s", path)
    if (install or PLACEHOLDER) == PLACEHOLDER:
        click.echo(
            f"digest: warning: {directory / '.github/workflows/pages.yml'} installs digest from {PLACEHOLDER}: "
            "replace OWNER/REPO with the repository digest is published in (or use --install-from)",
            err=True,
        )
    log.info("digest: next: put articles in %s, then run `digest build %s`", directory / "articles", directory)


def summary(digest: Digest) -> str:
    """One line: what was read, skipped and found."""
    from .models import QuoteKind

    quotes = {q.id: q for q in digest.quotes}
    statements = sum(
        1 for c in digest.clusters if quotes[c.canonical].kind in (QuoteKind.STATEMENT, QuoteKind.FRAGMENT)
    )
    return (
        f"{count(len(digest.articles), 'article')} read, {len(digest.problems)} skipped, "
        f"{count(len(digest.quotes), 'quotation')}, {count(statements, 'statement')}, "
        f"{count(len(digest.speakers), 'speaker')}, {count(len(digest.storylines), 'storyline')}"
    )


def main() -> None:
    """Entry point of the ``digest`` command."""
    cli(prog_name="digest")
