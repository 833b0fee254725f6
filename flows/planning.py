"""Decide what a run must do: which inputs are new, changed, unchanged or duplicates.

What is "unchanged" is decided from what the destination already holds (source_uri and doc_id of
``documents`` and ``rejects``), never from a side database that could drift from the data.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from flows.parquet_io import read_columns
from flows.sources import list_sources, read_page, source_root, source_uri
from transforms.models import Reject, doc_id_for

RETRY_REASON = "internal_error"
_RETRY = "retry"  # never equal to a doc_id, so the input counts as changed and its old row goes


@dataclass(frozen=True, slots=True)
class WorkItem:
    path: str
    uri: str
    doc_id: str | None


class Batch:
    """The work items of one task, passed as one object.

    Not a list or a dataclass on purpose: Prefect walks into those looking for futures (seconds
    per run on 20,000 inputs) and Dask unpacks tuples; both pass this through whole.
    """

    __slots__ = ("items",)

    def __init__(self, items: list[WorkItem]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)


@dataclass(slots=True)
class Plan:
    root: str
    batches: list[Batch] = field(default_factory=list)
    early_rejects: list[tuple[Reject, str | None]] = field(default_factory=list)
    replaced_uris: set[str] = field(default_factory=set)
    counts: Counter = field(default_factory=Counter)


@dataclass(slots=True)
class DestinationState:
    doc_id_by_uri: dict[str, str | None]
    uri_by_doc_id: dict[str, str]

    @classmethod
    def read(cls, destination: str) -> DestinationState:
        docs = read_columns(destination, "documents", ["source_uri", "doc_id"]).to_pydict()
        rejects = read_columns(destination, "rejects", ["source_uri", "doc_id", "reason"]).to_pydict()
        # An input rejected for an internal error is tried again by the next run.
        retried = [r != RETRY_REASON for r in rejects["reason"]]
        by_uri = {
            u: d for u, d, keep in zip(rejects["source_uri"], rejects["doc_id"], retried, strict=True) if keep
        }
        by_uri.update((u, _RETRY) for u, keep in zip(rejects["source_uri"], retried, strict=True) if not keep)
        by_uri.update(zip(docs["source_uri"], docs["doc_id"], strict=True))
        return cls(by_uri, dict(zip(docs["doc_id"], docs["source_uri"], strict=True)))


def plan_run(source: str, destination: str, batch_size: int, max_bytes: int, full_refresh: bool) -> Plan:
    state = DestinationState({}, {}) if full_refresh else DestinationState.read(destination)
    plan = Plan(root=source_root(source))
    items = list(_classify(source, plan, state, max_bytes))
    plan.batches = [Batch(chunk) for chunk in even_chunks(items, batch_size)]
    return plan


def even_chunks(items: list[WorkItem], most: int) -> list[list[WorkItem]]:
    """As few chunks as hold at most ``most`` items each, of sizes within one of each other, so
    the last task is not a small straggler or a big one that keeps a core busy alone.

    >>> [len(c) for c in even_chunks(list(range(1200)), 1000)]
    [600, 600]
    """
    count = -(-len(items) // most)
    return [items[i * len(items) // count : (i + 1) * len(items) // count] for i in range(count)]


def _classify(source: str, plan: Plan, state: DestinationState, max_bytes: int) -> Iterator[WorkItem]:
    first_uri_of: dict[str, str] = {}
    for location in list_sources(source):
        plan.counts["seen"] += 1
        uri = source_uri(location)
        raw = read_page(location, plan.root, max_bytes)
        doc_id = None if isinstance(raw, Reject) else doc_id_for(raw)
        if uri in state.doc_id_by_uri and state.doc_id_by_uri[uri] == doc_id:
            plan.counts["unchanged"] += 1
            continue
        status = "changed" if uri in state.doc_id_by_uri else "new"
        plan.counts[status] += 1
        if status == "changed":
            plan.replaced_uris.add(uri)
        if isinstance(raw, Reject):
            plan.early_rejects.append((raw, None))
            continue
        first = first_uri_of.get(doc_id) or _stored_elsewhere(state, doc_id, uri)
        if first:
            plan.early_rejects.append((Reject(uri, "duplicate", f"same bytes as {first}"), doc_id))
            continue
        first_uri_of[doc_id] = uri
        yield WorkItem(location, uri, doc_id)


def _stored_elsewhere(state: DestinationState, doc_id: str, uri: str) -> str | None:
    stored = state.uri_by_doc_id.get(doc_id)
    return stored if stored and stored != uri else None


def batch_key(items: list[WorkItem] | list[tuple[Reject, str | None]]) -> str:
    """A name derived from the batch's content, so a retried batch replaces its own files."""
    digest = hashlib.sha256()
    for item in items:
        digest.update(repr(item).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:24]
