while read -r t k rest; do
  case "$rest" in intake.js:*) pos=${rest#intake.js:}; m=$(node bench/.map.cjs "$pos" | cut -d' ' -f2-); echo "$t $k $m";; *) echo "$t $k $rest";; esac
done
