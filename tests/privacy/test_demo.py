from django.core.management import call_command

from forum.models import Post
from reconnect.accounts.models import User
from reconnect.privacy.models import DataExport, ErasureRequest


def test_seed_demo_shows_a_former_member_and_a_ready_export_and_is_idempotent(
    db, settings, django_capture_on_commit_callbacks
):
    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", quiet=True)
    former = User.objects.get(erased_at__isnull=False)
    assert former.display_name.startswith("Former member ")
    assert Post.objects.filter(author=former).exclude(body="").count() == 3
    assert not User.objects.filter(email="leaving-demo@example.org").exists()
    export = DataExport.objects.get(user__email="ingrid@example.org")
    assert export.is_downloadable
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", quiet=True)
    assert ErasureRequest.objects.count() == 1
    assert DataExport.objects.count() == 1
