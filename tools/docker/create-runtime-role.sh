#!/bin/sh
# Run once by the postgres image when it creates its data volume (docker-entrypoint-initdb.d):
# the login role the Parvis API connects as. It owns nothing; the migrations (run as POSTGRES_USER,
# the owner) grant its group `parvis_runtime` what the API needs and no more (apps/api/src/database/roles.ts).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v login="${PARVIS_RUNTIME_USER:-parvis_app}" -v password="$PARVIS_RUNTIME_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE parvis_runtime NOLOGIN'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parvis_runtime') \gexec
CREATE ROLE :"login" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'password' IN ROLE parvis_runtime;
SQL
