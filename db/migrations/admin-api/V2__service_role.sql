-- admin-api runs as its own database role (${app_role}, the datasource user) with no more rights
-- than it needs; the migrations run as the schema's owner (spring.flyway.user). On a laptop both
-- may be one role; production separates them, so the service can never alter its own tables,
-- disable a trigger or rewrite the audit log (docs/security.md, "Audit log").
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO "${app_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON consumer_offsets TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema}
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema}
    GRANT USAGE, SELECT ON SEQUENCES TO "${app_role}";

DO $do$
BEGIN
    IF '${app_role}' <> current_user THEN
        -- The migration history is the owner's alone.
        EXECUTE format('REVOKE ALL ON %I.%I FROM %I',
                       '${flyway:defaultSchema}', '${flyway:table}', '${app_role}');
    END IF;
END
$do$;
