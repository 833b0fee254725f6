"""Throughput of docclean: pages/s, MB/s and peak RSS.

Measures, on a corpus of synthetic pages (``benchmarks/pages.py``):

1. ``bare``: ``transforms.clean_page`` in a loop in one process (no Prefect, no Parquet);
2. ``run``: ``docclean run CORPUS DEST`` end to end with default settings, as a subprocess;
3. ``trafilatura``: ``trafilatura.extract(html)`` + OpenCC ``t2s`` in a loop, HTML pages only.

Each measurement runs in its own process; its peak RSS is the largest sum of the RSS of that
process and all its children, polled with psutil. Run from the repository root::

    uv run --group bench python benchmarks/throughput.py --pages 20000 --rss-at 2000,20000 --json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MANIFEST = ".manifest.json"  # hidden: docclean skips it
HTML_SUFFIX = ".html"
FLOW_SECONDS = re.compile(r" in ([0-9.]+) s\s*$", re.M)
MB = 1_000_000


@dataclass
class Measure:
    """One measurement: what ran, how much it read, how long it took, how much memory."""

    name: str
    pages: int
    bytes: int
    seconds: float
    peak_rss: int = 0
    cpu_seconds: float = 0.0  # CPU time (user + system) of the measured code or process tree
    extra: dict = field(default_factory=dict)

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {
            **asdict(self),
            "pages_per_s": round(self.pages_per_s, 2),
            "mb_per_s": round(self.mb_per_s, 3),
        }


# ------------------------------------------------------------------------------------------
# Corpus
# ------------------------------------------------------------------------------------------


def corpus_files(directory: Path) -> list[Path]:
    """The pages of a corpus, sorted, hidden files skipped."""
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def ensure_corpus(directory: Path, n_pages: int) -> Path:
    """Reuse ``directory`` if it holds a corpus (ours of ``n_pages`` pages, or any foreign one)."""
    manifest = directory / MANIFEST
    if manifest.exists() and json.loads(manifest.read_text())["pages"] == n_pages:
        return directory
    if directory.exists() and any(directory.iterdir()) and not manifest.exists():
        print(f"using the pages under {directory} as they are", file=sys.stderr)
        return directory
    from pages import write_corpus  # benchmarks/ is on sys.path when this file runs as a script

    shutil.rmtree(directory, ignore_errors=True)
    started = time.monotonic()
    total = write_corpus(directory, n_pages)
    manifest.write_text(json.dumps({"pages": n_pages, "bytes": total}))
    print(
        f"wrote {n_pages} pages ({total / MB:.1f} MB) to {directory} in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )
    return directory


# ------------------------------------------------------------------------------------------
# Workers (run in a child process: ``throughput.py --worker KIND CORPUS``)
# ------------------------------------------------------------------------------------------


def worker_bare(corpus: Path) -> dict:
    """clean_page over every page; time per kind (reading the files is not timed)."""
    from transforms import Document, clean_page

    files = corpus_files(corpus)
    clean_page(files[0].read_bytes(), files[0].name)  # warm-up: lazy imports, OpenCC tables
    totals = {
        kind: {"pages": 0, "bytes": 0, "seconds": 0.0, "cpu_seconds": 0.0, "documents": 0}
        for kind in ("html", "text")
    }
    for path in files:
        raw = path.read_bytes()
        started, cpu_started = time.perf_counter(), time.process_time()
        result = clean_page(raw, str(path.relative_to(corpus)))
        elapsed = time.perf_counter() - started
        total = totals["html" if path.suffix == HTML_SUFFIX else "text"]
        total["cpu_seconds"] += time.process_time() - cpu_started
        total["pages"] += 1
        total["bytes"] += len(raw)
        total["seconds"] += elapsed
        total["documents"] += isinstance(result, Document)
    return totals


def worker_trafilatura(corpus: Path) -> dict:
    """trafilatura.extract + OpenCC t2s over the HTML pages (reading the files is not timed)."""
    import opencc
    import trafilatura

    converter = opencc.OpenCC("t2s")
    files = [p for p in corpus_files(corpus) if p.suffix == HTML_SUFFIX]
    converter.convert(trafilatura.extract(files[0].read_bytes()) or "")  # warm-up
    total = {"pages": 0, "bytes": 0, "seconds": 0.0, "cpu_seconds": 0.0, "empty": 0, "chars": 0}
    for path in files:
        raw = path.read_bytes()
        started, cpu_started = time.perf_counter(), time.process_time()
        text = converter.convert(trafilatura.extract(raw) or "")
        total["seconds"] += time.perf_counter() - started
        total["cpu_seconds"] += time.process_time() - cpu_started
        total["pages"] += 1
        total["bytes"] += len(raw)
        total["empty"] += not text
        total["chars"] += len(text)
    return total


WORKERS = {"bare": worker_bare, "trafilatura": worker_trafilatura}


# ------------------------------------------------------------------------------------------
# Running and watching a process tree
# ------------------------------------------------------------------------------------------


class TreeRss:
    """Poll the summed RSS of a process and all its descendants; keep the maximum."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.peak_processes: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        while not self._stop.is_set():
            sample = self.sample()
            if sum(sample.values()) > self.peak:
                self.peak, self.peak_processes = sum(sample.values()), sample
            self._stop.wait(self.interval)

    def sample(self) -> dict[str, int]:
        """RSS of each process of the tree, by pid and a short name."""
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return {}
        sample = {}
        for process in processes:
            try:
                sample[f"{process.pid} {_short_name(process)}"] = process.memory_info().rss
            except psutil.Error:
                continue
        return sample


