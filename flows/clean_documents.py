"""The ``clean-documents`` flow: list inputs, clean them in batches, write Parquet.

Orchestration and I/O only; all cleaning happens in :mod:`transforms`.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from prefect import flow, get_client, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from flows.locking import DEFAULT_LOCK_TIMEOUT, destination_lock
from flows.parquet_io import PartsWriter, clear_tables, drop_rows, remove_stale_files
from flows.planning import Batch, Plan, WorkItem, batch_key, plan_run
from flows.records import batch_tables
from flows.sources import read_page
from transforms import CleanOptions, Document, Reject, clean_page
from transforms.models import doc_id_for
from transforms.pipeline import DEFAULT_MAX_BYTES

# Measured on 20,000 pages (benchmarks/README.md): fewer, larger tasks cost less Prefect
# bookkeeping; memory does not grow with it (batches stream to Parquet in row groups).
DEFAULT_BATCH_SIZE = 1000
# Pages cleaned and written per row group: what a worker holds in memory at once.
PAGES_PER_ROW_GROUP = 50


@cache  # read once per process: every row group of every batch records it
def pipeline_version() -> str:
    try:
        return version("docclean")
    except PackageNotFoundError:
        return "0+unknown"


@task(name="plan-inputs", retries=2, retry_delay_seconds=1)
def plan_inputs(source: str, destination: str, batch_size: int, max_bytes: int, full_refresh: bool) -> Plan:
    stale = remove_stale_files(destination)
    if stale:
        get_run_logger().info("removed %d stale temporary or uncommitted files", stale)
    return plan_run(source, destination, batch_size, max_bytes, full_refresh)


@task(name="replace-old-rows", retries=2, retry_delay_seconds=1)
def replace_old_rows(destination: str, uris: set[str], full_refresh: bool) -> int:
    if full_refresh:
        clear_tables(destination)
        return 0
    return drop_rows(destination, uris)


@task(name="clean-batch", retries=2, retry_delay_seconds=2)
def clean_batch(batch: Batch, root: str, destination: str, options: CleanOptions) -> dict:
    """Read, clean and write one batch of pages, a row group at a time; return its counts."""
    items, counts = batch.items, _Counts()
    with PartsWriter(destination, batch_key(items)) as writer:
        for start in range(0, len(items), PAGES_PER_ROW_GROUP):
            docs, rejects = _clean_items(items[start : start + PAGES_PER_ROW_GROUP], root, options)
            writer.write(_tables(docs, rejects))
            counts.add(docs, rejects)
    return counts.as_dict()


def _clean_items(
    items: list[WorkItem], root: str, options: CleanOptions
) -> tuple[list[Document], list[tuple[Reject, str | None]]]:
    docs: list[Document] = []
    rejects: list[tuple[Reject, str | None]] = []
    for item in items:
        raw = read_page(item.path, root, options.max_bytes)
        result = raw if isinstance(raw, Reject) else clean_page(raw, item.uri, options)
        if isinstance(result, Document):
            docs.append(result)
        else:
            rejects.append((result, None if isinstance(raw, Reject) else doc_id_for(raw)))
    return docs, rejects


@task(name="write-rejects", retries=2, retry_delay_seconds=1)
def write_rejects(destination: str, rejects: list[tuple[Reject, str | None]]) -> dict:
    return _write(destination, [], rejects, batch_key(rejects))


@task(name="reject-failed-batch", retries=2, retry_delay_seconds=1)
def reject_failed_batch(destination: str, items: list[WorkItem], error: str) -> dict:
    rejects = [(Reject(i.uri, "internal_error", error[:1000]), i.doc_id) for i in items]
    return _write(destination, [], rejects, batch_key(items))


def _write(
    destination: str, docs: list[Document], rejects: list[tuple[Reject, str | None]], key: str
) -> dict:
    with PartsWriter(destination, key) as writer:
        writer.write(_tables(docs, rejects))
    counts = _Counts()
    counts.add(docs, rejects)
    return counts.as_dict()


def _tables(docs: list[Document], rejects: list[tuple[Reject, str | None]]) -> dict:
    return batch_tables(docs, rejects, datetime.now(UTC), pipeline_version())


@dataclass(slots=True)
class _Counts:
    documents: int = 0
    rejects: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)

    def add(self, docs: list[Document], rejects: list[tuple[Reject, str | None]]) -> None:
        self.documents += len(docs)
        self.rejects.update(r.reason for r, _ in rejects)
        self.removed.update(r.kind for d in docs for r in d.removed)

    def as_dict(self) -> dict:
        return {"documents": self.documents, "rejects": dict(self.rejects), "removed": dict(self.removed)}


@flow(name="clean-documents", log_prints=False)
def clean_documents(
    source: str,
    destination: str,
    convert: str = "t2s",
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    full_refresh: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    workers: int | None = None,
    dask_address: str | None = None,
) -> dict:
    """Clean every page under ``source`` into Parquet tables under ``destination``.

    Batches run on ``workers`` processes (default: every core; 0: one thread in this process), or
    on the Dask cluster at ``dask_address``. One run at a time per destination: a second run
    waits up to ``lock_timeout`` seconds for the first, then fails with a message naming the holder.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    options = CleanOptions(convert=convert, max_bytes=max_bytes)
    with destination_lock(destination, timeout=lock_timeout):
        return _run(
            source, destination, options, batch_size, full_refresh, batch_runner(workers, dask_address)
        )


