"""Benchmark whole builds on synthetic corpora: time per stage, peak memory, site size, engine floor.

Run::

    python benchmarks/bench_build.py --sizes 100 1000 10000

For each size the script writes a seeded corpus (``corpus.py``) into a scratch folder,
then, in a fresh process so that peak memory is the build's own, runs the stages the
way ``digest.pipeline.analyse`` and ``digest.publish.build_site`` do, timing each one:

========== ==========================================================================
read       ``read_and_extract`` in ``--jobs`` processes: decode, page furniture, metadata,
           quotations and their speakers as written, each article's names and terms; overrides
speakers   ``resolve_speakers`` with the per-article name indexes
storylines ``group_storylines`` and ``infer_missing_dates``
matching   ``cluster_quotes`` and ``attach_clusters``
render     ``Renderer(...).pages()``: every Markdown page
write      ``write_pages`` and the packaged ``mkdocs.yml``
mkdocs     ``run_mkdocs``: MkDocs Material with the digest plugin, pages in ``--jobs`` processes
========== ==========================================================================

The engine floor is a plain MkDocs Material build (``mkdocs build``, no digest plugin)
of the very same Markdown pages with the same configuration and navigation: the least
any MkDocs site of that many pages costs. ``digest build`` is also run once end to end
as a cross-check of the total. Results go to ``benchmarks/results/build.json`` (merged
with earlier runs by size) and a Markdown table to standard output.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import multiprocessing
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent))

from corpus import write_corpus

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "build.json"
STAGES = ("read", "speakers", "storylines", "matching", "render", "write", "mkdocs")
BIN = Path(sys.executable).parent
DIGEST = (sys.executable, "-m", "digest")
"""The command line of the same ``digest`` this script imports (``PYTHONPATH`` may point at a snapshot)."""


# --------------------------------------------------------------------------- measuring


def rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory so far, in MB (``ru_maxrss`` is in KB on Linux)."""
    return resource.getrusage(who).ru_maxrss / 1024


