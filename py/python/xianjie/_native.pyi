"""The compiled core (Rust). Use the functions of ``xianjie`` instead."""

from typing import Any, Dict, List, Optional, Sequence, final


__all__ = [
    "__version__",
    "Columns",
    "Dataset",
    "builtin_ids",
    "check",
    "explain",
    "packs",
    "sample_load",
    "sample_names",
]

__version__: str

@final
class Dataset:
    """A dataset read and validated by the core."""

    @staticmethod
    def from_json_str(text: str) -> Dataset: ...
    @staticmethod
    def read_path(path: str) -> Dataset: ...
    @staticmethod
    def from_py(data: Any) -> Dataset: ...
    def to_json_pretty(self) -> str: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def reporting_year(self) -> Optional[int]: ...

@final
class Columns:
    """One collection given as columns: names and one sequence per column."""

    def __new__(cls, names: Sequence[str], columns: Sequence[Any]) -> Columns: ...
    def __len__(self) -> int: ...

def check(
    dataset: Dataset, packs: Sequence[str], params: Dict[str, str], lang: str
) -> str: ...
def sample_names() -> List[str]: ...
def sample_load(name: str) -> Optional[Dataset]: ...
def builtin_ids() -> List[str]: ...
def packs(packs: Sequence[str]) -> str: ...
def explain(rule_id: str, lang: str) -> Optional[str]: ...
