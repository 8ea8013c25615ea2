"""Which extractor core to load: the Cython-compiled module or its Python source.

``core.py`` is compiled by ``setup.py`` with the static types of ``core.pxd``; the build records the
SHA-256 of both files in ``core.digest``. The compiled module is used only when that digest matches the
files on disk, so an edited ``core.py`` is never shadowed by a stale build: until the package is rebuilt
(``make``, or ``pip install -e .``) the source runs, with a warning. Standard library only: ``setup.py``
imports this file before the package exists.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import sys
import warnings
from pathlib import Path

SOURCES = ("core.py", "core.pxd")
HERE = Path(__file__).resolve().parent
NAME = "frontline.extract.core"


def source_digest(folder: Path = HERE) -> str:
    """SHA-256 over the extractor's source and its type declarations."""
    h = hashlib.sha256()
    for name in SOURCES:
        h.update(name.encode() + b"\0" + (Path(folder) / name).read_bytes() + b"\0")
    return h.hexdigest()


def compiled_path(folder: Path = HERE) -> Path | None:
    """The compiled core beside the source, if one was built for this Python."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        p = Path(folder) / f"core{suffix}"
        if p.exists():
            return p
    return None


def build_status(folder: Path = HERE) -> str:
    """'current' (compiled from the files on disk), 'stale' (built from other files) or 'absent'."""
    if compiled_path(folder) is None:
        return "absent"
    digest = Path(folder) / "core.digest"
    if digest.exists() and digest.read_text().strip() == source_digest(folder):
        return "current"
    return "stale"


def _load(name: str, path: Path):
    """Import the module at ``path`` (source or compiled: the file's suffix picks the loader) as ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def load_core():
    """Import ``frontline.extract.core``: compiled when the build is current, else from its source."""
    if NAME in sys.modules:
        return sys.modules[NAME]
    status = build_status()
    if status == "current":
        return _load(NAME, compiled_path())
    if status == "stale":
        warnings.warn(f"{compiled_path()} was built from another version of core.py/core.pxd: running the "
                      "Python source instead (rebuild with `make` or `pip install -e .`)", RuntimeWarning,
                      stacklevel=2)
    return _load(NAME, HERE / "core.py")


def source_module(name: str = "frontline.extract._core_source"):
    """A fresh import of ``core.py`` as plain Python under another name: the reference the compiled
    module is checked against."""
    return sys.modules.get(name) or _load(name, HERE / "core.py")