class Stopwatch:
    """Times named stages and notes the peak memory after each, optionally under cProfile."""

    def __init__(self, label: str, profile_dir: Path | None) -> None:
        self.label = label
        self.profile_dir = profile_dir
        self.seconds: dict[str, float] = {}
        self.rss: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time one stage; with a profile folder, also write its cProfile statistics there."""
        profiler = cProfile.Profile() if self.profile_dir else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        yield
        if profiler and self.profile_dir:
            profiler.disable()
            profiler.dump_stats(self.profile_dir / f"{self.label}-{name}.pstats")
        self.seconds[name] = time.perf_counter() - started
        self.rss[name] = rss_mb()
        print(f"[{self.label}] {name:<10} {self.seconds[name]:8.2f} s  peak RSS {self.rss[name]:7.0f} MB", flush=True)


def tree_pss_mb(pid: int) -> float:
    """Memory of a process and all its descendants now, in MB: the sum of their proportional set sizes.

    Worker processes forked from a build share most of their pages with it; PSS counts each
    shared page once in total, so the sum is what the machine really holds.
    """
    total_kb = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kb += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total_kb / 1024


def run_measured(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Run a command in ``cwd``; return (wall seconds, peak memory of its process tree in MB, exit code).

    The peak is sampled every 0.2 s as the sum of PSS over the command and its worker
    processes; with one process it agrees with the peak RSS within a few percent.
    """
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.2):
            peak = max(peak, tree_pss_mb(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    done.set()
    sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if child.returncode:
        print(f"{command[0]} exited with {child.returncode}: {errors.decode(errors='replace')[-2000:]}", flush=True)
    return wall, max(peak, usage.ru_maxrss / 1024), child.returncode


def folder_size(folder: Path) -> tuple[int, int, int]:
    """Return (bytes of all files, number of files, number of HTML pages) under a folder."""
    total = files = pages = 0
    for path in folder.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            files += 1
            pages += path.suffix == ".html"
    return total, files, pages


def disk_usage_mb(folder: Path) -> float:
    """What ``du -s`` reports for a folder, in MB (blocks on disk, not file sizes)."""
    out = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1024


# --------------------------------------------------------------------------- one build, in a child


def build_stages(corpus: Path, work: Path, label: str, profile_dir: Path | None, jobs: int) -> dict[str, Any]:
    """Run every stage of ``digest build --jobs N --no-cache`` on ``corpus`` into ``work/site``; measure."""
    from digest.engine import open_engine
    from digest.group import attach_clusters, cluster_quotes, group_storylines, infer_missing_dates
    from digest.pipeline import apply_overrides, date_orders, read_and_extract, storyline_index
    from digest.publish import default_config, release_memory, run_mkdocs, write_pages
    from digest.publish.render import Renderer
    from digest.read import name_outlets_by_site
    from digest.settings import Settings
    from digest.speakers import resolve_speakers

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    settings = Settings()
    clock = Stopwatch(label, profile_dir)
    base = rss_mb()
    with clock.stage("read"):
        with open_engine("local", jobs) as run:
            articles, quotes, problems, names, terms = read_and_extract(corpus, date_orders(settings), None, run)
        articles = apply_overrides(name_outlets_by_site(articles), settings)
    with clock.stage("speakers"):
        speakers, quotes = resolve_speakers(quotes, articles, names)
    with clock.stage("storylines"):
        storylines = group_storylines(articles, quotes, settings, terms)
        articles = infer_missing_dates(articles, storylines)
    with clock.stage("matching"):
        clusters, quotes = cluster_quotes(quotes, articles, storyline_index(storylines), settings)
        storylines = attach_clusters(storylines, clusters)
    from digest.models import Digest

    digest = Digest(articles, quotes, speakers, clusters, storylines, problems)
    with clock.stage("render"):
        pages = Renderer(digest, settings, None).pages()
    docs, config_path = work / "docs", work / "mkdocs.yml"
    with clock.stage("write"):
        write_pages(pages, docs)
        config = default_config(docs, settings.title)
        config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    markdown_pages, markdown_mb = len(pages), sum(len(t.encode("utf-8")) for t in pages.values()) / 2**20
    del digest, pages  # as digest build does: only the written pages are needed from here
    release_memory()
    with clock.stage("mkdocs"):
        run_mkdocs(config_path, work / "site", jobs=jobs)
    floor = {**config, "plugins": [p for p in config["plugins"] if p != "digest"]}
    (work / "floor.yml").write_text(yaml.safe_dump(floor, sort_keys=False), encoding="utf-8")
    return {
        "seconds": clock.seconds,
        "rss_after_mb": clock.rss,
        "rss_base_mb": base,
        "rss_peak_mb": rss_mb(),
        "rss_children_mb": rss_mb(resource.RUSAGE_CHILDREN),
        "articles": len(articles),
        "problems": len(problems),
        "quotes": len(quotes),
        "speakers": len(speakers),
        "storylines": len(storylines),
        "clusters": len(clusters),
        "multi_outlet_clusters": multi_source(clusters, quotes),
        "found_storyline_of": storyline_index(storylines),
        "markdown_pages": markdown_pages,
        "markdown_mb": markdown_mb,
        "jobs": jobs,
    }


def pairs(sizes: Counter[Any]) -> int:
    """How many unordered pairs groups of these sizes hold."""
    return sum(n * (n - 1) // 2 for n in sizes.values())


def storyline_scores(found: dict[str, str], truth: dict[str, int]) -> dict[str, float]:
    """Pairwise precision and recall of the found storylines against the written ones."""
    ids = [a for a in truth if a in found]
    right = pairs(Counter((found[a], truth[a]) for a in ids))
    claimed, real = pairs(Counter(found[a] for a in ids)), pairs(Counter(truth[a] for a in ids))
    return {
        "storyline_precision": right / claimed if claimed else 1.0,
        "storyline_recall": right / real if real else 1.0,
    }


def multi_source(clusters: Sequence[Any], quotes: Sequence[Any]) -> int:
    """How many statements more than one article carries."""
    source = {q.id: q.source for q in quotes}
    return sum(len({source[q] for q in c.quotes}) > 1 for c in clusters)


def _child(corpus: Path, work: Path, label: str, profile_dir: Path | None, jobs: int, out: Any) -> None:
    """Run the stages in a child process and send the result back."""
    try:
        out.put(build_stages(corpus, work, label, profile_dir, jobs))
    except BaseException as exc:
        out.put({"error": repr(exc)})
        raise


# --------------------------------------------------------------------------- one size


def supports(flag: str) -> bool:
    """Whether ``digest build`` knows an option."""
    help_text = subprocess.run([*DIGEST, "build", "--help"], capture_output=True, text=True, cwd="/").stdout
    return flag in help_text


def run_size(
    size: int,
    seed: int,
    scratch: Path,
    profile_dir: Path | None,
    extra_jobs: Sequence[int] = (1,),
    incremental: Sequence[int] = (),
) -> dict[str, Any]:
    """Generate a corpus of ``size`` articles; measure the stages, the floor and ``digest build`` per ``--jobs``."""
    label = f"{size}"
    corpus, work = scratch / "corpus", scratch / "build"
    work.mkdir(parents=True)
    started = time.perf_counter()
    written = write_corpus(corpus, size, seed)
    generated = time.perf_counter() - started
    print(
        f"[{label}] generated {written.articles} articles, {written.storylines} storylines, "
        f"{written.quotes} quotations in {generated:.1f} s",
        flush=True,
    )
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_child, args=(corpus, work, label, profile_dir, max(extra_jobs), queue))
    child.start()
    result = queue.get()
    child.join()
    if "error" in result:
        raise RuntimeError(f"build of {size} articles failed: {result['error']}")
    result["total_s"] = sum(result["seconds"].values())
    site_bytes, site_files, site_pages = folder_size(work / "site")
    result.update(site_mb=site_bytes / 2**20, site_du_mb=disk_usage_mb(work / "site"))
    result.update(site_files=site_files, html_pages=site_pages)
    result.update(storyline_scores(result.pop("found_storyline_of"), written.storyline_of))
    written.storyline_of = {}
    result.update(generate_s=generated, written=asdict(written), true_storylines=written.storylines, seed=seed)
    floor_cmd = [str(BIN / "mkdocs"), "build", "-q", "-f", str(work / "floor.yml"), "-d", str(work / "floor-site")]
    floor_s, floor_rss, _ = run_measured(floor_cmd, scratch)
    result.update(floor_s=floor_s, floor_rss_mb=floor_rss, floor_site_mb=folder_size(work / "floor-site")[0] / 2**20)
    result["ratio"] = result["total_s"] / floor_s
    print(f"[{label}] engine floor {floor_s:.2f} s, total/floor {result['ratio']:.2f}", flush=True)
    shutil.rmtree(work / "floor-site")
    env = {**os.environ, "XDG_CACHE_HOME": str(scratch / "cache")}
    for jobs in extra_jobs:
        cli = [*DIGEST, "-q", "build", str(corpus), "--site-dir", str(work / "cli-site")]
        cli += ["--no-cache"] if supports("--no-cache") else []
        cli += ["--jobs", str(jobs)]
        cli_s, cli_rss, code = run_measured(cli, scratch, env)
        shutil.rmtree(work / "cli-site", ignore_errors=True)
        result.setdefault("cli", {})[str(jobs)] = {"seconds": cli_s, "rss_mb": cli_rss, "exit": code}
        print(f"[{label}] digest build --jobs {jobs}: {cli_s:.2f} s, peak RSS {cli_rss:.0f} MB", flush=True)
    if size in incremental:
        result["incremental"] = measure_incremental(corpus, scratch, max(extra_jobs))
    return result


def new_article(corpus: Path) -> Path:
    """Write one more article: the first article as another outlet reworded it (not in ``sources.yml``)."""
    first = min(p for p in corpus.iterdir() if p.suffix == ".txt")
    text = first.read_text(encoding="utf-8")
    added = corpus / "zz-added.txt"
    added.write_text("(Added Wire) - " + text.replace(" said", " stated", 2), encoding="utf-8")
    return added


def same_site(one: Path, other: Path) -> bool:
    """Whether two sites hold the same files with the same bytes (the gzipped sitemap carries a time)."""
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file() and p.suffix != ".gz")
    if files != sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file() and p.suffix != ".gz"):
        return False
    return all((one / rel).read_bytes() == (other / rel).read_bytes() for rel in files)


