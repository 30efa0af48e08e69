""":mod:`claimx.fastner`: the base model's entity recogniser, decoded in arrays.

spaCy's entity recogniser is a greedy transition system (BILUO moves). Its
decoding loop, in compiled code, asks every state at every step whether each
of its 74 moves is valid, one function call each, and scores the states of a
batch with one small matrix product per step: on news text that loop takes
three times as long as the recogniser's network (3.4 s of 4.5 s of CPU on 150
articles). Yet the scores of a state with no entity open depend only on the
token at the front of its buffer (its features are that token and two
padding vectors), so the scores of every such state of a document are one
matrix product, and its best valid move one ``argmax`` over the tokens; only
the tokens inside an entity (a small share of the text) need a state of
their own (the entity's first token is a feature), scored a few at a time.

:func:`speed_up_ner` gives the pipeline an :class:`ArrayEntityRecognizer`:
the same component (same model, same moves, same serialisation) whose
``predict`` and ``set_annotations`` do that. The sums are the loop's own, in
the same order (each token's precomputed feature vectors added to zero, then
the bias, in float32; the hidden-to-output product through the same BLIS
routine, whose rows do not depend on how many are computed together; the
same ``argmax`` ties: the first valid move of the highest score), so the
entities are those of the loop, token for token. Anything the arrays do not
cover falls back to the loop: documents with preset entities, a beam, a model
of another shape, unseen classes.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from thinc.api import set_dropout_rate

logger = logging.getLogger(__name__)

#: Open-entity states scored together: an entity's next tokens, ahead of knowing where it ends.
_WINDOW = 8


class _Plan:
    """The moves of a BILUO transition system as arrays of column numbers."""

    def __init__(self, names: list[str], strings: Any) -> None:
        self.out = -1
        self.begins: list[int] = []
        self.units: list[int] = []
        # label -> (I column, L column); label hashes by B/U column
        inside: dict[str, int] = {}
        last: dict[str, int] = {}
        self.label_of: dict[int, int] = {}
        label_names: dict[int, str] = {}
        for column, name in enumerate(names):
            if name == "O":
                self.out = column
                continue
            move, _, label = name.partition("-")
            if not label or move not in ("B", "I", "L", "U"):
                continue  # a move with no label (U-) is valid only on a preset blocked token
            if move == "B":
                self.begins.append(column)
            elif move == "U":
                self.units.append(column)
            elif move == "I":
                inside[label] = column
            else:
                last[label] = column
            label_names[column] = label
        # every B and U column: its label's hash, and for B the I and L columns of that label
        self.spans: dict[int, tuple[int, int, int]] = {}
        for column in self.begins:
            label = label_names[column]
            self.spans[column] = (strings.add(label), inside.get(label, -1), last.get(label, -1))
        for column in self.units:
            self.spans[column] = (strings.add(label_names[column]), -1, -1)
        self.complete = self.out >= 0 and all(
            inside.get(label_names[c], -1) >= 0 and last.get(label_names[c], -1) >= 0 for c in self.begins
        )


class ArrayEntityRecognizer(EntityRecognizer):
    """spaCy's ``EntityRecognizer`` with its greedy decoding done over arrays (same entities)."""

    def _array_plan(self) -> _Plan | None:
        plan = getattr(self, "_plan_cache", None)
        if plan is not None:
            return plan if plan.complete else None
        plan = _Plan([self.moves.get_class_name(i) for i in range(self.moves.n_moves)], self.vocab.strings)
        self._plan_cache = plan
        return plan if plan.complete else None

    def _layers(self) -> tuple[Any, Any, Any] | None:
        model = self.model
        if self.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
            return None
        if len(model.layers) != 3:
            return None
        tok2vec, lower, upper = model.layers
        if lower.get_dim("nF") != 3 or upper.get_dim("nO") != self.moves.n_moves:
            return None
        return tok2vec, lower, upper

    def predict(self, docs: Any) -> Any:
        if isinstance(docs, Doc):
            docs = [docs]
        layers = self._layers()
        plan = self._array_plan() if layers is not None else None
        if plan is None or not any(len(doc) for doc in docs):
            return super().predict(docs)
        columns = [doc.to_array([ENT_IOB, IS_SPACE, SENT_START]) if len(doc) else None for doc in docs]
        if any(c is not None and c[:, 0].any() for c in columns):
            return super().predict(docs)  # preset entities: the loop's own rules for them
        set_dropout_rate(self.model, 0.0)
        tok2vec, lower, upper = layers
        tokvecs = tok2vec.predict(docs)
        cached = lower.predict(tokvecs)
        decoded = _Decoder(plan, cached, lower, upper).decode(docs, columns)
        if decoded is None:
            return super().predict(docs)
        return _Decoded(decoded)

    def set_annotations(self, docs: Any, states_or_beams: Any) -> None:
        if not isinstance(states_or_beams, _Decoded):
            super().set_annotations(docs, states_or_beams)
            return
        for doc, ents in zip(docs, states_or_beams.ents, strict=True):
            # as BiluoPushDown.set_annotations: the entities, every other token O
            doc.set_ents([Span(doc, start, end, label=label) for start, end, label in ents], default="outside")
            for hook in self.postprocesses:
                hook(doc)


