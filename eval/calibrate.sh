#!/usr/bin/env bash
# Refits the ranker and the abstention model (src/main/resources/dev/sourced/answer/*.properties) on the LOOK halves
# only: PIAF look (French and its English sample), our news look half, our extra questions on the seed articles, and
# off-topic questions (one corpus's questions asked of another corpus: none of them is answerable there).
# The held halves (eval/piaf/held*.jsonl, eval/news/held.jsonl) are never used here: they are only measured.
# Usage: eval/calibrate.sh [WORK_DIR]   (about 10 minutes on 2 cores; ingests each corpus once into WORK_DIR)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work="${1:-/tmp/sourced-calibrate}"
mkdir -p "$work"
piaf=(env SOURCED_CORPUS=../shared/eval/piaf/corpus SOURCED_DATA="$work/piaf")
news=(env SOURCED_CORPUS=eval/news/corpus SOURCED_DATA="$work/news")
seed=(env SOURCED_CORPUS=corpus SOURCED_DATA="$work/seed")
offtopic() {  # FILE [LIMIT]: the questions of FILE, none answerable
  python3 - "$@" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
if len(sys.argv) > 2: rows = rows[:int(sys.argv[2])]
for q in rows:
    print(json.dumps({"id": "off-" + q["id"], "question": q["question"], "answerable": False, "gold_any": []}, ensure_ascii=False))
PY
}
offtopic eval/news/look.jsonl > "$work/off-news.jsonl"
offtopic eval/piaf/look.jsonl 250 > "$work/off-piaf.jsonl"
offtopic eval/extra.jsonl > "$work/off-extra.jsonl"
"${piaf[@]}" ./sourced eval eval/piaf/look.jsonl --signals "$work/s-piaf.jsonl"
"${piaf[@]}" ./sourced eval eval/piaf/look-en.jsonl --signals "$work/s-piaf-en.jsonl"
"${news[@]}" ./sourced eval eval/news/look.jsonl --signals "$work/s-news.jsonl"
"${seed[@]}" ./sourced eval eval/extra.jsonl --signals "$work/s-extra.jsonl"
"${piaf[@]}" ./sourced eval "$work/off-news.jsonl" --signals "$work/s-off1.jsonl"
"${news[@]}" ./sourced eval "$work/off-piaf.jsonl" --signals "$work/s-off2.jsonl"
"${news[@]}" ./sourced eval "$work/off-extra.jsonl" --signals "$work/s-off3.jsonl"
cat "$work/s-off1.jsonl" "$work/s-off2.jsonl" "$work/s-off3.jsonl" > "$work/s-offtopic.jsonl"
./sourced calibrate "$work/s-piaf.jsonl" "$work/s-piaf-en.jsonl" "$work/s-news.jsonl" "$work/s-extra.jsonl" "$work/s-offtopic.jsonl"
