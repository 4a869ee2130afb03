#!/usr/bin/env bash
# Runs every kind of test, each to the end even when an earlier one failed, and prints one
# "<kind>: N passed, N failed" line per kind. Exits non-zero if anything failed.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
out=test-results/summary
mkdir -p "$out"
status=0
summary=()

missing=()
for bin in chromium prometheus promtool; do command -v "$bin" >/dev/null || missing+=("$bin"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium and prometheus (missing: ${missing[*]})…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium prometheus
  else
    echo "The tests need Debian's chromium and prometheus packages (missing: ${missing[*]})." >&2
    echo "Install them with: sudo apt-get install chromium prometheus" >&2
    exit 1
  fi
fi

count_vitest() { # kind file
  node -e 'const r=require(process.argv[1]);const f=r.numFailedTests||(r.success?0:Math.max(1,r.numFailedTestSuites));console.log(`${process.argv[2]}: ${r.numPassedTests} passed, ${f} failed`)' "$PWD/$2" "$1" 2>/dev/null \
    || echo "$1: 0 passed, 1 failed (no report)"
}

if npx eslint . && npx knip && npx tsc --noEmit && npx prettier --check . >/dev/null; then summary+=("lint: 1 passed, 0 failed"); else summary+=("lint: 0 passed, 1 failed"); status=1; fi

npx vitest run --project unit --project components --reporter=default --reporter=json --outputFile.json="$out/unit.json" || status=1
summary+=("$(count_vitest unit "$out/unit.json")")

if npx next build; then
  npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$out/integration.json" || status=1
  summary+=("$(count_vitest integration "$out/integration.json")")

  PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/$out/e2e.json" npx playwright test -c e2e/playwright.config.ts --reporter=list,json || status=1
  summary+=("$(node -e 'const s=require(process.argv[1]).stats;console.log(`e2e: ${s.expected+s.flaky} passed, ${s.unexpected} failed`)' "$PWD/$out/e2e.json" 2>/dev/null || echo 'e2e: 0 passed, 1 failed (no report)')")

  # The production server as the container runs it, then a newcomer's clone: they print their own line.
  npx tsx scripts/smoke-standalone.ts | tee "$out/smoke.log" || status=1
  summary+=("$(grep -E '^smoke: ' "$out/smoke.log" || echo 'smoke: 0 passed, 1 failed (no report)')")
else
  status=1
  summary+=("build: 0 passed, 1 failed" "integration: 0 passed, 1 failed (not run: build failed)" "e2e: 0 passed, 1 failed (not run: build failed)" "smoke: 0 passed, 1 failed (not run: build failed)")
fi

bash scripts/check-fresh-clone.sh | tee "$out/fresh-clone.log" || status=1
summary+=("$(grep -E '^fresh-clone: ' "$out/fresh-clone.log" || echo 'fresh-clone: 0 passed, 1 failed (no report)')")

echo
printf '%s\n' "${summary[@]}"
exit $status
