# Two commands do all the setup on a fresh machine:
#   make run    creates .venv, installs digestbot, starts the bot (needs TELEGRAM_BOT_TOKEN)
#   make test   creates .venv, installs digestbot with its test tools, runs the suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test install install-test evaluate bench clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

run: install
	$(BIN)/digestbot run

test: install-test
	$(BIN)/python -m pytest -q

evaluate: install-test
	$(BIN)/python -m bench.evaluate

bench: install-test
	$(BIN)/python -m bench.speed

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache

# The bot's message catalogues (handlers/locale): after changing a sentence the bot says, run
# `make messages`, translate the new or fuzzy entries in each .po, then `make messages` again.
messages: install-test
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --width 120 --project digestbot \
		--copyright-holder "digestbot" -o handlers/locale/digestbot.pot .
	$(BIN)/pybabel update -i handlers/locale/digestbot.pot -d handlers/locale -D digestbot \
		--ignore-obsolete --width 120
	$(BIN)/pybabel compile -d handlers/locale -D digestbot --statistics
