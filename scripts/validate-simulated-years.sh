#!/usr/bin/env bash
# scripts/validate-simulated-years.sh — simulate years of the front door and check their CIN census
# returns with the DfE's rules as data-to-insight's open validator implements them
# (csc-validator-be-cin, in ../shared/tools). A development aid: npm test never runs it.
#
# For each seed and scale: a fresh database fd_sim_<seed>_<scale>, `npm run simulate` for 12 months
# from 2025-04-01, then `npm run -s export:cin -- --year 2026 --draft` (the XML even if Front Door's
# own checks find problems, so the validator sees everything), then validate-cin.sh on it.
# Prints one line per run and exits 1 if any run has a Front Door problem, a refused step or a
# validator error (queries are for a person to review and do not fail it).
#
#   SEEDS="1 2 3 4 5" SCALES="0.05 0.2" OUT=/tmp/fd-sim scripts/validate-simulated-years.sh
#   REUSE=1 …   exports and validates the databases an earlier run simulated, without simulating again
set -u
cd "$(dirname "$0")/.."
seeds=${SEEDS:-"1 2 3 4 5"}
scales=${SCALES:-"0.05 0.2"}
out=${OUT:-/tmp/fd-sim}
validator=${VALIDATOR:-../shared/tools/validate-cin.sh}
admin=${PGADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/4}
mkdir -p "$out"
failed=0
summary=()
for scale in $scales; do
  for seed in $seeds; do
    name="fd_sim_${seed}_${scale//./_}"
    run="$out/$name"
    export DATABASE_URL="${admin%/*}/$name"
    started=$(date +%s)
    if [ -n "${REUSE:-}" ]; then
      simulated=$(cat "$run.simulate.exit")
    else
      psql "$admin" -q -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null 2>&1 || exit 2
      npm run -s simulate -- --months 12 --tenant 865 --scale "$scale" --seed "$seed" --start 2025-04-01 >"$run.summary" 2>"$run.simulate.log"
      simulated=$?
      echo "$simulated" >"$run.simulate.exit"
    fi
    npm run -s export:cin -- --year 2026 --tenant 865 --draft --problems "$run.problems.json" >"$run.xml" 2>"$run.export.log"
    problems=$(node -e "console.log(require('$run.problems.json').problems.length)" 2>/dev/null || echo '?')
    "$validator" "$run.xml" >"$run.validator.txt" 2>&1
    validated=$?
    verdict=$(tail -1 "$run.validator.txt")
    contacts=$(sed -n 's/^  contacts *\([0-9]*\).*/\1/p' "$run.summary")
    line="seed $seed scale $scale: $contacts contacts, simulate exit $simulated, Front Door problems $problems, validator: $verdict ($(( $(date +%s) - started )) s)"
    echo "$line"
    grep -E '^error ' "$run.validator.txt" | sed 's/^/    /'
    summary+=("$line")
    [ "$simulated" = 0 ] && [ "$problems" = 0 ] && [ "$validated" = 0 ] || failed=1
  done
done
echo
printf '%s\n' "${summary[@]}"
exit $failed
