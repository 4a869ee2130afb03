#!/usr/bin/env bash
# What a newcomer does: clone the repository into an empty folder (nothing beside it), install, and
# run the README's first command, `npm run demo`, until /api/status says every source is up. It
# checks the committed tree (HEAD), not uncommitted changes. Prints "fresh-clone: N passed, N failed".
set -u
src=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=$(mktemp -d /tmp/meshlens-clone-XXXXXX)
log="$work/demo.log"
demo_pid=
export NEXT_TELEMETRY_DISABLED=1

finish() {
  if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
    # The demo stops its simulator, Prometheus and Meshlens on SIGINT, as on Ctrl-C.
    kill -INT -- "-$demo_pid" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$demo_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$demo_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap finish EXIT

fail() {
  echo "fresh clone: $1" >&2
  [ -f "$log" ] && tail -n 30 "$log" >&2
  echo "fresh-clone: 0 passed, 1 failed"
  exit 1
}

git clone -q "$src" "$work/meshlens" || fail "git clone failed"
cd "$work/meshlens" || fail "no clone"
# The folder around the clone holds nothing else, so a path that leaves the repository finds nothing.
[ "$(ls -A "$work")" = "meshlens" ] || fail "the clone's parent folder is not empty"

echo "fresh clone: npm install in $work/meshlens"
npm install --no-audit --no-fund --prefer-offline >"$work/install.log" 2>&1 || {
  tail -n 30 "$work/install.log" >&2
  fail "npm install failed"
}

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
echo "fresh clone: npm run demo on port $port (builds the app first)"
PORT=$port setsid npm run demo >"$log" 2>&1 &
demo_pid=$!

# Bounded: the build takes about two minutes on two cores; give it ten.
status=$(node - "$port" "$demo_pid" <<'JS'
const [port, pid] = process.argv.slice(2).map(Number);
const deadline = Date.now() + 600_000;
const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
(async () => {
  let last = 'no answer';
  while (Date.now() < deadline && alive()) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/status`, { signal: AbortSignal.timeout(10_000) });
      const body = await res.json();
      const s = body.sources ?? {};
      last = JSON.stringify(s);
      if (res.ok && s.prometheus?.ok && s.kubernetes?.ok && s.jaeger?.ok) { console.log('healthy'); return; }
    } catch (err) { last = String(err); }
    await new Promise((r) => setTimeout(r, 2_000));
  }
  console.log(alive() ? `not healthy within 10 min: ${last}` : `the demo exited: ${last}`);
})();
JS
)
[ "$status" = "healthy" ] || fail "$status"
echo "fresh clone: /api/status reports Prometheus, Kubernetes and Jaeger up"
echo "fresh-clone: 1 passed, 0 failed"
