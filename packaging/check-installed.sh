#!/bin/sh
# Checks the installed package as a user would meet it: the programs on PATH answer, and a tiny
# run of salvo-cli against its own simulator (started from the installed salvo-cli) succeeds.
set -eu
work=$(mktemp -d)
sim_pid=
cleanup() {
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

salvo-cli --version
[ -f /usr/share/man/man1/salvo-cli.1.gz ]

salvo-cli sim --port 0 --preset fast >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do
    [ -s "$work/sim.out" ] && break
    sleep 0.1
done
url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$work/sim.out" | head -n 1)
[ -n "$url" ] || { echo "the simulator printed no URL"; cat "$work/sim.err"; exit 1; }

printf 'id,text\n1,Is the installed package working?\n2,Does it answer in order?\n' >"$work/in.csv"
salvo-cli run "$work/in.csv" --template '{{text}}' --base-url "$url" --out "$work/out.jsonl"
[ "$(grep -c '"status":"ok"' "$work/out.jsonl")" -eq 2 ] || { cat "$work/out.jsonl"; exit 1; }
echo "installed package: salvo-cli answered 2 of 2 items against salvo-cli sim at $url"
