from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def failing() -> dict:
    """One semester with 1 meeting where 2 are required (FINDINGS.md's first example)."""
    return {
        "reporting_year": 2024,
        "semester_activities": [
            {
                "project": "P0007",
                "semester": "2023-2024-1",
                "meetings": 1,
                "joint_research": 3,
                "teachers_dispatched": 5,
            }
        ],
    }
