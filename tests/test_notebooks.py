"""The teaching notebooks: paired with jupytext, outputs stripped, and they all run."""
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import ROOT, TEST_KEY

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py"))


def test_there_are_five_numbered_notebooks():
    assert [p.name[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("script", NOTEBOOKS, ids=lambda p: p.stem)
def test_pair_is_in_sync_and_stripped(script):
    ipynb = script.with_suffix(".ipynb")
    assert ipynb.exists(), f"{ipynb.name} missing: run `jupytext --sync {script.name}`"
    paired = nbformat.read(ipynb, as_version=4)
    text = jupytext.read(script)
    assert [(c.cell_type, c.source) for c in paired.cells] == [(c.cell_type, c.source) for c in text.cells], \
        f"{script.name} and {ipynb.name} differ: run `jupytext --sync {script.name}`"
    for cell in paired.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{ipynb.name} holds outputs"


@pytest.mark.parametrize("script", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(script, monkeypatch):
    monkeypatch.setenv("FRONTLINE_HMAC_KEY", TEST_KEY)
    nb = nbformat.read(script.with_suffix(".ipynb"), as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(script.parent)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
