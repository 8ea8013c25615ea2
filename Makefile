# frontline: two commands do everything on a fresh machine.
#   make reproduce   set up .venv from the lock file, then run the whole workflow (results/ and the paper)
#   make test        set up .venv from the lock file, then run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.frontline-installed
CORES  ?= all

.PHONY: reproduce test lab lint report lock clean help

help:
	@echo "make reproduce  - install pinned dependencies and run the workflow end to end"
	@echo "make test       - install pinned dependencies and run the test suite"
	@echo "make lab        - open the teaching notebooks in JupyterLab"
	@echo "make report     - build the Snakemake report (results/report.html)"
	@echo "make lock       - refresh requirements.lock from pyproject.toml (needs network to PyPI)"

# the extractor's core is compiled at install (setup.py): rebuilt when its source or types change; then
# phonenumbers' verdict on every area code and exchange is written beside it (exchange_verdicts.bin)
$(STAMP): requirements.lock pyproject.toml setup.py src/frontline/extract/core.py src/frontline/extract/core.pxd \
          src/frontline/extract/exchanges.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -m frontline.extract.exchanges
	touch $(STAMP)

reproduce: $(STAMP)
	$(BIN)/snakemake --cores $(CORES)

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

report: $(STAMP)
	$(BIN)/snakemake --cores $(CORES) --report results/report.html

lint: $(STAMP)
	$(BIN)/snakemake --lint

lock:
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --extra notebooks \
	  --python-version 3.11 --python-platform x86_64-unknown-linux-gnu -o requirements.lock
	$(BIN)/python tools/environment_yml.py
	$(BIN)/python tools/environment_yml.py

clean:
	rm -rf results logs benchmarks/out .snakemake
	rm -rf build src/frontline/extract/core.c src/frontline/extract/core.digest src/frontline/extract/core.*.so $(STAMP)
	rm -f src/frontline/extract/exchange_verdicts.bin
