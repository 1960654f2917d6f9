#!/usr/bin/env bash
# Issue 12's same-run comparison: the class-only submitAsync of main before the issue
# (BaselineBurst, built from BASELINE_COMMIT) and ContractLoadHarness of the working
# tree, in turns, each in a fresh JVM with a fresh simulator child of the working tree
# (the same server code for both), ROUNDS times. It builds both (the baseline in a git
# worktree under target/), so run it from a clean tree; the first run fetches the
# baseline's dependencies from Maven Central.
# SMOOTH_HARNESS_TASK_MS sets how long each burst's tasks run (2000 by default).
# Usage: smooth-spring-boot-benchmarks/src/main/baseline/run-baseline-ab.sh [rounds]
# HARNESS_OPTS reaches the working tree's JVM only, e.g.
# HARNESS_OPTS=-Dharness.smooth.polling.max-interval=500ms to compare another cadence.
# CONTRACT_COMMITS adds a side per commit: its own ContractLoadHarness against its own
# simulator (2 s tasks), e.g. CONTRACT_COMMITS=130a084 (issue 12's contract before issue
# 13's cadence) tells what the contract costs from what the cadence costs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
rounds=${1:-2}
commit=${BASELINE_COMMIT:-014e4ca}
out=$root/smooth-spring-boot-benchmarks/target/baseline-ab
base=$out/worktree-$commit
mkdir -p "$out"
worktree() {
	if [ ! -d "$1" ]; then
		# a "mvn clean" may have deleted an earlier worktree: forget it first
		git -C "$root" worktree prune
		git -C "$root" worktree add --detach -q "$1" "$2"
	fi
}
# both classpaths name the reactor's jars under target/, not the local repository's
build() {
	(cd "$1" && ./mvnw -B -ntp -q -DskipTests -Dspring-javaformat.skip=true -Dsmooth.blockhound.skip=true \
		package dependency:build-classpath -Dmdep.outputFile="$2" -pl smooth-spring-boot-benchmarks -am)
}
# a commit does not change: build each once, the working tree every run
once() {
	worktree "$1" "$2"
	if [ ! -s "$3" ] || [ ! -d "$1/smooth-spring-boot-benchmarks/target/classes" ]; then
		build "$1" "$3"
	fi
}
once "$base" "$commit" "$out/baseline-$commit.cp"
for other in ${CONTRACT_COMMITS:-}; do
	once "$out/worktree-$other" "$other" "$out/contract-$other.cp"
done
build "$root" "$out/main.cp"
mkdir -p "$out/driver"
javac -d "$out/driver" -cp "$base/smooth-spring-boot-benchmarks/target/classes:$(cat "$out/baseline-$commit.cp")" \
	"$here/BaselineBurst.java"
# one ContractLoadHarness run: tree, classpath file, output file, then JVM options
harness() {
	java -cp "$1/smooth-spring-boot-benchmarks/target/classes:$(cat "$2")" "${@:4}" \
		sh.smooth.spring.benchmarks.ContractLoadHarness "$3" | grep '^|'
}
for round in $(seq 1 "$rounds"); do
	echo "== baseline $commit, round $round, $(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg)"
	java -cp "$out/driver:$base/smooth-spring-boot-benchmarks/target/classes:$(cat "$out/baseline-$commit.cp")" \
		-Dbaseline.simulator.classpath="$root/smooth-spring-boot-benchmarks/target/classes:$(cat "$out/main.cp")" \
		sh.smooth.spring.benchmarks.BaselineBurst | grep '^|'
	for other in ${CONTRACT_COMMITS:-}; do
		echo "== contract $other, round $round, $(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg)"
		harness "$out/worktree-$other" "$out/contract-$other.cp" "$out/contract-$other-$round.json"
	done
	echo "== working tree ${HARNESS_OPTS:-}, round $round, $(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg)"
	# shellcheck disable=SC2086 # HARNESS_OPTS may hold several options
	harness "$root" "$out/main.cp" "$out/contract-$round.json" ${HARNESS_OPTS:-}
done
