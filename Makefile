# newsrecon: `make demo` sets everything up and analyses examples/; `make test` runs the suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out

.PHONY: install demo test lint typecheck imports unit bench lock system clean

$(STAMP): requirements.lock requirements-nodeps.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade 'pip>=24'
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-nodeps.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

## demo: analyse examples/ and write the dossier in HTML, JSON and Markdown
demo: install
	@mkdir -p $(OUT)
	$(BIN)/newsrecon analyze examples/ -o $(OUT)/dossier.html -o $(OUT)/dossier.json -o $(OUT)/dossier.md
	@echo "dossier written to $(OUT)/dossier.html ($(OUT)/dossier.json, $(OUT)/dossier.md)"

## test: lint, type-check, layer contracts, then the whole test suite
test: install system lint typecheck imports unit

system:
	@bash scripts/system-deps.sh chromium postgresql $$(command -v java >/dev/null || echo openjdk-17-jre-headless)

lint: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: install
	$(BIN)/mypy

imports: install
	$(BIN)/lint-imports

unit: install
	$(BIN)/pytest -q

## bench: ingest throughput and peak memory (figures quoted in README.md)
bench: install
	$(PY) scripts/bench.py
	$(PY) scripts/bench_reuse.py
	$(PY) scripts/bench_quotes.py
	$(PY) scripts/bench_spark.py
	$(PY) scripts/bench_stories.py
	$(PY) scripts/bench_store.py

## lock: re-resolve pinned, hashed dependencies (needs the registry)
lock:
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --extra dev --extra spark --extra web --extra postgres \
	  --output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) $(OUT) .mypy_cache .ruff_cache .pytest_cache
