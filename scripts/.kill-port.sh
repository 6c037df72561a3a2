#!/usr/bin/env bash
# Kills whatever listens on port $1 (next start leaves a next-server child behind).
for pid in $(ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do kill "$pid"; done
