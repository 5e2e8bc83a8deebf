from reconnect.accounts.models import CareRelationship
from reconnect.core.models import AccessLogEntry


def test_admin_opening_a_members_account_is_in_the_members_access_log(login, admin_user, member):
    response = login(admin_user).get(f"/admin/accounts/user/{member.pk}/change/")
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(subject=member)
    assert (entry.actor, entry.actor_role, entry.action) == (admin_user, "admin", "viewed_in_admin")
    assert entry.object_id == str(member.pk)
    # The log outlives the account: it names what was opened, never who the person is.
    for identity in (member.email, member.pseudonym, member.real_name):
        assert identity not in entry.object_label


def test_admin_opening_their_own_account_is_not_logged(login, admin_user):
    assert login(admin_user).get(f"/admin/accounts/user/{admin_user.pk}/change/").status_code == 200
    assert not AccessLogEntry.objects.exists()


def test_the_admin_list_of_accounts_is_not_logged_as_opening_anyone(login, admin_user, member):
    assert login(admin_user).get("/admin/accounts/user/").status_code == 200
    assert not AccessLogEntry.objects.exists()


def test_admin_opening_a_care_team_link_is_in_the_members_access_log(login, admin_user, member, provider):
    link = CareRelationship.objects.get(member=member, provider=provider)
    assert login(admin_user).get(f"/admin/accounts/carerelationship/{link.pk}/change/").status_code == 200
    entry = AccessLogEntry.objects.get(subject=member)
    assert (entry.actor, entry.action, entry.object_id) == (admin_user, "viewed_in_admin", str(link.pk))
    for identity in (member.email, member.real_name, provider.email, provider.real_name):
        assert identity not in entry.object_label


def test_admin_index_names_each_app_once_and_shows_the_portals_favicon(login, admin_user):
    import re

    body = login(admin_user).get("/admin/").content.decode()
    captions = re.findall(r'<caption>\s*<a [^>]*class="section"[^>]*>([^<]+)</a>', body)
    assert captions and len(captions) == len(set(captions)), captions
    assert "People and communities" in captions
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in body
