# Sourced by .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer, or exits with a clear message.
_java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}' | awk -F. '{ if ($1 == "1") print $2; else print $1 }'; }
_best=""; _best_v=0
for _c in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
  [ -n "$_c" ] && [ -x "$_c/bin/java" ] && [ -x "$_c/bin/javac" ] || continue
  _v="$(_java_major "$_c/bin/java")"
  [[ "$_v" =~ ^[0-9]+$ ]] || continue
  if [ "$_v" -ge 21 ] && [ "$_v" -gt "$_best_v" ]; then _best="$_c"; _best_v="$_v"; fi
done
if [ -z "$_best" ]; then
  echo "CI: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk-headless" >&2
  exit 1
fi
export JAVA_HOME="$_best"
