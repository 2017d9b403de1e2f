import datetime

from lantern.child_protection.presenters import due_tag, subsequent_line

D = datetime.date


def test_due_tag():
    today = D(2025, 5, 6)
    assert due_tag(D(2025, 5, 6), D(2025, 5, 6)).text == "Held in time"
    assert due_tag(D(2025, 5, 6), D(2025, 5, 7)).text == "Held late"
    assert due_tag(D(2025, 5, 5), None, today).colour == "red"
    assert due_tag(D(2025, 5, 6), None, today).text == "Due"
    assert due_tag(None, None, today) is None


def test_subsequent_line_names_the_plan_and_the_census_item():
    assert subsequent_line(0) == ""
    assert subsequent_line(1).startswith("Second child protection plan: the child has had 1")
    assert "NumberOfPreviousCPP 2" in subsequent_line(2)
    assert subsequent_line(5).startswith("6th")
