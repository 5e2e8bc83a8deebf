from django.db import migrations, models

# The application role has no TRUNCATE right on the log; this trigger refuses it to any other role
# that has it by mistake. Superusers may (they can switch off any trigger anyway, and the test
# suite empties its database with TRUNCATE).
NO_TRUNCATE = """
CREATE OR REPLACE FUNCTION core_access_log_no_truncate() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'The access log is append-only: TRUNCATE is not allowed';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_access_log_no_truncate BEFORE TRUNCATE ON core_accesslogentry
    FOR EACH STATEMENT EXECUTE FUNCTION core_access_log_no_truncate();
"""

# The cut-off may only be a date at least kept_days (ACCESS_LOG_KEPT_DAYS) before now.
CUTOFF_CHECK = """
CREATE OR REPLACE FUNCTION core_access_log_retention_check() RETURNS trigger AS $$
BEGIN
    IF NEW.remove_before IS NOT NULL AND (
        NEW.kept_days IS NULL OR NEW.kept_days <= 0
        OR NEW.remove_before > now() - make_interval(days => NEW.kept_days)
    ) THEN
        RAISE EXCEPTION 'The access log retention cut-off must lie at least % days in the past', NEW.kept_days;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_access_log_retention_check BEFORE INSERT OR UPDATE ON core_accesslogretention
    FOR EACH ROW EXECUTE FUNCTION core_access_log_retention_check();
"""

# The one way the application role moves the cut-off: this function runs as its owner (the role
# that ran the migration), reads kept_days that only the owner can set, and takes no argument.
APPLY_RETENTION = """
CREATE OR REPLACE FUNCTION core_access_log_apply_retention() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    kept integer;
    cutoff timestamptz;
    removed integer;
BEGIN
    SELECT kept_days INTO kept FROM core_accesslogretention WHERE id = 1 FOR UPDATE;
    IF kept IS NULL OR kept <= 0 THEN
        RETURN 0;
    END IF;
    cutoff := now() - make_interval(days => kept);
    UPDATE core_accesslogretention SET remove_before = cutoff WHERE id = 1;
    DELETE FROM core_accesslogentry WHERE created_at < cutoff;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END;
$$;
REVOKE ALL ON FUNCTION core_access_log_apply_retention() FROM PUBLIC;
"""

DROP = """
DROP FUNCTION IF EXISTS core_access_log_apply_retention();
DROP TRIGGER IF EXISTS core_access_log_retention_check ON core_accesslogretention;
DROP FUNCTION IF EXISTS core_access_log_retention_check();
DROP TRIGGER IF EXISTS core_access_log_no_truncate ON core_accesslogentry;
DROP FUNCTION IF EXISTS core_access_log_no_truncate();
"""


def _run(sql: str):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:  # no parameters: "%" is literal here
                cursor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("core", "0004_private_files_in_database")]

    operations = [
        migrations.AddField(
            model_name="accesslogretention",
            name="kept_days",
            field=models.IntegerField(blank=True, null=True),
        ),
        migrations.RunPython(_run(NO_TRUNCATE + CUTOFF_CHECK + APPLY_RETENTION), _run(DROP)),
    ]
