# SPDX-License-Identifier: GPL-2.0-or-later

# Thin wrapper around CMake: builds, installs, runs the demo on the sample
# corpus and the tests, builds the Debian packages. See README.md.
# Only `make demo`, `make check` and `make deb` (and the benchmark and fuzz
# targets) install missing Debian packages (scripts/install-deps.sh);
# `make`, `make build` and `make install` never do.
BUILD_DIR ?= build/release
CHECK_DIR ?= build/check
FUZZ_DIR ?= build/fuzz
FUZZ_SECONDS ?= 600
DEMO_DB ?= .chimuc-demo/index
JOBS ?= $(shell nproc)

.PHONY: all deps build demo check torture fuzz-build fuzz bench-build bench bench-large install deb deb-test clean

all: build

deps:
	@./scripts/install-deps.sh

build:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
		$(if $(PREFIX),-DCMAKE_INSTALL_PREFIX=$(PREFIX))
	cmake --build $(BUILD_DIR) -j$(JOBS)

demo: deps
	$(MAKE) build
	./scripts/demo.sh $(BUILD_DIR) $(DEMO_DB)

check: deps
	cmake -S . -B $(CHECK_DIR) -DCMAKE_BUILD_TYPE=Debug -DCHIMUC_SANITIZE=ON -DCHIMUC_WERROR=ON
	cmake --build $(CHECK_DIR) -j$(JOBS)
	cd $(CHECK_DIR) && ctest --output-on-failure -j$(JOBS)
	@echo "The extractors on the samples and on the real set (tests/unit/test_acceptance.c):"
	@cd $(CHECK_DIR) && ctest -L acceptance -V 2>&1 | sed -n 's/^[0-9]*: \(acceptance .*\)/  \1/p'
	$(MAKE) build
	./scripts/check-example.sh $(BUILD_DIR)
	$(MAKE) fuzz-build
	cd $(FUZZ_DIR) && ctest --output-on-failure -j$(JOBS) -L fuzz

# The reliability tests at full size: many more kills than in `make check`
# (KILLS), 100,000 tiny files, every sampled failure point (CM_TORTURE=1).
torture: check
	cd $(CHECK_DIR) && CM_TORTURE=1 CM_KILLS=$(or $(KILLS),500) \
		ctest --output-on-failure -R 'e2e/test_(crash|many|inject)'

# libFuzzer targets (clang): a short smoke run in `make check`, a long one
# here (FUZZ_SECONDS per target).
fuzz-build: deps
	cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=Debug -DCHIMUC_FUZZ=ON \
		-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCM_FUZZ_SECONDS=20 \
		-DCHIMUC_WERROR=ON
	cmake --build $(FUZZ_DIR) -j$(JOBS)

fuzz: fuzz-build
	cmake -S . -B $(FUZZ_DIR) -DCM_FUZZ_SECONDS=$(FUZZ_SECONDS)
	cd $(FUZZ_DIR) && ctest --output-on-failure -j$(JOBS) -L fuzz
	cmake -S . -B $(FUZZ_DIR) -DCM_FUZZ_SECONDS=20

# Benchmark against omindex/quest and SQLite FTS5 (bench/run.py, BENCH_DOCS
# documents), then the mission's operations at 2,000 and 20,000 documents
# against chimuc's extraction in SQLite (bench/mission.py): writes
# bench/RESULTS.md. Seed 2, chimuc built in Release; corpora and indexes in
# BENCH_WORK. bench-large: the mission's operations at 2,000, 20,000 and
# 200,000 documents (about 10 GB in BENCH_WORK while it runs).
BENCH_DOCS ?= 20000
BENCH_WORK ?= build/bench-work
bench-build: deps
	./bench/install-deps.sh
	cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
	cmake --build build/bench -j$(JOBS)

bench: bench-build
	/usr/bin/python3 bench/run.py --docs $(BENCH_DOCS) --seed 2 --bin build/bench --work $(BENCH_WORK)
	/usr/bin/python3 bench/mission.py --sizes 2000,20000 --seed 2 --bin build/bench --work $(BENCH_WORK)

bench-large: bench-build
	/usr/bin/python3 bench/mission.py --sizes 2000,20000,200000 --seed 2 --bin build/bench \
		--work $(BENCH_WORK) --drop-from 200000

# Binaries, library, headers, chimuc.pc, man pages and bash completion under
# PREFIX (default /usr/local; chimuc.pc names it, so the build is configured
# with it); DESTDIR is honoured.
install: build
	cmake --install $(BUILD_DIR) $(if $(PREFIX),--prefix $(PREFIX))

# The Debian packages chimuc and libchimuc-dev, in the parent folder
# (dpkg-buildpackage's place for them), then lintian on them.
deb:
	./scripts/install-deps.sh --deb
	dpkg-buildpackage -us -uc -b
	lintian --fail-on error ../chimuc_*.changes

# Installs the built packages into a scratch root (dpkg -x) and runs a
# search with the installed programs (tests/e2e/test_deb.sh).
deb-test: deb
	CM_SOURCE_DIR=$(CURDIR) bash tests/e2e/test_deb.sh

clean:
	rm -rf build .chimuc-demo
