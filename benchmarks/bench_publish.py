"""Benchmark ``digest build`` against the site engine alone, and a rebuild after one new article.

Run::

    python benchmarks/bench_publish.py --polnear ../shared/corpora/polnear --synthetic 1000 10000

For each corpus (PolNeAR's real articles, train and dev texts, and seeded synthetic corpora
of the given sizes) the script measures, each command in a fresh process, in one run:

``digest``
    ``digest build CORPUS --no-cache --jobs N``: wall time, peak memory of the process tree
    (PSS), the number of HTML pages and the site's size.
``plain``
    A plain MkDocs Material build (``mkdocs build``, no digest plugin, the same packaged
    configuration, navigation and search) of a docs tree with **the same number of pages**,
    one per article holding that article's text and the others a heading and one sentence,
    laid out like digest's. This is what any MkDocs site of that many pages of that text
    costs; the ratio ``digest / plain`` is the figure the target is set on.
``rebuild``
    With a warm cache (``--cache-dir``), one article added (a copy of one with one sentence
    changed, under a new name), then ``digest build`` again: the time against ``digest``.

Results go to ``benchmarks/results/publish.json`` (merged by corpus) and a Markdown table to
standard output. With ``--stages``, the stage table of ``bench_build.py`` (read, speakers,
storylines, matching, render, write, mkdocs) is measured for each corpus as well.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent))

from bench_build import disk_usage_mb, folder_size, run_measured
from corpus import write_corpus

RESULTS = Path(__file__).resolve().parent / "results" / "publish.json"


def real_corpus(polnear: Path, folder: Path) -> int:
    """Copy PolNeAR's article texts (train and dev) into ``folder``; return how many."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for split in ("train", "dev"):
        for path in sorted((polnear / split / "text").glob("*.txt")):
            shutil.copyfile(path, folder / f"{split}-{path.name}")
            count += 1
    return count


def article_texts(corpus: Path) -> list[tuple[str, str]]:
    """(title, body) of every article file in a corpus folder, as a plain build would show it."""
    out = []
    for path in sorted(corpus.iterdir()):
        if path.suffix not in (".txt", ".md"):
            continue
        lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
        lines = [line for line in lines if line]
        if lines:
            out.append((lines[0], "\n\n".join(lines[1:])))
    return out


