"""The compiled extractor core: built from the current source, same answers as the source, never stale.

``setup.py`` compiles ``frontline/extract/core.py`` with Cython (static types in ``core.pxd``); the
package loads the compiled module only when its recorded digest matches the source on disk.
"""
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frontline.extract as fx
from frontline.adversarial import adversarial_text
from frontline.extract import _build, evaluate

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "frontline"
SOURCE = _build.source_module()


def _answers(module, text):
    return [(f.number, f.start, f.end, f.kinds, f.target) for f in module.find_all(text)]


def test_package_runs_the_core_compiled_from_the_current_source():
    # `make test` / `make reproduce` build it (setup.py); a missing or stale build fails here, loudly
    assert _build.build_status() == "current", "run `make` (or `pip install -e .`) to compile the extractor"
    assert Path(fx.core.__file__).suffix == ".so"
    assert fx.core.find_all is fx.find_all
    assert Path(SOURCE.__file__).name == "core.py"


def _corpus():
    records = evaluate.load_labelled(ROOT / "tests" / "data" / "labelled_ads.jsonl")
    texts = [r.get(k) or "" for r in records for k in ("title", "body", "url")]
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_extract
        texts += [r["body"] for r in bench_extract.padded_ads(records, 1000)]
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    texts += [adversarial_text(5_000, seed=s) for s in range(6)]
    rng = random.Random(11)
    atoms = list("0123456789 -.()/+*!lIoOsSbB$%#:\n") + ["one", "two", "for", "to", "oh", "seven", "twenty", "dash",
                                                       "①", "２", "3\ufe0f\u20e3", "é", "20s", "id ", "ca ", "yo", "*82"]
    texts += ["".join(rng.choice(atoms) for _ in range(rng.randint(1, 80))) for _ in range(3_000)]
    return [t for t in texts if t]


def test_compiled_core_gives_the_answers_of_its_source():
    texts = _corpus()
    differ = [t for t in texts if _answers(fx.core, t) != _answers(SOURCE, t)]
    assert len(texts) > 3_500
    assert sum(1 for t in texts if _answers(fx.core, t)) > 400  # numbers were found, not only empty answers
    assert differ == []


_ATOMS = st.sampled_from(list("0123456789") * 4 + list(" -.()/+*!~_|:\n$%") +
                         ["one", "two", "three", "oh", "for", "to", "won", "ate", "l", "I", "O", "S", "B", "zer0",
                          "twenty", "hundred", "dash", "dot", "yo", "lbs", "am", "st", "id", "\u2460", "\uff12",
                          "\U0001d7d0", "\u20e3", "\U0001f525", "\u00b2"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ATOMS, max_size=60).map("".join))
def test_compiled_core_matches_its_source_on_hostile_text(text):
    assert _answers(fx.core, text) == _answers(SOURCE, text)


def _copy_package(dest: Path) -> Path:
    shutil.copytree(PKG, dest / "frontline", ignore=shutil.ignore_patterns("__pycache__", "*.c"))
    return dest / "frontline" / "extract"


def test_build_status_follows_the_source(tmp_path):
    ext = _copy_package(tmp_path)
    assert _build.build_status(ext) == "current"
    (ext / "core.pxd").write_text((ext / "core.pxd").read_text() + "\n# a changed declaration\n")
    assert _build.build_status(ext) == "stale"
    for p in ext.glob("core.*.so"):
        p.unlink()
    assert _build.build_status(ext) == "absent"


def test_stale_build_runs_the_source_with_a_warning(tmp_path):
    ext = _copy_package(tmp_path)
    (ext / "core.py").write_text((ext / "core.py").read_text() + "\n# edited after the build\n")
    probe = ("import json, warnings\n"
             "with warnings.catch_warnings(record=True) as w:\n"
             "    warnings.simplefilter('always')\n"
             "    import frontline.extract as fx\n"
             "print(json.dumps({'file': fx.core.__file__, 'warnings': [str(x.message) for x in w],"
             " 'found': [f.number for f in fx.find_numbers('call 213 555 0147')]}))\n")
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["file"] == str(ext / "core.py")
    assert any("built from another version" in w for w in out["warnings"])
    assert out["found"] == ["+12135550147"]