def measure_incremental(corpus: Path, scratch: Path, jobs: int) -> dict[str, Any]:
    """Build with the cache, add one article, build again; compare with a clean build of the same corpus."""
    label = f"{sum(1 for p in corpus.iterdir() if p.suffix == '.txt')}"
    site, clean = scratch / "build" / "incremental-site", scratch / "build" / "clean-site"
    cached = [*DIGEST, "-q", "build", str(corpus), "--site-dir", str(site), "--cache-dir", str(scratch / "inc-cache")]
    cached += ["--jobs", str(jobs)]
    first_s, _, _ = run_measured(cached, scratch)
    unchanged_s, _, _ = run_measured(cached, scratch)
    new_article(corpus)
    added_s, added_rss, _ = run_measured(cached, scratch)
    full = [*DIGEST, "-q", "build", str(corpus), "--site-dir", str(clean), "--no-cache", "--jobs", str(jobs)]
    full_s, _, _ = run_measured(full, scratch)
    identical = same_site(site, clean)
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(clean, ignore_errors=True)
    print(
        f"[{label}] with the cache: first build {first_s:.2f} s, unchanged {unchanged_s:.2f} s, "
        f"one article added {added_s:.2f} s = {added_s / full_s:.0%} of a clean build ({full_s:.2f} s); "
        f"identical site: {identical}",
        flush=True,
    )
    return {
        "jobs": jobs,
        "first_cached_s": first_s,
        "unchanged_s": unchanged_s,
        "added_one_s": added_s,
        "added_one_rss_mb": added_rss,
        "clean_s": full_s,
        "ratio": added_s / full_s,
        "identical": identical,
    }


