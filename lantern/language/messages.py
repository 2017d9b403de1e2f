"""What a writer is told after saving text the practice-language check found phrases in (AP4).
The hint while writing (static/lantern/language-check.js) uses the same words."""

from django.contrib import messages


def language_messages(request, matches) -> None:
    """One warning message per minimising phrase found, with why it is a concern."""
    seen = set()
    for match in matches or ():
        if match.phrase in seen:
            continue
        seen.add(match.phrase)
        text = f"Practice language: “{match.phrase}” — {match.reason}"
        if match.suggestion:
            text += f" {match.suggestion}"
        messages.warning(request, text)
