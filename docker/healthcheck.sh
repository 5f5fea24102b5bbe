#!/usr/bin/env bash
# The image's HEALTHCHECK: GET /observe/health on the daemon's own port; healthy only on HTTP 200.
# Plain bash (/dev/tcp) on purpose: the base image may have neither curl nor wget.
# The port is SENTINEL_HTTP_PORT when set (it overrides server.port), else 8080.
set -u
port=${SENTINEL_HTTP_PORT:-8080}
{ exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || { echo "nothing answers on port $port"; exit 1; }
printf 'GET /observe/health HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 4 status <&3 || { echo "no answer on port $port"; exit 1; }
status=${status%$'\r'}
case $status in
  "HTTP/1."?" 200"*) echo "$status"; exit 0 ;;
  *) echo "$status"; exit 1 ;;
esac