# --------------------------------------------------------------------------- reporting


def machine() -> dict[str, Any]:
    """Describe the machine and the versions that matter for the numbers."""
    model = next(
        (ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines() if "model name" in ln),
        platform.processor(),
    )
    memory = next(ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal"))
    versions = {name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "rapidfuzz", "jinja2", "nh3")}
    import digest

    source = Path(digest.__file__).resolve().parent.parent
    git = ["git", "rev-parse", "--short", "HEAD"]
    in_repo = (source / ".git").exists()
    commit = subprocess.run(git, capture_output=True, text=True, cwd=source).stdout if in_repo else "not a checkout"
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "memory_gb": round(int(memory) / 2**20, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        **versions,
        "digest_source": str(source),
        "digest_commit": commit.strip(),
    }


def save(results: dict[int, dict[str, Any]], path: Path = RESULTS) -> None:
    """Merge these sizes into the JSON results file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"runs": {}}
    data["machine"] = machine()
    data["runs"].update({str(size): result for size, result in results.items()})
    data["runs"] = dict(sorted(data["runs"].items(), key=lambda item: int(item[0])))
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def cli_cell(run: dict[str, Any], jobs: str, key: str, digits: int) -> str:
    """One ``digest build`` measurement for a table cell (``-`` when that run was not made)."""
    value = run.get("cli", {}).get(jobs, {}).get(key)
    return "-" if value is None else f"{value:,.{digits}f}"


def cli_ratio(run: dict[str, Any], jobs: str) -> str:
    """``digest build --jobs N`` end to end against the engine floor."""
    seconds = run.get("cli", {}).get(jobs, {}).get("seconds")
    return "-" if seconds is None else f"{seconds / run['floor_s']:.2f}×"


def incremental_cell(run: dict[str, Any], key: str) -> str:
    """One measurement of the cached rebuilds (``-`` when not made at this size)."""
    value = run.get("incremental", {}).get(key)
    if value is None:
        return "-"
    if key == "ratio":
        return f"{value:.0%}"
    return ("yes" if value else "**no**") if isinstance(value, bool) else f"{value:.1f}"


def table(runs: dict[str, dict[str, Any]]) -> str:
    """Render the results as a Markdown table, one column per size."""
    sizes = list(runs)
    jobs_measured = sorted({jobs for run in runs.values() for jobs in run.get("cli", {})}, key=int)
    rows = [f"{stage} (s)" for stage in STAGES]
    lines = ["| | " + " | ".join(f"{int(s):,} articles" for s in sizes) + " |", "|---" * (len(sizes) + 1) + "|"]
    for stage, row in zip(STAGES, rows, strict=True):
        lines.append(f"| {row} | " + " | ".join(f"{runs[s]['seconds'][stage]:.2f}" for s in sizes) + " |")
    extra: tuple[tuple[str, Callable[[dict[str, Any]], str]], ...] = (
        ("**total (s)**", lambda r: f"**{r['total_s']:.1f}**"),
        *(
            (f"`digest build --jobs {jobs}` end to end (s)", partial(cli_cell, jobs=jobs, key="seconds", digits=1))
            for jobs in jobs_measured
        ),
        ("engine floor: plain `mkdocs build` (s)", lambda r: f"{r['floor_s']:.1f}"),
        ("total / floor", lambda r: f"{r['ratio']:.2f}×"),
        *((f"`digest build --jobs {jobs}` / floor", partial(cli_ratio, jobs=jobs)) for jobs in jobs_measured),
        ("cached build, nothing changed (s)", partial(incremental_cell, key="unchanged_s")),
        ("cached build, one article added (s)", partial(incremental_cell, key="added_one_s")),
        ("… against a clean build of the same corpus", partial(incremental_cell, key="ratio")),
        ("… site identical to the clean build", partial(incremental_cell, key="identical")),
        ("peak memory (MB)", lambda r: f"{r['rss_peak_mb']:.0f}"),
        *(
            (f"peak memory, `digest build --jobs {jobs}` (MB)", partial(cli_cell, jobs=jobs, key="rss_mb", digits=0))
            for jobs in jobs_measured
        ),
        ("peak memory, floor (MB)", lambda r: f"{r['floor_rss_mb']:.0f}"),
        ("site size (MB)", lambda r: f"{r['site_mb']:.1f}"),
        ("HTML pages", lambda r: f"{r['html_pages']:,}"),
        ("quotes / speakers / storylines", lambda r: f"{r['quotes']:,} / {r['speakers']:,} / {r['storylines']:,}"),
        ("storylines written", lambda r: f"{r['true_storylines']:,}"),
        (
            "storyline pair precision / recall",
            lambda r: f"{r['storyline_precision']:.2f} / {r['storyline_recall']:.2f}",
        ),
    )
    for name, cell in extra:
        lines.append(f"| {name} | " + " | ".join(cell(runs[s]) for s in sizes) + " |")
    return "\n".join(lines)


def top_functions(profile: Path, limit: int = 15) -> None:
    """Print the functions of one stage's profile with the most cumulative time."""
    stats = pstats.Stats(str(profile))
    stats.sort_stats("cumulative").print_stats(limit)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments and benchmark every requested size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scratch", type=Path, help="folder for corpora and sites (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and sites")
    parser.add_argument("--profile", action="store_true", help="write cProfile statistics of every stage")
    parser.add_argument(
        "--cli-jobs", type=int, nargs="+", default=[1], help="run `digest build` end to end once per --jobs value"
    )
    parser.add_argument(
        "--incremental",
        type=int,
        nargs="*",
        default=[100, 1000],
        help="sizes at which to time adding one article to a cached build (with the largest --cli-jobs)",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="JSON file to merge the results into")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="digest-bench-", dir=args.scratch))
    profile_dir = HERE / "results" / "profiles" if args.profile else None
    if profile_dir:
        profile_dir.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict[str, Any]] = {}
    try:
        for size in args.sizes:
            results[size] = run_size(size, args.seed, root / str(size), profile_dir, args.cli_jobs, args.incremental)
            save({size: results[size]}, args.results)
            if profile_dir:
                slowest = max(STAGES, key=lambda stage: results[size]["seconds"][stage])
                top_functions(profile_dir / f"{size}-{slowest}.pstats")
            if not args.keep:
                shutil.rmtree(root / str(size), ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print()
    print(table({str(size): result for size, result in results.items()}))
    print(f"\nresults merged into {args.results}")


if __name__ == "__main__":
    main()
