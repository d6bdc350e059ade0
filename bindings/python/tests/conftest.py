"""Shared fixtures: where the C tests' golden vectors and the shared
sample data are (make check exports IPL_VECTORS_DIR, IPL_SHARED_DATA)."""

import csv
import os

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.environ.get("IPL_SRCDIR", os.path.join(HERE, "..", "..", ".."))


@pytest.fixture(scope="session")
def vectors():
    """The path of a file under tests/vectors."""
    root = os.environ.get("IPL_VECTORS_DIR", os.path.join(SRCDIR, "tests", "vectors"))
    return lambda *parts: os.path.join(root, *parts)


@pytest.fixture(scope="session")
def shared_data():
    root = os.environ.get("IPL_SHARED_DATA", "")
    if not root or not os.path.isdir(root):
        pytest.fail("IPL_SHARED_DATA does not name the shared data directory")
    return lambda *parts: os.path.join(root, *parts)


@pytest.fixture(scope="session")
def srcdir():
    return SRCDIR


def read_csv(path, delimiter=","):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=delimiter))