def _short_name(process: psutil.Process) -> str:
    """``flows.cli``, ``uvicorn``, ``multiprocessing`` …: enough to tell the processes apart."""
    args = process.cmdline()
    for marker in ("flows.cli", "uvicorn", "multiprocessing", "--worker"):
        if any(marker in arg for arg in args):
            return marker.strip("-")
    return process.name()


@dataclass
class Watched:
    """What running a command cost."""

    stdout: str
    seconds: float
    cpu_seconds: float  # user + system of the process and its waited-for descendants
    peak_rss: int
    peak_processes: dict[str, int]
    load_before: float
    load_after: float


def run_watched(command: list[str], log: Path) -> Watched:
    """Run ``command`` from the repository root, watching its time, CPU and memory."""
    load_before = os.getloadavg()[0]
    cpu_before = _children_cpu()
    started = time.monotonic()
    with log.open("w") as stderr:
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True)
        with TreeRss(process.pid) as rss:
            stdout, _ = process.communicate()
    seconds = time.monotonic() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}; see {log}")
    return Watched(
        stdout,
        seconds,
        _children_cpu() - cpu_before,
        rss.peak,
        {name: round(rss_bytes / 2**20) for name, rss_bytes in rss.peak_processes.items()},
        load_before,
        os.getloadavg()[0],
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_worker(kind: str, corpus: Path, out: Path) -> tuple[dict, Watched]:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, str(corpus)]
    watched = run_watched(command, out / f"{kind}.log")
    return json.loads(watched.stdout.strip().splitlines()[-1]), watched


def _watch_info(watched: Watched) -> dict:
    return {
        "process_cpu_seconds": round(watched.cpu_seconds, 2),
        "peak_processes_mib": watched.peak_processes,
        "load_before": watched.load_before,
        "load_after": watched.load_after,
    }


def measure_bare(corpus: Path, out: Path) -> tuple[Measure, Measure]:
    """(all pages, HTML pages only) for clean_page in a bare loop."""
    result, watched = measure_worker("bare", corpus, out)
    html, text = result["html"], result["text"]
    all_pages = Measure(
        "bare clean_page",
        html["pages"] + text["pages"],
        html["bytes"] + text["bytes"],
        html["seconds"] + text["seconds"],
        watched.peak_rss,
        html["cpu_seconds"] + text["cpu_seconds"],
        {
            "documents": html["documents"] + text["documents"],
            "text_pages": text["pages"],
            **_watch_info(watched),
        },
    )
    html_only = Measure(
        "bare clean_page (HTML pages)",
        html["pages"],
        html["bytes"],
        html["seconds"],
        watched.peak_rss,
        html["cpu_seconds"],
        {"documents": html["documents"]},
    )
    return all_pages, html_only


def measure_trafilatura(corpus: Path, out: Path) -> Measure:
    result, watched = measure_worker("trafilatura", corpus, out)
    return Measure(
        "trafilatura + OpenCC t2s (HTML pages)",
        result["pages"],
        result["bytes"],
        result["seconds"],
        watched.peak_rss,
        result["cpu_seconds"],
        {"empty": result["empty"], "chars": result["chars"], **_watch_info(watched)},
    )


def measure_run(corpus: Path, out: Path, label: str) -> Measure:
    """``docclean run`` (default settings) into a fresh destination; wall time and the flow's own."""
    destination = out / f"run-{label}"
    shutil.rmtree(destination, ignore_errors=True)
    files = corpus_files(corpus)
    command = [sys.executable, "-m", "flows.cli", "run", str(corpus), str(destination)]
    watched = run_watched(command, out / f"run-{label}.log")
    match = FLOW_SECONDS.search(watched.stdout)
    flow_seconds = float(match.group(1)) if match else None
    return Measure(
        f"docclean run ({len(files)} pages)",
        len(files),
        sum(p.stat().st_size for p in files),
        watched.seconds,
        watched.peak_rss,
        watched.cpu_seconds,
        {
            "flow_seconds": flow_seconds,
            "flow_pages_per_s": round(len(files) / flow_seconds, 2) if flow_seconds else None,
            "summary": watched.stdout.strip().splitlines()[-1] if watched.stdout.strip() else "",
            **_watch_info(watched),
        },
    )


# ------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------


