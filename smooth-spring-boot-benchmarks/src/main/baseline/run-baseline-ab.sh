#!/usr/bin/env bash
# Issue 12's same-run comparison: the class-only submitAsync of main before the issue
# (BaselineBurst, built from BASELINE_COMMIT) and ContractLoadHarness of the working
# tree, in turns, each in a fresh JVM with its own simulator child, ROUNDS times. It
# builds both (the baseline in a git worktree under target/), so run it from a clean
# tree; the first run fetches the baseline's dependencies from Maven Central.
# Usage: smooth-spring-boot-benchmarks/src/main/baseline/run-baseline-ab.sh [rounds]
# HARNESS_OPTS reaches the working tree's JVM only, e.g.
# HARNESS_OPTS=-Dharness.smooth.polling.max-interval=500ms to compare another cadence.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
rounds=${1:-2}
commit=${BASELINE_COMMIT:-014e4ca}
out=$root/smooth-spring-boot-benchmarks/target/baseline-ab
base=$out/worktree-$commit
mkdir -p "$out"
if [ ! -d "$base" ]; then
	# a "mvn clean" may have deleted an earlier worktree: forget it first
	git -C "$root" worktree prune
	git -C "$root" worktree add --detach -q "$base" "$commit"
fi
# both classpaths name the reactor's jars under target/, not the local repository's
build() {
	(cd "$1" && ./mvnw -B -ntp -q -DskipTests -Dspring-javaformat.skip=true -Dsmooth.blockhound.skip=true \
		package dependency:build-classpath -Dmdep.outputFile="$2" -pl smooth-spring-boot-benchmarks -am)
}
# a commit does not change: build each baseline once, the working tree every run
if [ ! -s "$out/baseline-$commit.cp" ] || [ ! -d "$base/smooth-spring-boot-benchmarks/target/classes" ]; then
	build "$base" "$out/baseline-$commit.cp"
fi
build "$root" "$out/main.cp"
mkdir -p "$out/driver"
javac -d "$out/driver" -cp "$base/smooth-spring-boot-benchmarks/target/classes:$(cat "$out/baseline-$commit.cp")" \
	"$here/BaselineBurst.java"
for round in $(seq 1 "$rounds"); do
	echo "== baseline $commit, round $round, $(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg)"
	java -cp "$out/driver:$base/smooth-spring-boot-benchmarks/target/classes:$(cat "$out/baseline-$commit.cp")" \
		sh.smooth.spring.benchmarks.BaselineBurst | grep '^|'
	echo "== working tree ${HARNESS_OPTS:-}, round $round, $(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg)"
	# shellcheck disable=SC2086 # HARNESS_OPTS may hold several options
	java -cp "$root/smooth-spring-boot-benchmarks/target/classes:$(cat "$out/main.cp")" ${HARNESS_OPTS:-} \
		sh.smooth.spring.benchmarks.ContractLoadHarness "$out/contract-$round.json" | grep '^|'
done
