#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` only needs this path to exist; migrations go through `skills-migrate` (WASM engine).
echo "The native Prisma schema engine is not available. Use 'pnpm run migrate' / 'pnpm run migrate:create' (skills-migrate)." >&2
exit 1
