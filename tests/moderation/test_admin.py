from moderation.models import Sanction
from reconnect.core.models import AccessLogEntry
from tests.moderation.factories import ReportFactory


def test_admin_opening_a_report_is_in_the_reporters_access_log(login, admin_user, member):
    report = ReportFactory(reporter=member, details="It upset me.")
    response = login(admin_user).get(f"/admin/moderation/report/{report.pk}/change/")
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(subject=member)
    assert (entry.actor, entry.action, entry.object_id) == (admin_user, "viewed_in_admin", str(report.pk))
    assert member.pseudonym not in entry.object_label and "It upset me" not in entry.object_label


def test_admin_opening_a_sanction_is_in_the_members_access_log(login, admin_user, moderator, member):
    sanction = Sanction.objects.create(
        member=member, kind=Sanction.Kind.PRE_MODERATION, reason="For now", created_by=moderator
    )
    assert login(admin_user).get(f"/admin/moderation/sanction/{sanction.pk}/change/").status_code == 200
    entry = AccessLogEntry.objects.get(subject=member)
    assert (entry.actor, entry.action, entry.object_id) == (admin_user, "viewed_in_admin", str(sanction.pk))
    assert member.pseudonym not in entry.object_label
