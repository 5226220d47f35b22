"""Builds the generated types (``_types``) from the core's JSON values, driven by their annotations
(which are the core's JSON Schema, rendered): no per-field parsing anywhere. A dataclass is built
from its fields, a ``TypedDict`` gets every key (``None`` for one the core left out), a list or
dict is built item by item, ``Exact`` text becomes a ``Decimal`` when it is one, and a union of
classes tagged by a constant field (``code``, ``kind``) picks the class by that field."""

from __future__ import annotations

import dataclasses
import sys
import threading
from decimal import Decimal, InvalidOperation
from typing import (
    Any,
    Callable,
    Dict,
    List,
    Literal,
    Optional,
    Type,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from . import _types

T = TypeVar("T")

Decoder = Callable[[Any], Any]

_decoders: Dict[Any, Decoder] = {}
_building: Dict[Any, Decoder] = {}
_lock = threading.RLock()
_fields: Dict[Any, List[tuple]] = {}


def decode(tp: Type[T], value: Any) -> T:
    """``value`` (parsed JSON from the core) as the generated type ``tp``."""
    result: T = _decoder(tp)(value)
    return result


def fields_of(cls: Any, value: Dict[str, Any]) -> Dict[str, Any]:
    """The constructor arguments of the generated dataclass ``cls`` for ``value`` (for a
    hand-written subclass that builds itself)."""
    built = _decoder(cls)(value)
    return {f.name: getattr(built, f.name) for f in _init_fields(cls)}


def _field_decoders(cls: Any) -> List[tuple]:
    found = _fields.get(cls)
    if found is None:
        hints = _hints(cls)
        found = [(f.name, _decoder(hints[f.name])) for f in _init_fields(cls)]
        _fields[cls] = found
    return found


def _same(v: Any) -> Any:
    return v


def _exact(s: Any) -> Any:
    """An exact number from the core's text: a ``Decimal`` when it is one, else the text."""
    if not isinstance(s, str):
        return s
    try:
        return Decimal(s)
    except InvalidOperation:
        return s


def _decimal(v: Any) -> Decimal:
    """A decimal the core wrote as text (or, where its schema allows, as a JSON number: read
    through its digits, never through a float's value)."""
    return Decimal(v if isinstance(v, str) else str(v))


def _hints(cls: Any) -> Dict[str, Any]:
    module = sys.modules.get(cls.__module__)
    return get_type_hints(cls, vars(module) if module else None)


def _is_typeddict(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, dict) and hasattr(tp, "__total__")


def _tag(cls: Any) -> Optional[tuple]:
    """The field a class of a tagged union is fixed by, and its value (``("code", "late")``)."""
    json_names = {f.name: f.metadata.get("json", f.name) for f in dataclasses.fields(cls)}
    for name, hint in _hints(cls).items():
        if get_origin(hint) is Literal and len(get_args(hint)) == 1:
            # The core's name of the field (``is`` for the Python field ``is_``).
            return json_names.get(name, name), get_args(hint)[0]
    return None


def _decoder(tp: Any) -> Decoder:
    found = _decoders.get(tp)
    if found is not None:
        return found
    # Built by one thread at a time (reports are decoded from several threads, the GIL released
    # while the core checks); `_decoders` only ever holds finished decoders.
    with _lock:
        found = _decoders.get(tp) or _building.get(tp)
        if found is not None:
            return found
        # A type that contains itself (a tree) finds this stand-in while it is being built.
        built: List[Decoder] = []
        _building[tp] = lambda v: built[0](v)
        try:
            found = _build(tp)
        finally:
            del _building[tp]
        built.append(found)
        _decoders[tp] = found
    return found


def _build(tp: Any) -> Decoder:
    if tp is Any or tp in (str, int, bool, type(None)):
        return _same
    if tp == _types.Exact:
        return _exact
    if tp is Decimal:
        return _decimal
    origin = get_origin(tp)
    args = get_args(tp)
    if origin is Literal:
        return _same
    if origin in (list, List):
        item = _decoder(args[0])
        if item is _same:
            return list
        return lambda v: [item(x) for x in v]
    if origin in (dict, Dict):
        item = _decoder(args[1])
        if item is _same:
            return dict
        return lambda v: {k: item(x) for k, x in v.items()}
    if origin is Union and all(get_origin(a) is Literal for a in args):
        # An enum of the core, spelled Union[Literal["a"], Literal["b"]].
        return _same
    if origin is Union:
        return _union(args)
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp)
    if _is_typeddict(tp):
        return _typeddict(tp)
    raise TypeError(f"xianjie: no decoder for {tp!r} (regenerate _types.py)")


def _union(args: tuple) -> Decoder:
    others = [a for a in args if a is not type(None)]
    if len(others) < len(args):
        # Optional[X]: None, or an X.
        inner = _decoder(others[0] if len(others) == 1 else Union[tuple(others)])
        return lambda v: None if v is None else inner(v)
    if all(a in (bool, int, Decimal, str) for a in others):
        # An untagged union of plain values (a flag, an exact number or text): told apart by
        # the JSON type; exact numbers arrive as text and stay text, numbers become Decimal.
        def plain(v: Any) -> Any:
            if isinstance(v, (int, float)) and not isinstance(v, bool) and Decimal in others:
                return Decimal(str(v))
            return v

        return plain
    if all(dataclasses.is_dataclass(a) for a in others):
        tags = {_tag(a): _decoder(a) for a in others}
        names = {t[0] for t in tags if t is not None}
        if len(names) == 1 and None not in tags:
            (field,) = names
            by_value = {t[1]: d for t, d in tags.items() if t is not None}

            def tagged(v: Any) -> Any:
                return by_value[v[field]](v)

            return tagged
    raise TypeError(f"xianjie: no decoder for Union{list(others)!r} (regenerate _types.py)")


def _dataclass(cls: Any) -> Decoder:
    # One constructor call per class, written out as dataclasses writes ``__init__``: a report
    # can hold a hundred thousand findings, and a loop over the fields per finding costs a third
    # more than this.
    env: Dict[str, Any] = {"cls": cls}
    args = []
    for i, (f, (name, d)) in enumerate(zip(_init_fields(cls), _field_decoders(cls))):
        # The core's name: a Python keyword (``in``) is the field ``in_``.
        key = repr(f.metadata.get("json", name))
        expr = f"v[{key}]" if d is _same else f"d{i}(v[{key}])"
        env[f"d{i}"] = d
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            args.append(f"{name}={expr}")
        else:
            env[f"f{i}"] = f.default_factory
            default = f"f{i}()" if f.default is dataclasses.MISSING else f"f{i}"
            if f.default is not dataclasses.MISSING:
                env[f"f{i}"] = f.default
            args.append(f"{name}=({expr} if {key} in v else {default})")
    source = f"def build(v):\n    return cls({', '.join(args)})\n"
    exec(source, env)  # noqa: S102 - names are the generated fields, checked identifiers
    build: Decoder = env["build"]
    return build


def _init_fields(cls: Any) -> List[Any]:
    return [f for f in dataclasses.fields(cls) if f.init]


def _typeddict(cls: Any) -> Decoder:
    fields = [(name, _decoder(hint)) for name, hint in _hints(cls).items()]

    def build(v: Dict[str, Any]) -> Any:
        return {name: d(v.get(name)) for name, d in fields}

    return build
