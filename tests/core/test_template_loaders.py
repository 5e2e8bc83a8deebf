"""HTML templates lose their indentation when loaded, but never where whitespace is content."""

from reconnect.core.template_loaders import strip_indentation


def test_indentation_and_control_only_lines_go():
    source = "<ul>\n  {% for x in xs %}\n    <li>{{ x }}</li>\n  {% endfor %}\n</ul>\n"
    assert strip_indentation(source) == "<ul>\n{% for x in xs %}<li>{{ x }}</li>\n{% endfor %}</ul>\n"


def test_pre_textarea_and_translation_blocks_stay_as_written():
    kept = [
        "<pre>\n    code\n  more\n</pre>",
        "<textarea name='body'>\n  {{ value }}\n</textarea>",
        "{% blocktranslate %}\n    Two lines\n    of text{% endblocktranslate %}",
    ]
    for block in kept:
        assert block in strip_indentation(f"<div>\n    {block} ·\n    <p>x</p>\n</div>")


def test_words_on_separate_lines_stay_apart():
    assert strip_indentation("<p>\n    one\n    two\n</p>") == "<p>\none\ntwo\n</p>"
