"""Write environment.yml from requirements.lock: the direct dependencies of pyproject.toml, pinned to
the locked versions, from conda-forge/bioconda where conda has them, else under pip.

Run by `make lock` after the lock is refreshed; tests/test_environment.py checks the three agree.
"""
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
#: Packages that conda-forge or bioconda do not carry under the same name: installed by pip.
PIP_ONLY = {"nanpa-lookup", "pypandoc-binary", "typst"}


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main() -> int:
    lock = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line)
        if m:
            lock[norm(m.group(1))] = m.group(2)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"]) + [r for extra in project["optional-dependencies"].values() for r in extra]
    names = list(dict.fromkeys(norm(Requirement(r).name) for r in reqs))
    lines = [
        "# Conda environment with the same pinned versions as requirements.lock (written by tools/environment_yml.py,",
        "# checked by tests/test_environment.py).",
        "# Create with: conda env create -f environment.yml && conda activate frontline && pip install --no-deps -e .",
        "name: frontline",
        "channels:",
        "  - conda-forge",
        "  - bioconda",
        "  - nodefaults",
        "dependencies:",
        "  - python=3.11",
        "  - pip",
    ]
    lines += [f"  - {n}={lock[n]}" for n in names if n not in PIP_ONLY]
    lines += ["  - pip:"] + [f"      - {n}=={lock[n]}" for n in names if n in PIP_ONLY]
    (ROOT / "environment.yml").write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