def plain_tree(corpus: Path, pages: int, work: Path) -> Path:
    """A docs tree of ``pages`` pages holding the corpus' article text, and its plain Material configuration."""
    from digest.publish import default_config

    docs = work / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    kinds = ("storylines", "sources", "speakers", "outlets")
    (docs / "index.md").write_text("# Home\n\nEvery article.\n", encoding="utf-8")
    for kind in kinds:
        (docs / kind).mkdir()
        (docs / kind / "index.md").write_text(f"# {kind.title()}\n\nThe list.\n", encoding="utf-8")
    written = 1 + len(kinds)
    for index, (title, body) in enumerate(article_texts(corpus)):
        if written >= pages:
            break
        page = docs / "sources" / f"{index:05d}" / "index.md"
        page.parent.mkdir()
        page.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        written += 1
    extra = 0
    while written < pages:
        page = docs / kinds[extra % 3 if extra % 3 != 1 else 3] / f"p{extra:05d}" / "index.md"
        page.parent.mkdir(parents=True)
        page.write_text(f"# Page {extra}\n\nOne sentence on this page.\n", encoding="utf-8")
        written += 1
        extra += 1
    config = default_config(docs, "Plain")
    config["plugins"] = [p for p in config["plugins"] if p != "digest"]
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def add_one_article(corpus: Path) -> None:
    """A new article: a copy of the first, one sentence changed, under a name of its own."""
    first = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))[0]
    text = first.read_text(encoding="utf-8", errors="replace")
    cut = text.find(".", len(text) // 2)
    changed = text[:cut] + ", a later edition says" + text[cut:] if cut > 0 else text + "\n\nA later edition.\n"
    (corpus / f"zz-added{first.suffix}").write_text(changed, encoding="utf-8")


def measure(name: str, corpus: Path, work: Path, jobs: int, stages: bool) -> dict[str, Any]:
    digest = [sys.executable, "-m", "digest", "build", str(corpus), "--jobs", str(jobs)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    seconds, peak, code = run_measured([*digest, "--no-cache", "--site-dir", str(work / "site")], work, env)
    assert code == 0, f"digest build failed on {name}"
    size, _, pages = folder_size(work / "site")
    config = plain_tree(corpus, pages - 1, work / "plain")  # less the theme's 404 page
    plain, plain_peak, code = run_measured(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(work / "plain-site")], work, env
    )
    assert code == 0, "the plain build failed"
    cache = ["--cache-dir", str(work / "cache")]
    warm, _, code = run_measured([*digest, *cache, "--site-dir", str(work / "site-cached")], work, env)
    assert code == 0
    add_one_article(corpus)
    rebuild, rebuild_peak, code = run_measured([*digest, *cache, "--site-dir", str(work / "site-cached")], work, env)
    assert code == 0
    (corpus / "zz-added.txt").unlink(missing_ok=True)
    (corpus / "zz-added.md").unlink(missing_ok=True)
    result = {
        "corpus": name,
        "articles": len(article_texts(corpus)),
        "pages": pages,
        "jobs": jobs,
        "digest_s": round(seconds, 2),
        "digest_peak_mb": round(peak),
        "site_mb": round(size / 2**20, 1),
        "site_disk_mb": round(disk_usage_mb(work / "site"), 1),
        "plain_s": round(plain, 2),
        "plain_peak_mb": round(plain_peak),
        "ratio": round(seconds / plain, 2),
        "cached_full_s": round(warm, 2),
        "rebuild_s": round(rebuild, 2),
        "rebuild_share": round(rebuild / seconds, 2),
        "rebuild_peak_mb": round(rebuild_peak),
    }
    if stages:
        result["stages"] = stage_table(corpus, work / "stages", jobs)
    return result


def stage_table(corpus: Path, work: Path, jobs: int) -> dict[str, float]:
    """The time of each stage of a build (``bench_build.build_stages``), in a fresh process."""
    work.mkdir(parents=True, exist_ok=True)
    code = (
        "import json, sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
        "from bench_build import build_stages; "
        "r = build_stages(Path(sys.argv[2]), Path(sys.argv[3]), 'stages', None, int(sys.argv[4])); "
        "print(json.dumps(r['seconds']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).resolve().parent), str(corpus), str(work), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(results: Sequence[dict[str, Any]]) -> str:
    rows = [
        "| corpus | articles | pages | digest build | plain Material | ratio | peak | site | one added | share |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        rows.append(
            f"| {r['corpus']} | {r['articles']:,} | {r['pages']:,} | {r['digest_s']:.1f} s | {r['plain_s']:.1f} s | "
            f"{r['ratio']:.2f} × | {r['digest_peak_mb']:,} MB | {r['site_mb']:.0f} MB | {r['rebuild_s']:.1f} s | "
            f"{r['rebuild_share']:.0%} |"
        )
    staged = [r for r in results if "stages" in r]
    if staged:
        names = list(staged[0]["stages"])
        rows += ["", "| corpus | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
        for r in staged:
            rows.append(f"| {r['corpus']} | " + " | ".join(f"{r['stages'][n]:.2f} s" for n in names) + " |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, help="PolNeAR's folder (train/ and dev/): its texts as a real corpus")
    parser.add_argument("--synthetic", type=int, nargs="*", default=[], help="sizes of synthetic corpora")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--stages", action="store_true", help="also time each stage (bench_build.py)")
    parser.add_argument("--scratch", type=Path, help="folder for corpora and sites (default: a temporary one)")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="digest-bench-publish-"))
    results = []
    if args.polnear:
        corpus = scratch / "polnear" / "corpus"
        real_corpus(args.polnear, corpus)
        results.append(measure("PolNeAR (real)", corpus, scratch / "polnear", args.jobs, args.stages))
        print(table(results[-1:]), flush=True)
    for size in args.synthetic:
        corpus = scratch / f"synthetic-{size}" / "corpus"
        write_corpus(corpus, size, args.seed)
        results.append(measure(f"synthetic {size:,}", corpus, scratch / f"synthetic-{size}", args.jobs, args.stages))
        print(table(results[-1:]), flush=True)
    print(table(results))
    merged = json.loads(args.results.read_text(encoding="utf-8")) if args.results.is_file() else {}
    for r in results:
        merged[f"{r['corpus']} / jobs {r['jobs']}"] = r
    merged["_machine"] = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "mkdocs": metadata.version("mkdocs"),
        "mkdocs-material": metadata.version("mkdocs-material"),
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(merged, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if not args.scratch:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
