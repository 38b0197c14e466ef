"""`make bench`: ingest throughput (articles/s) and peak memory, for HTML and for plain text.

Each phase runs in a fresh process so its peak RSS is its own. Baselines run in the same
invocation on the same files, so the ratios hold on a noisy machine even when the absolute
figures do not: HTML against bare `trafilatura.extract`, text against reading and decoding.
Data: real pages and articles from ../shared/corpora (Fundus HTML, PolNeAR text), else the
repository's examples/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"


def _html_files(work: Path, limit: int) -> list[Path]:
    src = CORPORA / "fundus_eval" / "html"
    out = work / "html"
    out.mkdir()
    pages = sorted(src.glob("*.html.gz"))[:limit] if src.exists() else []
    for page in pages:
        (out / page.name[: -len(".gz")]).write_bytes(gzip.decompress(page.read_bytes()))
    if not pages:
        for page in sorted((REPO / "examples").glob("*.html")):
            shutil.copy(page, out / page.name)
    return sorted(out.iterdir())


def _text_files(work: Path, limit: int) -> list[Path]:
    out = work / "text"
    out.mkdir()
    found = sorted((CORPORA / "polnear" / "data").glob("*/text/*.txt"))[:limit]
    if not found:
        found = sorted((REPO / "examples").glob("*.txt"))
    for i, path in enumerate(found):
        shutil.copy(path, out / f"{i:05d}_{path.name}")
    return sorted(out.iterdir())


def _phase(name: str, files: list[str], queue: mp.Queue) -> None:  # type: ignore[type-arg]
    start = time.perf_counter()
    count = 0
    if name == "ingest":
        from newsrecon.api.runner import Runner
        from newsrecon.model import AnalysisParameters
        from newsrecon.store import open_store

        with open_store(":memory:") as store:
            result = Runner(store, AnalysisParameters()).ingest(files)
        count = len(result.articles) + len(result.rejected)
    elif name == "trafilatura":
        import trafilatura

        for f in files:
            trafilatura.extract(Path(f).read_text(encoding="utf-8", errors="replace"))
            count += 1
    elif name == "read":
        for f in files:
            Path(f).read_bytes().decode("utf-8", errors="replace")
            count += 1
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"phase": name, "articles": count, "seconds": seconds, "peak_mb": peak_mb})


def run_phase(name: str, files: list[Path]) -> dict[str, float]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_phase, args=(name, [str(f) for f in files], queue))
    proc.start()
    result = queue.get()
    proc.join()
    result["rate"] = result["articles"] / result["seconds"] if result["seconds"] else 0.0
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--html", type=int, default=80, help="HTML pages to ingest")
    parser.add_argument("--text", type=int, default=924, help="text articles to ingest")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        html = _html_files(work, args.html)
        text = _text_files(work, args.text)
        for label, files, baseline in (
            ("HTML", html, "trafilatura"),
            ("text", text, "read"),
        ):
            ours = run_phase("ingest", files)
            base = run_phase(baseline, files)
            rows.append(
                {
                    "input": label,
                    "articles": ours["articles"],
                    "ingest_articles_per_s": round(ours["rate"], 1),
                    "ingest_peak_mb": round(ours["peak_mb"]),
                    "baseline": "bare trafilatura.extract"
                    if baseline == "trafilatura"
                    else "read + decode",
                    "baseline_articles_per_s": round(base["rate"], 1),
                    "ratio_to_baseline": round(ours["rate"] / base["rate"], 3)
                    if base["rate"]
                    else None,
                }
            )
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        "| input | articles | ingest articles/s | peak MB | baseline | baseline articles/s "
        "| ingest / baseline |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['input']} | {r['articles']} | {r['ingest_articles_per_s']} | "
            f"{r['ingest_peak_mb']} | {r['baseline']} | {r['baseline_articles_per_s']} | "
            f"{r['ratio_to_baseline']} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
