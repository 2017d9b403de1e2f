"""What every journey does to a page: visit it, submit a form, sign in, and scan with axe-core.

Every page a journey reaches must be scanned (WCAG 2.2 AA tags, zero violations): navigate with
`visit()`; after a click that loads a new page call `assert_accessible()` (`submit()` does both).
"""

from pathlib import Path

import pytest

AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct-horse-battery"  # what tests.factories.UserFactory sets


def assert_accessible(page) -> None:
    """Run axe-core on the page as it is now; fail listing every WCAG 2.2 AA violation."""
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    violations = result["violations"]
    if violations:
        lines = [f"{len(violations)} accessibility violation(s) on {page.url}:"]
        for v in violations:
            targets = [", ".join(map(str, node["target"])) for node in v["nodes"][:3]]
            more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']} — {targets}{more}")
        pytest.fail("\n".join(lines), pytrace=False)
    page.lantern_scanned.add(len(page.lantern_loads))


def visit(page, path: str, *, status: int = 200):
    """Go to a path on the live server, check the status, and scan the page with axe."""
    response = page.goto(path)
    assert response is not None and response.status == status, (
        f"{path}: expected {status}, got {response and response.status}"
    )
    assert_accessible(page)
    return response


def submit(page, button_name: str):
    """Press a form's button, wait for the next page and scan it."""
    with page.expect_navigation():
        page.get_by_role("button", name=button_name, exact=True).click()
    assert_accessible(page)


def login(page, user, password: str = PASSWORD) -> None:
    """Sign in through the real form (django-axes is in the way, as in production)."""
    visit(page, "/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    submit(page, "Sign in")
    assert "/accounts/login/" not in page.url, f"sign-in failed for {user.username}"


def logout(page) -> None:
    submit(page, "Sign out")
