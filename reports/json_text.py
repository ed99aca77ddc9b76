"""results.json's text, written in pieces: exactly what json.dumps(result.model_dump(mode="json"), indent=2,
ensure_ascii=False) writes, without building the whole tree of dicts or running json's pure-Python
indented encoder (issue 19). `reports.writers.write_results_json` writes the pieces to the file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring as _string  # C-accelerated, ensure_ascii=False
from typing import Any

from pydantic import BaseModel

from scoring.core.results import AuditResult, CheckResult

_Writer = Callable[[Any, int], Iterator[str]]  # writes a value in pieces, `level` deep


def _indented(value: Any, level: int) -> str:
    """json.dumps(value, ensure_ascii=False, indent=2) of a value nested `level` deep, its lines indented
    by the level: the same text, built by `_encode` (json's indented encoder is pure Python and a
    generator per container: results.json of a 1,500-page site spent seconds there, issue 19); a value
    of any other type goes through json.dumps itself (a string's newlines are escaped in JSON, so every
    raw newline is one of the layout's)."""
    out: list[str] = []
    try:
        _encode(value, "\n" + "  " * level, out)
    except _Unsupported:
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    return "".join(out)


class _Unsupported(Exception):
    """A value json.dumps writes through its `default` or refuses: left to json.dumps."""


def _float(value: float) -> str:
    """json's float text (allow_nan: NaN, Infinity, -Infinity)."""
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


_INFINITY = float("inf")


def _key(key: Any) -> str:
    """A dict key as json.dumps writes it (skipkeys off)."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    raise _Unsupported


def _encode(value: Any, newline: str, out: list[str]) -> None:
    """Append json.dumps(indent=2, ensure_ascii=False)'s text of `value` to `out`, `newline` being the
    line break and indentation of the value's own level (the type tests in json.encoder's order)."""
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        out.append("[")
        separator = inner
        for item in value:
            out.append(separator)
            separator = "," + inner
            _encode(item, inner, out)
        out.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        out.append("{")
        separator = inner
        for key, item in value.items():
            out.append(separator + _string(_key(key)) + ": ")
            separator = "," + inner
            _encode(item, inner, out)
        out.append(newline + "}")
    else:
        raise _Unsupported


def _list_chunks(
    items: Iterable[Any], level: int, nested: Callable[[Any, int], Iterator[str]] | None = None
) -> Iterator[str]:
    """A JSON list, item by item, laid out exactly as json.dumps(indent=2) lays it out `level` deep;
    `nested` writes each item in pieces in its turn (a model with a streamed field)."""
    inner = "\n" + "  " * (level + 1)
    first = True
    for item in items:
        yield "[" + inner if first else "," + inner
        if nested is not None:
            yield from nested(item, level + 1)
        else:
            yield _indented(item.model_dump(mode="json") if isinstance(item, BaseModel) else item, level + 1)
        first = False
    yield "[]" if first else "\n" + "  " * level + "]"


def _model_chunks(
    model: BaseModel, level: int, streamed: dict[str, Callable[[Any, int], Iterator[str]]]
) -> Iterator[str]:
    """A model as json.dumps(model.model_dump(mode="json"), indent=2) writes it `level` deep, with the
    `streamed` fields written piece by piece instead of dumped whole."""
    data = model.model_dump(mode="json", exclude=set(streamed))
    inner = "\n" + "  " * (level + 1)
    for i, name in enumerate(type(model).model_fields):
        yield ("{" if i == 0 else ",") + inner + json.dumps(name, ensure_ascii=False) + ": "
        if name in streamed:
            yield from streamed[name](getattr(model, name), level + 1)
        else:
            yield _indented(data[name], level + 1)
    yield "\n" + "  " * level + "}"


def results_json_chunks(result: AuditResult) -> Iterator[str]:
    """results.json in pieces: the same text as json.dumps(result.model_dump(mode="json"), indent=2)
    plus a newline, with each page outcome and page summary dumped on its own (issue 19: the whole
    result as one tree of dicts took ~1 KB an outcome, 16 outcomes a page)."""

    def check(one: CheckResult, level: int) -> Iterator[str]:
        return _model_chunks(one, level, {"pages": _list_chunks})

    def checks(results: list[CheckResult], level: int) -> Iterator[str]:
        return _list_chunks(results, level, check)

    yield from _model_chunks(result, 0, {"checks": checks, "pages": _list_chunks})
    yield "\n"
