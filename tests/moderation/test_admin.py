from reconnect.core.models import AccessLogEntry
from tests.moderation.factories import ReportFactory


def test_admin_opening_a_report_is_in_the_reporters_access_log(login, admin_user, member):
    report = ReportFactory(reporter=member, details="It upset me.")
    response = login(admin_user).get(f"/admin/moderation/report/{report.pk}/change/")
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(subject=member)
    assert (entry.actor, entry.action, entry.object_id) == (admin_user, "viewed_in_admin", str(report.pk))
    assert member.pseudonym not in entry.object_label and "It upset me" not in entry.object_label
