# The two commands in the README are the contract: `make site` and `make test`.
# Everything else a fresh Debian machine needs is installed from here.

PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: bench site test test-fast serve venv clean offline browser pdfdeps

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PY) >/dev/null 2>&1 || { echo "error: $(PY) not found; install Python 3.11+ (or run: make PY=python3)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

## make site: set up .venv, generate the briefings from seeds/, build site/
site: $(STAMP) pdfdeps
	$(BIN)/briefgen build
	$(BIN)/briefgen check

## make offline: the site zipped for file:// (no server, search works) in dist/briefings-offline.zip
offline: $(STAMP) pdfdeps
	$(BIN)/briefgen build --offline

# The browser tests drive Debian's Chromium (Playwright's own browser download is not used).
browser:
	@test -x /usr/bin/chromium || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# The PDF step (WeasyPrint: Pango, HarfBuzz; DejaVu fonts it embeds) and the PDF tests
# (poppler-utils: pdftotext, pdffonts, pdftoppm) need these Debian packages.
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core fonts-dejavu-extra poppler-utils
pdfdeps:
	@missing=; for p in $(PDF_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages for the PDFs:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; fi

## make test: every test (browser tests included; skip them with make test-fast)
test: $(STAMP) browser pdfdeps
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m 'not browser'

## make serve: live preview at http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/briefgen serve

## make bench: scale benchmark (N = 1, 10, 100, 1000 articles); writes BENCHMARKS.md. Not part of make test.
BENCH_ARGS ?= --n 1,10,100,1000 --pdf-max 100
bench: $(STAMP) pdfdeps
	$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)

clean:
	rm -rf site dist .pytest_cache
