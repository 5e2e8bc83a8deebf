"""The portal installs on a phone (web app manifest) and its service worker is same-origin; signing
out tells the browser to drop caches and storage (the kept crisis plan with them)."""

import json

import pytest
from django.contrib.staticfiles import finders

from tests.toolbox.factories import CrisisPlanFactory

pytestmark = pytest.mark.django_db


def test_manifest_is_served_as_a_web_app_manifest_with_icons_that_exist(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "ReConnect" and data["start_url"] == "/" and data["display"] == "standalone"
    assert data["theme_color"] == "#1d5c63"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        assert icon["src"].startswith("/static/img/icon-")
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_every_page_links_the_manifest_and_the_theme_colour(client):
    body = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in body
    assert '<meta name="theme-color" content="#1d5c63">' in body


def test_service_worker_is_served_from_the_root_as_javascript_and_never_goes_stale(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert "reconnect-crisis-plan" in response.content.decode()
    assert client.post("/sw.js").status_code == 405


def test_content_security_policy_allows_only_own_origin_workers_and_manifest(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "worker-src 'self'" in policy
    assert "manifest-src 'self'" in policy


def test_sign_out_clears_the_sites_cache_and_storage(client, login, member):
    login(member)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_other_pages_do_not_clear_site_data(client, login, member):
    login(member)
    assert "Clear-Site-Data" not in client.get("/").headers
    assert "Clear-Site-Data" not in client.get("/accounts/logout/").headers


def test_crisis_plan_offers_to_keep_it_on_the_phone_and_stays_no_store(client, login, member):
    CrisisPlanFactory(member=member)
    login(member)
    response = client.get("/toolbox/crisis-plan/")
    body = response.content.decode()
    assert "Keep my crisis plan on this phone" in body
    assert 'data-worker-url="/sw.js?plan=/toolbox/crisis-plan/"' in body
    assert '<a href="tel:113">113</a>' in body
    assert response["Cache-Control"] == "no-store, private"


def test_crisis_plan_not_yet_written_has_nothing_to_keep(client, login, member):
    login(member)
    assert "Keep my crisis plan on this phone" not in client.get("/toolbox/crisis-plan/").content.decode()


def test_each_language_has_one_date_style():
    from datetime import date, datetime

    from django.template import Context, Template
    from django.utils import translation

    template = Template('{{ d|date:"DATE_FORMAT" }} | {{ t|date:"DATETIME_FORMAT" }} | {{ d|date:"MONTH_DAY_FORMAT" }}')
    context = Context({"d": date(2026, 12, 3), "t": datetime(2026, 12, 3, 14, 5)})
    with translation.override("nb"):
        assert template.render(context) == "3. des. 2026 | 3. des. 2026, 14:05 | tor 3. des."
    with translation.override("en"):
        assert template.render(context) == "3 Dec 2026 | 3 Dec 2026, 14:05 | Thu 3 Dec"