def machine() -> dict:
    return {
        "cores": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def ratios(results: dict[str, Measure], rss_runs: dict[int, Measure]) -> dict:
    cores = os.cpu_count() or 1
    out: dict[str, float | None] = {}
    bare, run = results.get("bare"), results.get("run")
    if bare and run:
        out["parallel_efficiency_wall"] = round(run.pages_per_s / (bare.pages_per_s * cores), 3)
        flow_pps = run.extra.get("flow_pages_per_s")
        out["parallel_efficiency_flow"] = (
            round(flow_pps / (bare.pages_per_s * cores), 3) if flow_pps else None
        )
        out["cpu_efficiency"] = round(bare.cpu_seconds / run.cpu_seconds, 3) if run.cpu_seconds else None
    if results.get("bare_html") and results.get("trafilatura"):
        html, other = results["bare_html"], results["trafilatura"]
        out["speed_vs_trafilatura"] = round(html.pages_per_s / other.pages_per_s, 3)
        out["speed_vs_trafilatura_cpu"] = round(other.cpu_seconds / html.cpu_seconds, 3)
    if len(rss_runs) >= 2:
        sizes = sorted(rss_runs)
        out["rss_growth"] = round(rss_runs[sizes[-1]].peak_rss / rss_runs[sizes[0]].peak_rss, 3)
    return out


def print_report(results: dict[str, Measure], rss_runs: dict[int, Measure], summary: dict) -> None:
    print(f"machine: {summary['machine']}")
    print(
        f"{'measurement':40} {'pages':>6} {'MB':>6} {'wall s':>8} {'pages/s':>8} {'MB/s':>6} "
        f"{'CPU s':>8} {'RSS MiB':>8}"
    )
    rows = list(results.values()) + [m for _, m in sorted(rss_runs.items()) if m not in results.values()]
    for m in rows:
        print(
            f"{m.name:40} {m.pages:6d} {m.bytes / MB:6.1f} {m.seconds:8.1f} {m.pages_per_s:8.1f} "
            f"{m.mb_per_s:6.2f} {m.cpu_seconds:8.1f} {m.peak_rss / 2**20:8.0f}"
        )
        if m.extra.get("flow_seconds"):
            flow = m.extra["flow_seconds"]
            print(
                f"{'  flow only (no Prefect start-up)':40} {'':6} {'':6} {flow:8.1f} "
                f"{m.pages / flow:8.1f} {m.bytes / MB / flow:6.2f}"
            )
        if "peak_processes_mib" in m.extra and m.name.startswith("docclean"):
            print(f"{'  RSS at peak (MiB)':40} {m.extra['peak_processes_mib']}")
    for name, value in summary["ratios"].items():
        print(f"{name}: {value}")


# ------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=20_000, help="pages in the corpus (default 20000)")
    parser.add_argument("--corpus", type=Path, help="corpus folder to reuse or create (default OUT/corpus-N)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/docclean-bench"), help="work folder")
    parser.add_argument("--measure", default="bare,run,trafilatura", help="which of bare,run,trafilatura")
    parser.add_argument(
        "--rss-at", default="", help="also peak RSS of docclean run at these sizes, e.g. 2000,20000"
    )
    parser.add_argument("--json", nargs="?", const="-", help="write the results as one JSON line (to a file)")
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("worker_corpus", nargs="?", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def run_benchmark(args: argparse.Namespace) -> dict:
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = ensure_corpus(args.corpus or args.out / f"corpus-{args.pages}", args.pages)
    n_pages = len(corpus_files(corpus))
    wanted = set(args.measure.split(","))
    results: dict[str, Measure] = {}
    if "bare" in wanted:
        results["bare"], results["bare_html"] = measure_bare(corpus, args.out)
    if "run" in wanted:
        results["run"] = measure_run(corpus, args.out, str(n_pages))
    if "trafilatura" in wanted:
        results["trafilatura"] = measure_trafilatura(corpus, args.out)
    rss_runs = rss_series(args, n_pages, results.get("run"))
    summary = {
        "machine": machine(),
        "corpus": str(corpus),
        "results": {k: m.as_dict() for k, m in results.items()},
        "rss_at": {str(n): m.as_dict() for n, m in sorted(rss_runs.items())},
    }
    summary["ratios"] = ratios(results, rss_runs)
    print_report(results, rss_runs, summary)
    return summary


def rss_series(args: argparse.Namespace, n_pages: int, run: Measure | None) -> dict[int, Measure]:
    """docclean run at each size of ``--rss-at`` (reusing the main run when the size matches)."""
    series: dict[int, Measure] = {}
    for size in (int(s) for s in args.rss_at.split(",") if s):
        if run is not None and size == n_pages:
            series[size] = run
            continue
        corpus = ensure_corpus(args.out / f"corpus-{size}", size)
        series[size] = measure_run(corpus, args.out, str(size))
    return series


def write_json(summary: dict, target: str) -> None:
    line = json.dumps({"timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **summary}, ensure_ascii=False)
    if target == "-":
        print(line)
    else:
        with open(target, "a", encoding="utf-8") as f:
            f.write(line + "\n")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        print(json.dumps(WORKERS[args.worker](args.worker_corpus)))
        return 0
    summary = run_benchmark(args)
    if args.json:
        write_json(summary, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