class _Decoded:
    """The entities found per document, ``(start, end, label hash)``, in place of parse states."""

    def __init__(self, ents: list[list[tuple[int, int, int]]]) -> None:
        self.ents = ents


class _Decoder:
    """One batch's greedy decoding, as ``spacy.ml.parser_model.predict_states`` scores states."""

    def __init__(self, plan: _Plan, cached: Any, lower: Any, upper: Any) -> None:
        from blis.py import gemm  # the routine the loop's ``sgemm`` calls

        self.gemm = gemm
        self.plan = plan
        n_f, n_o, n_p = lower.get_dim("nF"), lower.get_dim("nO"), lower.get_dim("nP") if lower.has_dim("nP") else 1
        self.n_o, self.n_p = n_o, n_p
        # row 0 is the padding, row 1 + t the token t of the batch
        self.cached = numpy.ascontiguousarray(cached).reshape((cached.shape[0], n_f, n_o * n_p))
        self.bias = numpy.ascontiguousarray(lower.get_param("b"), dtype="f").reshape((n_o * n_p,))
        self.weights = numpy.ascontiguousarray(upper.get_param("W"), dtype="f")
        self.out_bias = numpy.ascontiguousarray(upper.get_param("b"), dtype="f")

    def _scores(self, first: Any, second: Any, third: Any) -> Any:
        """Scores of states whose three feature vectors are given (rows), summed as the loop sums them."""
        unmaxed = numpy.zeros(first.shape, dtype="f")
        unmaxed += first
        unmaxed += second
        unmaxed += third
        unmaxed += self.bias
        pieces = unmaxed.reshape((unmaxed.shape[0], self.n_o, self.n_p))
        if self.n_p == 1:
            hidden = pieces[:, :, 0]
        elif self.n_p == 2:
            hidden = numpy.where(pieces[:, :, 0] > pieces[:, :, 1], pieces[:, :, 0], pieces[:, :, 1])
        else:
            hidden = pieces[:, :, 0]
            for p in range(1, self.n_p):
                hidden = numpy.where(pieces[:, :, p] > hidden, pieces[:, :, p], hidden)
        scores = self.gemm(numpy.ascontiguousarray(hidden, dtype="f"), self.weights, trans2=True, beta=0.0)
        scores += self.out_bias
        return scores

    def decode(self, docs: list[Doc], columns: list[Any]) -> list[list[tuple[int, int, int]]] | None:
        plan, cached = self.plan, self.cached
        total = cached.shape[0] - 1
        if total != sum(len(doc) for doc in docs):
            return None
        if not total:
            return [[] for _ in docs]
        # the states with no entity open: features (token, none, none)
        closed = self._scores(cached[1:, 0], cached[0, 1], cached[0, 2])
        if numpy.isnan(closed).any():
            return None
        space = numpy.zeros(total, dtype=bool)
        begin_ok = numpy.zeros(total, dtype=bool)
        next_start = numpy.zeros(total, dtype=bool)
        offset = 0
        for doc, array in zip(docs, columns, strict=True):
            n = len(doc)
            if n:
                is_space = array[:, 1].astype(bool)
                nxt = numpy.zeros(n, dtype=bool)
                nxt[:-1] = array[1:, 2] == 1
                space[offset : offset + n] = is_space
                next_start[offset : offset + n] = nxt
                ok = ~is_space & ~nxt
                ok[-1] = False  # the last token cannot begin an entity of several
                begin_ok[offset : offset + n] = ok
            offset += n
        valid = numpy.zeros(closed.shape, dtype=bool)
        valid[:, plan.out] = True
        valid[:, plan.units] = ~space[:, None]
        valid[:, plan.begins] = begin_ok[:, None]
        choice = numpy.where(valid, closed, -numpy.inf).argmax(axis=1)
        found: list[list[tuple[int, int, int]]] = []
        offset = 0
        for doc in docs:
            n = len(doc)
            ents: list[tuple[int, int, int]] = []
            local = choice[offset : offset + n]
            position = 0
            for i in numpy.flatnonzero(local != plan.out).tolist():
                if i < position:
                    continue  # inside the entity just found
                label, inside, last = plan.spans[int(local[i])]
                if inside < 0:  # U
                    ents.append((i, i + 1, label))
                    position = i + 1
                    continue
                end = self._close(offset, n, i, inside, last, next_start)
                ents.append((i, end, label))
                position = end
            found.append(ents)
            offset += n
        return found

    def _close(self, offset: int, n: int, start: int, inside: int, last: int, next_start: Any) -> int:
        """The end of the entity begun at ``start`` (doc positions): I while it wins, then L."""
        cached = self.cached
        j = start + 1
        while True:
            stop = min(j + _WINDOW, n)
            rows = numpy.arange(offset + j, offset + stop)
            scores = self._scores(cached[rows + 1, 0], cached[offset + start + 1, 1], cached[rows, 2])
            for k in range(stop - j):
                t = j + k
                # I needs a next token in the same sentence; L is always valid here
                if t >= n - 1 or next_start[offset + t]:
                    return t + 1
                s_in, s_last = scores[k, inside], scores[k, last]
                if (s_last > s_in) if inside < last else not (s_in > s_last):
                    return t + 1
            j = stop


def speed_up_ner(nlp: Any, name: str = "ner") -> bool:
    """Put an :class:`ArrayEntityRecognizer` in place of the pipeline's entity recogniser (same model and moves).

    RETURNS (bool): whether there was a spaCy ``EntityRecognizer`` to replace.
    """
    if name not in nlp.pipe_names:
        return False
    ner = nlp.get_pipe(name)
    if type(ner) is not EntityRecognizer:
        return False
    cfg = ner.cfg
    fast = ArrayEntityRecognizer(
        ner.vocab,
        ner.model,
        ner.name,
        ner.moves,
        update_with_oracle_cut_size=cfg["update_with_oracle_cut_size"],
        beam_width=cfg["beam_width"],
        beam_density=cfg["beam_density"],
        beam_update_prob=cfg["beam_update_prob"],
        incorrect_spans_key=cfg["incorrect_spans_key"],
        scorer=ner.scorer,
    )
    fast.cfg = cfg
    fast._multitasks = ner._multitasks
    fast._rehearsal_model = ner._rehearsal_model
    components = nlp._components
    for index, (pipe_name, _) in enumerate(components):
        if pipe_name == name:
            components[index] = (pipe_name, fast)
    return True
