"""Template loaders that drop the indentation of HTML templates when they are loaded.

Templates are indented for people to read; browsers do not need the indentation, and on a long
page (a thread of twenty posts) it was more than a fifth of the bytes. The cached loader keeps the
result, so the work is done once per template, not per request.

What is kept exactly as written: `<pre>` and `<textarea>` elements (whitespace shows there),
`{% blocktranslate %}` blocks (their text is the message id the translations are looked up by)
and `{% verbatim %}` blocks. Elsewhere each line loses its leading spaces and tabs, and a line that
holds only control tags (`{% if %}`, `{% for %}`, `{% endif %}`…) or a `{# comment #}` also loses its line break, so
that it leaves no empty line in the page, and a partial (`_name.html`) loses its last line break.
A line break still separates text from text, so no two words run together. Only `.html`
templates are touched: plain-text emails keep their layout.
"""

import re

from django.template.loaders import app_directories, filesystem

_KEPT = re.compile(
    r"({%-?\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}"
    r"|{%\s*verbatim\s*%}.*?{%\s*endverbatim\s*%}"
    r"|<pre\b.*?</pre>"
    r"|<textarea\b.*?</textarea>)",
    re.DOTALL | re.IGNORECASE,
)
# After a line break only: a region after a kept block may begin with a space that matters.
_INDENT = re.compile(r"(?<=\n)[ \t]+")
_CONTROL = (
    r"(?:{%\s*(?:load|if|elif|else|endif|for|empty|endfor|with|endwith|block|endblock|extends|comment|endcomment)"
    r"\b[^%]*%}|{#.*?#})"
)
_CONTROL_LINE = re.compile(rf"(?<=\n)((?:{_CONTROL}[ \t]*)+)\n")
_BLANK_LINES = re.compile(r"\n{2,}")


def strip_indentation(source: str) -> str:
    parts = _KEPT.split(source)
    # With one group in the pattern, the kept regions are at the odd indices.
    for index in range(0, len(parts), 2):
        text = _INDENT.sub("", parts[index])
        text = _CONTROL_LINE.sub(r"\1", text)
        parts[index] = _BLANK_LINES.sub("\n", text)
    return "".join(parts)


class _Stripping:
    def get_contents(self, origin) -> str:
        contents = super().get_contents(origin)  # type: ignore[misc]
        name = str(origin.name)
        if not name.endswith(".html"):
            return contents
        contents = strip_indentation(contents)
        # A partial (`_name.html`) is included on a line of its own, which brings its own line break.
        return contents.removesuffix("\n") if name.rsplit("/", 1)[-1].startswith("_") else contents


class FilesystemLoader(_Stripping, filesystem.Loader):
    pass


class AppDirectoriesLoader(_Stripping, app_directories.Loader):
    pass
