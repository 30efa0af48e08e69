""":mod:`claimx.spill`: a list of pydantic records that keeps its head in memory and the rest on disk.

A first run of 100,000 articles makes about 200,000 status changes (one per
new group); held as objects they were the largest thing in the run's memory.
:class:`SpilledList` keeps the first :data:`HEAD` records as objects (what the
command line prints) and writes every record, as its JSON, to an unnamed
temporary file; iterating reads them back in order. It compares equal to a
list of the same records.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Generic, TypeVar, overload

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

#: records kept as objects
HEAD = 1000


class SpilledList(Sequence[M], Generic[M]):
    """An append-only sequence of ``model`` records, its tail on disk.

    model (type): the records' class (read back with ``model_validate_json``).
    head (int): how many records are kept as objects.
    """

    def __init__(self, model: type[M], items: Iterable[M] = (), *, head: int = HEAD) -> None:
        self.model = model
        self.head: list[M] = []
        self._limit = head
        self._file: IO[str] | None = None
        self._len = 0
        self.extend(items)

    def append(self, item: M) -> None:
        if self._len < self._limit:
            self.head.append(item)
        else:
            if self._file is None:
                self._file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115  # closed with the list
            self._file.seek(0, 2)
            self._file.write(item.model_dump_json())
            self._file.write("\n")
        self._len += 1

    def extend(self, items: Iterable[M]) -> None:
        for item in items:
            self.append(item)

    def __len__(self) -> int:
        return self._len

    def json_lines(self) -> Iterator[str]:
        """YIELDS (str): each record's ``model_dump_json()``, in order."""
        for item in self.head:
            yield item.model_dump_json()
        yield from self._tail_lines()

    def __iter__(self) -> Iterator[M]:
        yield from self.head
        for line in self._tail_lines():
            yield self.model.model_validate_json(line)

    def _tail_lines(self) -> Iterator[str]:
        """YIELDS (str): the JSON of each record kept on disk, in order."""
        if self._file is None:
            return
        self._file.flush()
        self._file.seek(0)
        for line in self._file:
            yield line.rstrip("\n")

    @overload
    def __getitem__(self, index: int) -> M: ...

    @overload
    def __getitem__(self, index: slice) -> list[M]: ...

    def __getitem__(self, index: int | slice) -> M | list[M]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._len)
            if step == 1 and stop <= len(self.head):
                return self.head[start:stop]
            return list(self)[index]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError("SpilledList index out of range")
        if index < len(self.head):
            return self.head[index]
        for at, item in enumerate(self):
            if at == index:
                return item
        raise IndexError("SpilledList index out of range")  # pragma: no cover

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SpilledList({self.model.__name__}, {self._len} records)"

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
