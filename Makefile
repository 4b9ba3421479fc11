# The two commands in the README are the contract: `make site` and `make test`.
# Everything else a fresh Debian machine needs is installed from here.

PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: site test test-fast serve venv clean

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PY) >/dev/null 2>&1 || { echo "error: $(PY) not found; install Python 3.11+ (or run: make PY=python3)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

## make site: set up .venv, generate the briefings from seeds/, build site/
site: $(STAMP)
	$(BIN)/briefgen build

## make test: every test (browser tests included; skip them with make test-fast)
test: $(STAMP)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m 'not browser'

## make serve: live preview at http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/briefgen serve

clean:
	rm -rf site .pytest_cache
