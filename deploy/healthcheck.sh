#!/bin/bash
# The container image's HEALTHCHECK: GET /readyz on the running service's
# metrics port and succeed on HTTP 200. bash and its /dev/tcp only, so the
# slim image needs no curl.
#
# The port: BAOCAO__METRICS__ADDR when set (0.0.0.0 and [::] are asked on
# loopback), else the worker's default 9101, then the query service's 9102.
set -u
# A peer that closes early makes the write fail, not kill the check.
trap '' PIPE

addrs=()
if [[ -n "${BAOCAO__METRICS__ADDR:-}" ]]; then
    addrs+=("$BAOCAO__METRICS__ADDR")
else
    addrs+=("127.0.0.1:9101" "127.0.0.1:9102")
fi

for addr in "${addrs[@]}"; do
    host=${addr%:*}
    port=${addr##*:}
    case "$host" in
        0.0.0.0 | "" | "[::]" | "::") host=127.0.0.1 ;;
    esac
    host=${host#[}
    host=${host%]}
    if { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null; then
        printf 'GET /readyz HTTP/1.0\r\nHost: %s\r\n\r\n' "$host" >&3 2>/dev/null
        IFS= read -r -t 4 status <&3 || status=""
        exec 3<&- 3>&-
        case "$status" in
            "HTTP/1."?" 200"*)
                exit 0
                ;;
        esac
        echo "baocao-healthcheck: $addr/readyz answered: ${status%$'\r'}" >&2
        exit 1
    fi
done
echo "baocao-healthcheck: nothing listens on ${addrs[*]}" >&2
exit 1
