"""Atomic Parquet writes and reads of what a destination already holds.

A batch writes one file per table under the same ``part-<key>.parquet`` name. ``documents`` is
written last: it is the batch's commit marker, and parts of other tables without it are leftovers
of a killed run, removed by :func:`remove_stale_files`.

Readers never see a partial file. On a local disk a part is written under a hidden temporary name
(leading ``.``, no ``.parquet`` suffix, so pyarrow, duckdb and polars never pick it up), synced,
then renamed. On an object store a rename is a copy, not atomic; but an object only becomes
visible when its upload completes, so parts are spooled to a local temporary file and uploaded
to their final key once complete.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from flows.storage import filesystem, is_local, join
from schemas import TABLES

COMMIT_TABLE = "documents"
WRITE_ORDER = ("sections", "removed", "rejects", COMMIT_TABLE)
TEMP_PREFIX = ".tmp-"
COMPRESSION = "zstd"


def part_name(batch_key: str) -> str:
    return f"part-{batch_key}.parquet"


class PartsWriter:
    """Stream one batch's rows into its parts, one row group per :meth:`write`; commit on exit.

    Rows go to temporary files as they come, so memory holds one chunk, not the whole batch.
    Leaving the ``with`` block normally publishes the parts in ``WRITE_ORDER`` (commit marker
    last); an exception removes the temporary files and publishes nothing.
    """

    def __init__(self, destination: str, batch_key: str, tables: tuple[str, ...] = WRITE_ORDER) -> None:
        self.destination, self.batch_key = destination, batch_key
        self.local = is_local(destination)
        self.spool = None if self.local else tempfile.TemporaryDirectory(prefix="docclean-")
        self.temps = {name: self._temp_path(name) for name in tables}
        self.writers = {
            name: pq.ParquetWriter(temp, TABLES[name], compression=COMPRESSION)
            for name, temp in self.temps.items()
        }

    def write(self, tables: dict[str, pa.Table]) -> None:
        for name, table in tables.items():
            if table.num_rows:
                self.writers[name].write_table(table.cast(TABLES[name]))

    def __enter__(self) -> PartsWriter:
        return self

    def __exit__(self, error_type: type | None, *_: object) -> None:
        try:
            for writer in self.writers.values():
                writer.close()
            if error_type is None:
                for name in WRITE_ORDER:
                    if name in self.temps:
                        self._publish(name)
        finally:
            for path in self.temps.values():
                path.unlink(missing_ok=True)
            if self.spool:
                self.spool.cleanup()

    def _temp_path(self, table_name: str) -> Path:
        if self.spool:
            return Path(self.spool.name) / table_name
        folder = Path(filesystem(self.destination)[1]) / table_name
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{TEMP_PREFIX}{self.batch_key}-{uuid.uuid4().hex}"

    def _publish(self, table_name: str) -> None:
        fs, root = filesystem(self.destination)
        final = join(root, table_name, part_name(self.batch_key))
        temp = self.temps[table_name]
        if self.local:
            with open(temp, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(temp, final)
        else:  # an object appears only when its upload completes
            fs.put_file(str(temp), final)


def write_part(destination: str, table_name: str, table: pa.Table, batch_key: str) -> None:
    """Write one table's part so that it appears complete or not at all."""
    with PartsWriter(destination, batch_key, (table_name,)) as writer:
        writer.write({table_name: table})


def list_parts(destination: str, table_name: str) -> list[str]:
    fs, root = filesystem(destination)
    fs.invalidate_cache(join(root, table_name))  # another process may have written since
    return sorted(fs.glob(join(root, table_name, "part-*.parquet")))


def _list_all(destination: str, table_name: str) -> list[str]:
    fs, root = filesystem(destination)
    folder = join(root, table_name)
    return sorted(fs.ls(folder, detail=False)) if fs.exists(folder) else []


def remove_stale_files(destination: str) -> int:
    """Remove temporary files and uncommitted parts that a killed run left behind."""
    fs, _ = filesystem(destination)
    committed = {p.rsplit("/", 1)[-1] for p in list_parts(destination, COMMIT_TABLE)}
    stale = [
        path
        for name in TABLES
        for path in _list_all(destination, name)
        if _is_stale(path.rsplit("/", 1)[-1], name, committed)
    ]
    for path in stale:
        fs.rm(path)
    return len(stale)


def _is_stale(file_name: str, table_name: str, committed: set[str]) -> bool:
    if file_name.startswith(TEMP_PREFIX):
        return True
    return table_name != COMMIT_TABLE and file_name.startswith("part-") and file_name not in committed


def read_columns(destination: str, table_name: str, columns: list[str]) -> pa.Table:
    """Read a few columns of a table, or an empty table when there is none yet."""
    parts = list_parts(destination, table_name)
    schema = TABLES[table_name]
    if not parts:
        return schema.empty_table().select(columns)
    fs, _ = filesystem(destination)
    return ds.dataset(parts, schema=schema, format="parquet", filesystem=fs).to_table(columns=columns)


def drop_rows(destination: str, uris: set[str]) -> int:
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
        dropped += _rewrite_without(destination, name, column, values)
    return dropped


def _rewrite_without(destination: str, table_name: str, column: str, values: set[str]) -> int:
    fs, _ = filesystem(destination)
    dropped = 0
    for part in list_parts(destination, table_name):
        with fs.open(part, "rb") as handle:
            table = pq.read_table(handle, schema=TABLES[table_name])
        keep = pa.array([v not in values for v in table.column(column).to_pylist()], pa.bool_())
        kept = table.filter(keep)
        if kept.num_rows != table.num_rows:
            dropped += table.num_rows - kept.num_rows
            key = part.rsplit("/", 1)[-1].removeprefix("part-").removesuffix(".parquet")
            write_part(destination, table_name, kept, key)
    return dropped


def clear_tables(destination: str) -> None:
    """Remove every part of every table (a full refresh), commit marker last."""
    fs, _ = filesystem(destination)
    for name in reversed(WRITE_ORDER):
        for part in list_parts(destination, name):
            fs.rm(part)
