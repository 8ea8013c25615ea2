"""The run manifest: what went in, what came out, and with which software.

``results/manifest.json`` records the SHA-256 of every input (reference tables, raw ads given by the
user, the numbering database, the paper's sources, the workflow and library code) and of every output
under ``results/`` and the generated data folders, the configuration and its hash, the version of every
installed Python package and the numbering database's version. A smaller
``results/manifest_summary.json`` (configuration hash, key package versions, numbering database) is
written first, because the paper quotes it: the paper cannot quote a manifest that hashes the paper.

Order of the rules: ``summarise_environment`` → ``render_paper`` → ``write_manifest``.
Everything here is deterministic (sorted keys, relative paths, no dates), so two runs of the same
configuration with the same key and environment write byte-identical manifests.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Iterable

#: Packages the paper names in its reproducibility statement (all packages are in the manifest).
KEY_PACKAGES = ("frontline", "snakemake", "pandas", "pyarrow", "numpy", "scipy", "statsmodels", "matplotlib",
                "phonenumbers", "nanpa-lookup", "pypandoc-binary", "typst")

#: The hash used throughout (named in the paper from the summary, never typed).
HASH_ALGORITHM = "SHA-256"

#: Name of the manifest file itself (never hashed into itself).
MANIFEST_NAME = "manifest.json"


def sha256_file(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes, hex."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def canonical_json(obj) -> str:
    """The JSON text hashed for the configuration: sorted keys, no whitespace, UTF-8."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def config_hash(config: dict) -> str:
    """SHA-256 of the configuration's canonical JSON (independent of YAML formatting and key order)."""
    return hashlib.sha256(canonical_json(config).encode("utf-8")).hexdigest()


def package_versions(names: Iterable[str] | None = None) -> dict[str, str]:
    """Installed distributions and their versions, by lower-case name (``names`` limits the list)."""
    installed: dict[str, str] = {}
    for dist in metadata.distributions():
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if name and name not in installed:
            installed[name] = dist.version
    if names is None:
        return dict(sorted(installed.items()))
    return {n: installed.get(n.lower(), "not installed") for n in names}


def file_entry(path: str | os.PathLike) -> dict:
    path = Path(path)
    return {"sha256": sha256_file(path), "bytes": path.stat().st_size}


def hash_files(paths: Iterable[str | os.PathLike], relative_to: str | os.PathLike = ".") -> dict[str, dict]:
    """``{relative path: {sha256, bytes}}`` for existing files, sorted by path (POSIX separators).

    A folder (a user's folder of ad files) stands for every non-hidden file below it."""
    base = Path(relative_to).resolve()
    out = {}
    expanded: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            expanded += sorted(f for f in p.rglob("*")
                               if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            expanded.append(p)
    for p in expanded:
        try:
            key = p.resolve().relative_to(base).as_posix()
        except ValueError:
            key = p.as_posix()
        out[key] = file_entry(p)
    return dict(sorted(out.items()))


def scan(folders: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()) -> list[Path]:
    """Every regular file under ``folders``, except hidden files (temporary files of interrupted writes)
    and the paths in ``exclude``."""
    skip = {Path(e).resolve() for e in exclude}
    files = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for p in sorted(folder.rglob("*")):
            rel = p.relative_to(folder)
            if p.is_file() and not any(part.startswith(".") for part in rel.parts) and p.resolve() not in skip:
                files.append(p)
    return files


def library_code() -> dict[str, dict]:
    """Hashes of the installed ``frontline`` package's source files (``frontline/…``): its Python modules
    and the Cython type declarations the extractor's core is compiled with."""
    pkg = Path(__file__).resolve().parent
    files = sorted([*pkg.rglob("*.py"), *pkg.rglob("*.pxd")])
    return {f"frontline/{p.relative_to(pkg).as_posix()}": file_entry(p) for p in files}


def numbering_database(path: str | os.PathLike, version: dict) -> dict:
    """The numbering database's version (from :func:`frontline.numbering.database_version`) and hash."""
    return {**version, "sha256": sha256_file(path)}


def summary(config: dict, database: dict) -> dict:
    """What the paper quotes: configuration hash, Python and key package versions, numbering database."""
    return {
        "hash_algorithm": HASH_ALGORITHM,
        "config_sha256": config_hash(config),
        "python": platform.python_version(),
        "packages": package_versions(KEY_PACKAGES),
        "numbering_database": database,
        "manifest": f"results/{MANIFEST_NAME}",
    }


def build(config: dict, inputs: dict[str, dict], outputs: dict[str, dict], database: dict,
          code: dict[str, dict] | None = None) -> dict:
    """The manifest document (see the module docstring)."""
    return {
        "hash_algorithm": HASH_ALGORITHM,
        "config": config,
        "config_sha256": config_hash(config),
        "inputs": inputs,
        "code": code if code is not None else library_code(),
        "outputs": outputs,
        "numbering_database": database,
        "python": platform.python_version(),
        "packages": package_versions(),
    }


def verify(manifest: dict, root: str | os.PathLike = ".") -> list[str]:
    """Paths (inputs and outputs under ``root``) whose current bytes no longer match the manifest."""
    root = Path(root)
    changed = []
    for section in ("inputs", "outputs"):
        for rel, entry in manifest[section].items():
            p = root / rel
            if not p.is_file() or sha256_file(p) != entry["sha256"]:
                changed.append(rel)
    return changed
