"""Methods of the generated report types (``_types``) beyond their fields: each class here is a
base of the generated class of the same name (``py/tests/generated.rs`` reads the names), so it
holds behaviour only, never a field (fields come from the core's schema)."""

from __future__ import annotations

from typing import TYPE_CHECKING, List

if TYPE_CHECKING:
    from ._types import Location


class Text:
    """Text in both languages, Chinese first."""

    if TYPE_CHECKING:
        zh: str
        en: str

    def get(self, lang: str = "zh") -> str:
        """The text in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.en if lang == "en" else self.zh


class Subject:
    """Who a finding is about."""

    if TYPE_CHECKING:
        zh: str
        en: str

    def get(self, lang: str = "zh") -> str:
        """The description in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.en if lang == "en" else self.zh


class Finding:
    """One rule's verdict on one record."""

    if TYPE_CHECKING:
        locations: List[Location]

    @property
    def path(self) -> str:
        """The first location's path (empty when the finding concerns the whole dataset)."""
        return self.locations[0].path if self.locations else ""
