"""Build step of the package: the extractor's core compiled with Cython.

``src/frontline/extract/core.py`` stays plain Python, the reference that runs anywhere; the static types
in ``core.pxd`` beside it let Cython compile the same source to a C extension, which also runs the
character loops written for it (measured about five times faster on the benchmark's ads, identical
results). The digest of the two files is written to ``core.digest`` so that
``frontline.extract`` uses the compiled module only when it was built from the current source.
"""

import sys
from pathlib import Path

from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

sys.path.insert(0, str(Path(__file__).parent / "src" / "frontline" / "extract"))
from _build import source_digest  # noqa: E402  (stdlib-only module: no package import at build time)

HERE = Path(__file__).parent / "src" / "frontline" / "extract"


class BuildExt(build_ext):
    """Compile, then record the digest of the sources beside the compiled module."""

    def run(self):
        super().run()
        for ext in self.extensions:
            Path(self.get_ext_fullpath(ext.name)).with_name("core.digest").write_text(source_digest(HERE) + "\n")


setup(
    ext_modules=cythonize(
        [Extension("frontline.extract.core", ["src/frontline/extract/core.py"], extra_compile_args=["-O2"])],
        compiler_directives={"language_level": 3, "annotation_typing": False},
    ),
    cmdclass={"build_ext": BuildExt},
    package_data={"frontline.extract": ["core.pxd"]},
)
