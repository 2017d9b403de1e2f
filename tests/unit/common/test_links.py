"""pk_url gives what reverse() gives, under any script prefix."""

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from lantern.common.links import pk_url

ROUTES = ["people:record", "plans:plan", "assessments:edit", "child_protection:icpc_record"]


@pytest.mark.parametrize("name", ROUTES)
@pytest.mark.parametrize("pk", [1, 42, 987654321, 10**12])
def test_the_same_url_as_reverse(name, pk):
    assert pk_url(name, pk) == reverse(name, args=[pk])


def test_a_script_prefix_is_kept():
    set_script_prefix("/lantern/")
    try:
        assert pk_url("people:record", 7) == reverse("people:record", args=[7])
        assert pk_url("people:record", 7).startswith("/lantern/")
    finally:
        clear_script_prefix()
    assert not pk_url("people:record", 7).startswith("/lantern/")


def test_only_an_integer_key_goes_in():
    with pytest.raises(ValueError):
        pk_url("people:record", "7/../../admin")
