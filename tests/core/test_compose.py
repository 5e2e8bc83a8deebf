"""docker-compose.yml: two database roles, no volume for private files, health checks for every process."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PORTAL = ("web", "worker", "beat")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _user(url: str) -> str:
    # The password is a ${VARIABLE:?message} that compose fills in, which no URL parser reads.
    match = re.match(r"postgres://([^:@/]+)[:@]", url)
    return match.group(1) if match else ""


def test_the_portals_processes_connect_as_the_app_role_and_never_hold_the_owners_url(compose):
    services = compose["services"]
    owner = _user(services["migrate"]["environment"]["MIGRATE_DATABASE_URL"])
    assert owner == services["db"]["environment"]["POSTGRES_USER"]
    for name in PORTAL:
        environment = services[name]["environment"]
        assert _user(environment["DATABASE_URL"]) == "reconnect_app" != owner
        assert "MIGRATE_DATABASE_URL" not in environment
        assert "migrate" not in services[name]["command"]
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}


def test_migrations_run_as_the_owner_and_create_the_app_role(compose):
    migrate = compose["services"]["migrate"]
    assert _user(migrate["environment"]["DATABASE_URL"]) == "reconnect_app"
    assert "manage.py migrate" in migrate["command"] and "manage.py create_app_role" in migrate["command"]
    assert migrate["command"].index("migrate") < migrate["command"].index("create_app_role")


def test_no_process_mounts_a_volume_for_private_files(compose):
    for name in (*PORTAL, "migrate"):
        assert "volumes" not in compose["services"][name], name
    assert set(compose["volumes"]) == {"pgdata", "redisdata"}  # the database's and the broker's own


def test_web_worker_and_beat_have_health_checks_and_time_to_stop(compose):
    services = compose["services"]
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert "inspect ping" in " ".join(services["worker"]["healthcheck"]["test"])
    assert services["beat"]["healthcheck"]["test"] == ["CMD", "python", "manage.py", "beat_status"]
    # Longer than gunicorn's graceful timeout (30 s), and room for a worker's batch to finish.
    assert services["web"]["stop_grace_period"] == "40s"
    assert services["worker"]["stop_grace_period"] == "120s"
    assert services["web"]["command"] == "gunicorn reconnect.wsgi"  # gunicorn.conf.py holds the rest
