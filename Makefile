# The few targets a newcomer needs. `make demo` and `make test` set everything up themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test services evaluate benchmark model gazetteer clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install pantau with its development tools

demo: $(STAMP)  ## the main job: ingest the bundled sample articles into the store, print a summary
	$(BIN)/pantau demo

services:  ## start the services the tests need (PostgreSQL on 127.0.0.1:5432)
	scripts/services.sh

test: $(STAMP) services  ## the whole test suite: lint, types, tests, quality gates
	$(BIN)/ruff check pantau tests
	$(BIN)/ruff format --check pantau tests
	$(BIN)/mypy
	$(BIN)/pytest

evaluate: $(STAMP)  ## print the quality scores on the gold corpora
	$(BIN)/pantau evaluate

benchmark: $(STAMP)  ## throughput and memory of every stage
	$(BIN)/pantau benchmark

model: $(STAMP)  ## rebuild the shipped entity model from ../shared (about a minute)
	$(BIN)/python -m pantau.ner.train --shared ../shared

gazetteer: $(STAMP)  ## compile and cache the gazetteer ahead of first use
	$(BIN)/python -m pantau.gazetteer build

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
