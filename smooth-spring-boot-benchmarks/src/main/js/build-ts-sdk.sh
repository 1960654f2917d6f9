#!/usr/bin/env bash
#
# Copyright 2026-present the original author or authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#      https://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
# Builds the official Smooth TypeScript SDK (circlemind-ai/smooth-sdk, its ts/ package)
# for the side-by-side harness, outside this repository:
#
#   build-ts-sdk.sh <sdk git dir or clone> <target dir>
#
# then run the harness with -Dharness.ts-sdk=<target dir>/ts. The SDK's code and build
# output never enter this repository.
set -euo pipefail
source="${1:?usage: build-ts-sdk.sh <smooth-sdk git dir or clone> <target dir>}"
target="${2:?usage: build-ts-sdk.sh <smooth-sdk git dir or clone> <target dir>}"
case "$(realpath -m "$target")/" in
  "$(realpath "$(dirname "$0")/../../../..")"/*) echo "refusing to build inside the repository: $target" >&2; exit 1 ;;
esac
gitdir="$(git -C "$source" rev-parse --absolute-git-dir)"
mkdir -p "$target"
rm -rf "$target/ts"
git --git-dir="$gitdir" archive HEAD ts | tar -x -C "$target"
git --git-dir="$gitdir" rev-parse HEAD > "$target/ts/SDK_COMMIT"
cd "$target/ts"
npm ci --no-audit --no-fund
npm run build
echo "Built $(node -p 'require("./package.json").version') at $(cat SDK_COMMIT) in $PWD: pass -Dharness.ts-sdk=$PWD"
