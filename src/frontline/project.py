"""The workflow as a unit that can be copied: for scratch runs by the tests, benchmarks and notebooks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: What a workflow run needs from the repository (the frontline package itself is installed).
WORKFLOW_FILES = ("Snakefile", "environment.yml", "workflow", "config", "data/reference", "paper",
                  "tests/data/labelled_ads.jsonl")  # the hand-labelled ads both extractors are scored on


def copy_workflow(root: str | os.PathLike, dest: str | os.PathLike) -> Path:
    """Copy the workflow files of the repository at ``root`` into ``dest``, a fresh working directory."""
    root, dest = Path(root), Path(dest)
    for item in WORKFLOW_FILES:
        src = root / item
        if src.is_dir():
            shutil.copytree(src, dest / item, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (dest / item).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / item)
    return dest
