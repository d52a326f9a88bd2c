# Thin wrapper over CMake presets. `make run` and `make test` set up what is missing first.
PRESET   ?= dev
BUILD    := build/$(PRESET)
WERROR   := $(if $(CI),ON,OFF)
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
CTEST_ARGS ?=

.PHONY: run test bench deps configure build clean

deps:
	@packaging/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) -DOVERSEER_WERROR=$(WERROR) >/dev/null

build: configure
	@cmake --build $(BUILD) --parallel $(JOBS)

run: build
	$(BUILD)/app/overseer --simulate black-friday

# PostgreSQL-backed tests need a server: pg_virtualenv starts a throwaway cluster for the run
# and exports PGHOST/PGPORT/PGUSER/PGPASSWORD, which the tests (through libpq) pick up.
test: build
	cd $(BUILD) && QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} \
	  pg_virtualenv -t -o 'max_connections=200' \
	  ctest --output-on-failure --parallel $(JOBS) $(CTEST_ARGS)

# Benchmarks run on an optimised build, beside the peer and bare-SQL baselines, on one throwaway
# PostgreSQL server; they print figures and ratios (docs/performance.md explains them).
bench: deps
	@cmake --preset bench -DOVERSEER_WERROR=OFF >/dev/null
	@cmake --build build/bench --parallel $(JOBS)
	pg_virtualenv -t -o 'max_connections=200' tests/bench/run-bench.sh build/bench

clean:
	rm -rf build