def batch_runner(workers: int | None = None, dask_address: str | None = None) -> TaskRunner:
    """Where batches run: an existing Dask cluster, ``workers`` processes, or one thread (0)."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers == 0:
        return ThreadPoolTaskRunner(max_workers=1)
    return ProcessPoolTaskRunner(max_workers=workers or os.cpu_count())


def _run(
    source: str,
    destination: str,
    options: CleanOptions,
    batch_size: int,
    full_refresh: bool,
    runner: TaskRunner,
) -> dict:
    started = time.monotonic()
    logger = get_run_logger()
    plan = plan_inputs(source, destination, batch_size, options.max_bytes, full_refresh)
    replace_old_rows(destination, quote(plan.replaced_uris), full_refresh)
    logger.info("%d inputs: %s; %d batches", plan.counts["seen"], dict(plan.counts), len(plan.batches))
    results = [write_rejects(destination, quote(plan.early_rejects))] if plan.early_rejects else []
    failed = 0
    with _api_shared_with_workers(), runner:
        futures = [
            runner.submit(clean_batch, _batch_parameters(b, plan, destination, options)) for b in plan.batches
        ]
        for batch, future in zip(plan.batches, futures, strict=True):
            try:
                results.append(future.result())
            except Exception as error:  # the batch failed after its retries: account for its inputs
                failed += 1
                logger.error("batch of %d inputs failed: %s", len(batch), error)
                results.append(
                    reject_failed_batch(destination, quote(batch.items), f"{type(error).__name__}: {error}")
                )
    summary = summarize(plan, results, time.monotonic() - started, failed)
    create_markdown_artifact(markdown=summary_markdown(summary), key="clean-documents-summary")
    logger.info("run summary: %s", summary)
    if failed:
        raise RuntimeError(f"{failed} batch(es) failed; their inputs are in rejects as internal_error")
    return summary


@contextmanager
def _api_shared_with_workers() -> Iterator[None]:
    """Point worker processes at this run's Prefect API.

    Without a configured ``PREFECT_API_URL`` the run uses Prefect's ephemeral server, and each
    process-pool worker would start one more of its own (about 200 MiB and seconds each).
    """
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    os.environ["PREFECT_API_URL"] = str(get_client().api_url)
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def _batch_parameters(batch: Batch, plan: Plan, destination: str, options: CleanOptions) -> dict:
    return {"batch": batch, "root": plan.root, "destination": destination, "options": options}


def summarize(plan: Plan, results: list[dict], seconds: float, failed_batches: int) -> dict:
    rejects: Counter = Counter()
    removed: Counter = Counter()
    for result in results:
        rejects.update(result["rejects"])
        removed.update(result["removed"])
    return {
        "inputs": plan.counts["seen"],
        "unchanged": plan.counts["unchanged"],
        "new": plan.counts["new"],
        "changed": plan.counts["changed"],
        "documents": sum(r["documents"] for r in results),
        "rejects": sum(rejects.values()),
        "rejects_by_reason": dict(rejects),
        "removed_by_kind": dict(removed),
        "failed_batches": failed_batches,
        "seconds": round(seconds, 2),
    }


def summary_markdown(summary: dict) -> str:
    rows = [
        f"| {k} | {summary[k]} |" for k in ("inputs", "unchanged", "new", "changed", "documents", "rejects")
    ]
    reasons = [f"| {k} | {v} |" for k, v in sorted(summary["rejects_by_reason"].items())] or ["| – | 0 |"]
    kinds = [f"| {k} | {v} |" for k, v in sorted(summary["removed_by_kind"].items())] or ["| – | 0 |"]
    return "\n".join(
        [
            "# docclean run",
            "",
            "| count | value |",
            "|---|---|",
            *rows,
            f"| duration (s) | {summary['seconds']} |",
            "",
            "## Rejects by reason",
            "",
            "| reason | inputs |",
            "|---|---|",
            *reasons,
            "",
            "## Removed pieces by kind",
            "",
            "| kind | pieces |",
            "|---|---|",
            *kinds,
        ]
    )
