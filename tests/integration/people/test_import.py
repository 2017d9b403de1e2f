import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from lantern.people.models import Person
from lantern.people.services.imports import people_import_csv

pytestmark = pytest.mark.django_db
HEADER = "person_id,first_name,last_name,date_of_birth,sex,postcode,address,nhs_number\n"


def test_import_creates_rejects_and_reports_duplicates(person_maker, social_worker):
    person_maker(
        first_name="William",
        last_name="Smith",
        date_of_birth=datetime.date(2012, 7, 14),
        address={"line1": "4 Freeman Street", "postcode": "DN32 7AB"},
    )
    text = HEADER + (
        "LEG1,Olivia,Brown,2016-02-03,F,DN31 1AA,1 High Street,9434765919\n"
        "LEG2,Noah,,2016-02-03,M,,,\n"
        "LEG3,Ava,Green,2016-13-40,F,,,\n"
        "LEG4,Bill,Smith,2012-07-14,M,dn327ab,4 Freeman Street,\n"
        "LEG5,Mia,White,2017-01-01,X,ZZ1,Somewhere,1234567890\n"
        "LEG1,Olivia,Brown,2016-02-03,F,,,\n"
    )
    report = people_import_csv(by=social_worker, text=text)
    assert [r.person_id for r in report.created] == ["LEG1"]
    rejected = {r.person_id: r.reasons for r in report.rejected}
    assert any("last_name" in r for r in rejected["LEG2"])
    assert any("date_of_birth" in r for r in rejected["LEG3"])
    assert {"sex: use M, F or U", "postcode: enter a real UK postcode"} <= set(rejected["LEG5"])
    assert any("appears twice" in r for r in rejected["LEG1"])
    assert [r.person_id for r in report.duplicates] == ["LEG4"]
    assert not Person.objects.filter(person_id__in=["LEG2", "LEG3", "LEG4", "LEG5"]).exists()
    olivia = Person.objects.get(person_id="LEG1")
    assert olivia.addresses.get().postcode == "DN31 1AA"


def test_import_refuses_a_file_without_required_columns(social_worker):
    report = people_import_csv(by=social_worker, text="id,name\n1,x\n")
    assert report.file_errors and not report.rows


def test_import_command(tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_text(HEADER + "LEG9,Isla,Cole,2019-05-05,F,DN35 8AA,2 Sea View,\n")
    call_command("import_people", str(path))
    assert "1 created, 0 rejected" in capsys.readouterr().out
    assert Person.objects.filter(person_id="LEG9").exists()


def test_import_page_for_administrators(client, user_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(user_for("administrator"))
    upload = SimpleUploadedFile("p.csv", (HEADER + "LEG7,Ruby,Hill,2018-08-08,F,,,\n").encode())
    page = client.post(reverse("people:import"), {"file": upload}).content.decode()
    assert "1 imported" in page


def test_create_person_page_warns_of_likely_match(client, person_maker, social_worker):
    person_maker(first_name="William", last_name="Smith", date_of_birth=datetime.date(2012, 7, 14))
    client.force_login(social_worker)
    data = {
        "first_name": "Bill",
        "last_name": "Smith",
        "date_of_birth": "14/07/2012",
        "sex": "M",
        "ethnicity": "NOBT",
    }
    page = client.post(reverse("people:create"), data).content.decode()
    assert "This person may already be known" in page
    assert Person.objects.filter(last_name="Smith").count() == 1
    response = client.post(reverse("people:create"), {**data, "confirm_new": "on"})
    assert response.status_code == 302
    assert Person.objects.filter(last_name="Smith").count() == 2


def test_create_person_page_keeps_what_was_typed_on_error(client, social_worker):
    client.force_login(social_worker)
    page = client.post(
        reverse("people:create"),
        {
            "first_name": "Keep",
            "last_name": "",
            "date_of_birth": "31/02/2015",
            "sex": "F",
            "ethnicity": "NOBT",
        },
    ).content.decode()
    assert "govuk-error-summary" in page and 'value="Keep"' in page
    assert "Enter the person&#x27;s last name" in page or "Enter the person's last name" in page
