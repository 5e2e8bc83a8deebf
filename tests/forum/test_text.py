import pytest

from forum.text import find_identifying_details, quote_markdown, render_markdown


def test_markdown_subset_keeps_paragraphs_lists_emphasis_and_links_with_nofollow_noopener():
    html = render_markdown("Hello **there**\n\n- one\n- two\n\n[a link](https://example.org)")
    assert "<strong>there</strong>" in html
    assert "<li>one</li>" in html
    assert '<a href="https://example.org" rel="nofollow noopener">a link</a>' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src="https://tracker.example/pixel.gif">',
        "![tracking](https://tracker.example/pixel.gif)",
        '<a href="javascript:alert(1)">x</a>',
        "[x](javascript:alert(1))",
        '<p onclick="alert(1)">x</p>',
        '<iframe src="https://example.org"></iframe>',
        "<style>body{display:none}</style>",
    ],
)
def test_markdown_lets_no_html_script_or_image_through(text):
    html = render_markdown(text)
    for forbidden in ("<script", "<img", "javascript:", "onclick", "<iframe", "<style", "tracker.example"):
        assert forbidden not in html


def test_quote_is_a_blockquote_with_the_pseudonym():
    assert quote_markdown("Birch", "First line\nsecond").startswith("> **Birch**:\n>\n> First line\n> second")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ring meg på 912 34 567", "phone"),
        ("my number is +47 91 23 45 67", "phone"),
        ("write to ingrid.nilsen@example.org", "email"),
        ("I live in Storgata 12 now", "address"),
        ("We met at 221 Baker Street 221b", "address"),
        ("Jeg heter Ingrid", "name"),
        ("Ingrid Nilsen was kind to me", "name"),
        ("fødselsnummer 01017012345", "national_id"),
        ("010170 12345", "national_id"),
    ],
)
def test_identifying_details_are_found(text, kind):
    assert kind in [finding.key for finding in find_identifying_details(text)]


@pytest.mark.parametrize(
    "text",
    ["I walked 5 km on 12 May.", "Thank you, Anne. It helped.", "Two days, 3 pills, 2024 was hard."],
)
def test_ordinary_text_is_not_flagged(text):
    assert find_identifying_details(text) == []
