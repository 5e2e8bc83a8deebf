"""Secure messaging in a browser: the member writes with an attachment, the provider signs in with
TOTP, sees it on the dashboard and answers, and the member sees the answer and the read mark.
axe-core checks every page visited."""

import re

import pytest
from playwright.sync_api import expect

from messaging.models import Attachment, ProviderAvailability
from tests.e2e.conftest import sign_in, sign_out
from tests.factories import (
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    CareRelationshipFactory,
    CommunityFactory,
    CrisisContactFactory,
    MemberFactory,
    ProviderFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

DIARY = b"Monday: slept 4 hours.\nTuesday: slept 6 hours.\n"


def test_member_writes_provider_answers_member_sees_reply_and_read_mark(page, axe_check, live_server):
    nordvik = CommunityFactory(name="Nordvik", slug="nordvik")
    CrisisContactFactory(community=nordvik, name="Nordvik emergency ward", phone="77 00 00 00")
    member = MemberFactory(
        email="ingrid@example.net", pseudonym="Lighthouse", real_name="Ingrid Nilsen", community=nordvik
    )
    provider = ProviderFactory(email="berg@example.net", real_name="Dr. Kari Berg", community=nordvik)
    CareRelationshipFactory(member=member, provider=provider)
    ProviderAvailability.objects.create(provider=provider, expected_reply_time="two_days")

    # The member chooses how their care team sees them (never the pseudonym), then writes, with
    # their sleep diary attached.
    sign_in(page, member.email, TEST_PASSWORD, axe=axe_check)
    page.goto("/me/care-team/")
    expect(page.get_by_text("Your providers see you as Ingrid Nilsen.")).to_be_visible()
    page.get_by_label("Name for my care team").fill("Ingrid N.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your care team now sees you as Ingrid N.")).to_be_visible()
    axe_check(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Messages").click()
    page.wait_for_url("**/messages/")
    axe_check(page)
    page.get_by_role("link", name="Write a new message").click()
    page.wait_for_url("**/messages/new/")
    expect(page.get_by_text("usually answers within 2 working days")).to_be_visible()
    expect(page.get_by_role("heading", name="Messages are not for emergencies")).to_be_visible()
    expect(page.get_by_role("main").get_by_role("link", name="77 00 00 00")).to_be_visible()
    axe_check(page)
    expect(page.get_by_label("Dr. Kari Berg")).to_be_checked()
    page.get_by_label("Subject").fill("Sleeping after the new dose")
    page.get_by_label("Your message").fill("I wake up around four every night. My diary is attached.")
    page.get_by_label("Attach files").set_input_files(
        files=[{"name": "sleep-diary.txt", "mimeType": "text/plain", "buffer": DIARY}]
    )
    page.get_by_role("button", name="Send message").click()
    page.wait_for_url(re.compile(r"/messages/\d+/$"))
    expect(page.get_by_text("Your message has been sent.")).to_be_visible()
    expect(page.get_by_text("Not read yet")).to_be_visible()
    expect(page.get_by_role("link", name="sleep-diary.txt")).to_be_visible()
    axe_check(page)
    assert Attachment.objects.get().content_type == "text/plain"
    sign_out(page)

    # The provider signs in with TOTP and finds the message on the dashboard.
    sign_in(page, provider.email, TEST_PASSWORD, totp_secret=TEST_TOTP_SECRET, axe=axe_check)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    page.wait_for_url("**/provider/")
    expect(page.get_by_text("Lighthouse")).to_have_count(0)
    member_card = page.get_by_role("listitem").filter(has_text="Ingrid N.")
    expect(member_card.get_by_text("1 unread message")).to_be_visible()
    expect(member_card.get_by_text("Waiting for an answer for")).to_be_visible()
    axe_check(page)
    member_card.get_by_role("link", name="Open the oldest waiting conversation").click()
    page.wait_for_url(re.compile(r"/provider/conversations/\d+/$"))
    expect(page.get_by_role("heading", name="Sleeping after the new dose")).to_be_visible()
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="sleep-diary.txt").click()
    with open(download.value.path(), "rb") as handle:
        assert handle.read() == DIARY
    page.get_by_label("Your message").fill("Thank you. Keep the diary; we look at it on Thursday.")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text("Your answer has been sent.")).to_be_visible()
    axe_check(page)
    page.goto("/provider/")
    expect(
        page.get_by_role("listitem").filter(has_text="Ingrid N.").get_by_text("Nothing waits for an answer.")
    ).to_be_visible()
    axe_check(page)
    sign_out(page)

    # The member sees the answer and that Dr. Berg read the message.
    sign_in(page, member.email, TEST_PASSWORD, axe=axe_check)
    page.goto("/messages/")
    expect(page.get_by_text("1 new")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Sleeping after the new dose").click()
    expect(page.get_by_text("Thank you. Keep the diary; we look at it on Thursday.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Read by Dr\. Kari Berg on"))).to_be_visible()
    axe_check(page)


def test_a_wrong_attachment_is_explained_on_a_phone(phone_page, axe_check, live_server):
    member = MemberFactory(email="marte@example.net", pseudonym="Birch")
    provider = ProviderFactory(real_name="Dr. Kari Berg", community=member.community)
    CareRelationshipFactory(member=member, provider=provider)
    page = phone_page
    sign_in(page, member.email, TEST_PASSWORD, axe=axe_check)
    page.goto("/messages/new/")
    page.get_by_label("Subject").fill("A picture")
    page.get_by_label("Your message").fill("Here is the picture.")
    page.get_by_label("Attach files").set_input_files(
        files=[{"name": "picture.png", "mimeType": "image/png", "buffer": b"%PDF-1.4 not a picture"}]
    )
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_text("does not match its name")).to_be_visible()
    expect(page.get_by_label("Your message")).to_have_value("Here is the picture.")
    axe_check(page)
    assert not Attachment.objects.exists()
