"""Exceptions. Every error carries its details as data (like pydantic's ``ValidationError``)."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any, Callable, Dict, List, Optional, Tuple, TypedDict, Union

from ._decode import decode
from ._types import InputErrorKind, InputIssue, PackErrorDetails

Loc = Tuple[Union[str, int], ...]


class ErrorDetails(TypedDict):
    """One of ``InputError.errors()``: every key of the core's issue (``_types.InputIssue``;
    ``loc`` as a tuple, like pydantic's, its text in ``path``), ``msg`` in the check's language and
    ``input``, the offending value when the data came from Python objects (else ``None``).
    A test checks that every key of the core's issue is here."""

    loc: Loc
    path: str
    type: InputErrorKind
    msg: str
    input: Any
    msg_zh: str
    msg_en: str
    line: Optional[int]
    column: Optional[int]


_LOC_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def loc_tuple(path: str) -> Loc:
    """``"schools[0].colour"`` → ``("schools", 0, "colour")``."""
    return tuple(
        int(index) if index else name for name, index in _LOC_PART.findall(path)
    )


class XianjieError(Exception):
    """Base class of every error raised by xianjie."""


class InputError(XianjieError, ValueError):
    """The data could not be read: every problem is listed, located, in ``errors()``."""

    def __init__(
        self,
        message: str,
        issues: List[InputIssue],
        source_name: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.source_name = source_name
        self.lang = "zh"
        self._issues = issues
        self._lookup: Optional[Callable[[Loc], Any]] = None

    @classmethod
    def _from_core(cls, message: str, issues_json: str, source_name: Optional[str]) -> InputError:
        """From the core's issues as JSON (the binding serializes them; no field is copied)."""
        issues = [decode(InputIssue, i) for i in json.loads(issues_json)]
        return cls(message, issues, source_name)

    def errors(self) -> List[ErrorDetails]:
        """One dict per problem (see :class:`ErrorDetails`): ``loc`` (tuple, as pydantic),
        ``path`` (the core's string), ``type``, ``msg`` (in the check's language), ``input`` (the
        offending value when the data came from Python objects, else ``None``), ``msg_zh``,
        ``msg_en``, ``line``, ``column``."""
        out = []
        for issue in self._issues:
            loc = loc_tuple(issue["loc"])
            value = None
            if self._lookup is not None:
                try:
                    value = self._lookup(loc)
                except (KeyError, IndexError, TypeError, AttributeError):
                    value = None
            details: Dict[str, Any] = dict(issue)
            details.update(
                loc=loc,
                path=issue["loc"],
                msg=issue["msg_en"] if self.lang == "en" else issue["msg_zh"],
                input=value,
            )
            out.append(details)
        result: List[ErrorDetails] = out  # type: ignore[assignment]
        return result

    def error_count(self) -> int:
        """Number of problems."""
        return len(self._issues)


class PackError(XianjieError, ValueError):
    """A pack id, pack file or parameter could not be used. ``details`` is the core's error
    (``PackErrorDetails``, generated from its schema); its fields are attributes of the exception
    too (``origin``, ``loc``, ``message``, ``line``, ``column``, ``msg_zh``, ``msg_en``), and so
    are the kind of error, ``type`` (e.g. ``unknown_pack``), and that kind's typed fields (e.g.
    ``id``, ``known``)."""

    def __init__(
        self, text: str, details: PackErrorDetails, kind: Optional[Dict[str, Any]] = None
    ) -> None:
        super().__init__(text)
        self.details = details
        #: The kind of error and its typed fields, as the core serializes them.
        self.kind: Dict[str, Any] = kind or {}

    @classmethod
    def _from_core(cls, text: str, details_json: str) -> PackError:
        """From the core's error as JSON (the binding serializes it; no field is copied)."""
        data = json.loads(details_json)
        place = {f.name for f in dataclasses.fields(PackErrorDetails)}
        kind = {k: v for k, v in data.items() if k not in place}
        return cls(text, decode(PackErrorDetails, data), kind)

    def __getattr__(self, name: str) -> Any:
        # Only reached for names the exception itself lacks: the core's fields.
        details = self.__dict__.get("details")
        if details is not None and not name.startswith("_") and hasattr(details, name):
            return getattr(details, name)
        kind = self.__dict__.get("kind") or {}
        if name in kind:
            return kind[name]
        raise AttributeError(name)
