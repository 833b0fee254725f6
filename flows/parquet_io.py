"""Atomic Parquet writes and reads of what a destination already holds.

A batch writes one file per table under the same ``part-<key>.parquet`` name. Files are written
under a hidden temporary name (leading ``.``, no ``.parquet`` suffix, so pyarrow, duckdb and
polars never pick them up) and renamed into place when complete. ``documents`` is written last:
it is the batch's commit marker, and parts of other tables without it are leftovers of a killed
run, removed by :func:`remove_uncommitted_parts`.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from schemas import TABLES

COMMIT_TABLE = "documents"
WRITE_ORDER = ("sections", "removed", "rejects", COMMIT_TABLE)
TEMP_PREFIX = ".tmp-"
COMPRESSION = "zstd"


def part_name(batch_key: str) -> str:
    return f"part-{batch_key}.parquet"


def write_part(destination: Path, table_name: str, table: pa.Table, batch_key: str) -> Path:
    """Write one table's part atomically: temporary file, fsync, then rename."""
    folder = destination / table_name
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / part_name(batch_key)
    temp = folder / f"{TEMP_PREFIX}{batch_key}-{uuid.uuid4().hex}"
    pq.write_table(table.cast(TABLES[table_name]), temp, compression=COMPRESSION)
    with open(temp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, final)
    return final


def write_batch(destination: Path, tables: dict[str, pa.Table], batch_key: str) -> None:
    for name in WRITE_ORDER:
        write_part(destination, name, tables[name], batch_key)


def remove_stale_files(destination: Path) -> int:
    """Remove temporary files and uncommitted parts that a killed run left behind."""
    removed = 0
    committed = {p.name for p in (destination / COMMIT_TABLE).glob("part-*.parquet")}
    for name in TABLES:
        for path in (destination / name).glob("*"):
            stale = path.name.startswith(TEMP_PREFIX) or (
                name != COMMIT_TABLE and path.name.startswith("part-") and path.name not in committed
            )
            if stale:
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def read_columns(destination: Path, table_name: str, columns: list[str]) -> pa.Table:
    """Read a few columns of a table, or an empty table when there is none yet."""
    folder = destination / table_name
    schema = TABLES[table_name]
    if not any(folder.glob("part-*.parquet")):
        return schema.empty_table().select(columns)
    dataset = ds.dataset(folder, schema=schema, format="parquet", ignore_prefixes=[".", "_"])
    return dataset.to_table(columns=columns)


def drop_rows(destination: Path, uris: set[str]) -> int:
    """Remove every row of the given inputs (a changed page's old rows). Returns rows dropped."""
    if not uris:
        return 0
    docs = read_columns(destination, COMMIT_TABLE, ["source_uri", "doc_id"]).to_pydict()
    doc_ids = {d for u, d in zip(docs["source_uri"], docs["doc_id"], strict=True) if u in uris}
    dropped = 0
    for name, column, values in (
        ("sections", "doc_id", doc_ids),
        ("removed", "doc_id", doc_ids),
        ("rejects", "source_uri", uris),
        (COMMIT_TABLE, "source_uri", uris),  # last: the commit marker goes when the rest is gone
    ):
        dropped += _rewrite_without(destination / name, name, column, values)
    return dropped


def _rewrite_without(folder: Path, table_name: str, column: str, values: set[str]) -> int:
    dropped = 0
    for part in sorted(folder.glob("part-*.parquet")):
        table = pq.read_table(part, schema=TABLES[table_name])
        keep = pa.array([v not in values for v in table.column(column).to_pylist()], pa.bool_())
        kept = table.filter(keep)
        if kept.num_rows != table.num_rows:
            dropped += table.num_rows - kept.num_rows
            write_part(
                folder.parent, table_name, kept, part.name.removeprefix("part-").removesuffix(".parquet")
            )
    return dropped


def clear_tables(destination: Path) -> None:
    """Remove every part of every table (a full refresh), commit marker last."""
    for name in reversed(WRITE_ORDER):
        for part in (destination / name).glob("part-*.parquet"):
            part.unlink()
