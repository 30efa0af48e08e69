""":mod:`claimx.claims.component`: what every claimx component does with its rule pack.

Modelled on spaCy's ``SpanRuler``: a component's rules are data, loaded in
:meth:`RulePackComponent.initialize` from a rule-pack directory (its
``rules_dir`` setting, else :func:`claimx.rules.default_rules_dir`), and
saved with the pipeline by :meth:`~RulePackComponent.to_disk`, so that
``nlp.to_disk(path)`` then ``spacy.load(path)`` is self-contained: each
component's folder holds the pack files it reads, and
:meth:`~RulePackComponent.from_disk` loads them from there.

A component built by its factory (``nlp.add_pipe``, ``spacy.load``) reads
nothing until it is initialised, loaded from disk or bytes, or first called: a
component of a saved pipeline never touches the pack it was built from. One
built directly (``CueTagger(nlp)``) reads its pack at once.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

import srsly
from spacy.util import ensure_path

from ..rules import default_rules_dir


class RulePackComponent:
    """Mix-in: load the rule-pack files :attr:`pack_files` in ``initialize``, save and restore them.

    A subclass calls :meth:`_setup_pack` in its ``__init__`` and implements
    :meth:`load_rules`, which builds its tables from a pack directory.
    """

    #: the files of the pack this component reads (a missing optional one is skipped)
    pack_files: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # A component called before its pack was read (added with nlp.add_pipe
        # and used at once) reads it first.
        super().__init_subclass__(**kwargs)
        call = cls.__dict__.get("__call__")
        if call is None:
            return

        @functools.wraps(call)
        def __call__(self: RulePackComponent, doc: Any) -> Any:
            if self._pack_texts is None:
                self.initialize()
            return call(self, doc)

        cls.__call__ = __call__  # type: ignore[method-assign]

    def _setup_pack(self, nlp: Any, rules_dir: str | Path | None, *, load: bool) -> None:
        """Remember the settings; read the pack now when ``load``, else on first need.

        nlp (Language | None): the pipeline, for components that tokenize patterns.
        rules_dir (str | Path | None): the configured pack; None for the default.
        """
        self.rules_dir = Path(rules_dir) if rules_dir else None
        #: the directory the rules were read from (None before, or when read from bytes)
        self.pack_dir: Path | None = None
        self._pack_nlp = nlp
        self._pack_texts: dict[str, str] | None = None
        if load:
            self.initialize(nlp=nlp)

    def load_rules(self, path: Path, nlp: Any) -> None:  # pragma: no cover - every component overrides it
        """Build the component's tables from the pack at ``path``."""
        raise NotImplementedError

    @property
    def is_loaded(self) -> bool:
        """RETURNS (bool): whether the rules are read."""
        return self._pack_texts is not None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Any = None,
        rules_dir: str | Path | None = None,
    ) -> None:
        """Read the rule pack (spaCy calls this from ``nlp.initialize``).

        rules_dir (str | Path | None): the pack; None for the component's
            ``rules_dir`` setting, else the default pack.
        """
        path = Path(rules_dir) if rules_dir else (self.rules_dir or default_rules_dir())
        self._read(path, nlp)
        self.pack_dir = path

    def _read(self, path: Path, nlp: Any = None) -> None:
        texts = {name: (path / name).read_text(encoding="utf-8") for name in self.pack_files if (path / name).is_file()}
        self.load_rules(path, nlp if nlp is not None else self._pack_nlp)
        self._pack_texts = texts
        self._pack_nlp = None  # no reference to the pipeline is kept once the rules are built

    # -- serialisation: the pack files travel with the pipeline ---------------

    def _texts(self) -> dict[str, str]:
        if self._pack_texts is None:
            self.initialize()
        assert self._pack_texts is not None
        return self._pack_texts

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the pack files this component read into the folder ``path``."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, text in self._texts().items():
            (path / name).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RulePackComponent:
        """Read the rules from a folder written by :meth:`to_disk`."""
        path = ensure_path(path)
        self._read(path)
        self.pack_dir = path
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """RETURNS (bytes): the pack files this component read."""
        return srsly.msgpack_dumps(self._texts())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RulePackComponent:
        """Read the rules from :meth:`to_bytes` output."""
        texts: dict[str, str] = srsly.msgpack_loads(data)
        with tempfile.TemporaryDirectory() as tmp:
            for name, text in texts.items():
                (Path(tmp) / name).write_text(text, encoding="utf-8")
            self._read(Path(tmp))
        self.pack_dir = None
        return self
