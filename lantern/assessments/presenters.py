"""How an assessment is shown: its timescale (from the engine only), status tag and the
child's recorded identity beside the identity section."""

import datetime
from dataclasses import dataclass

from lantern.assessments.models import Assessment
from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.engine import Timescale, assess

RULE = "assessment_complete"  # 45 working days from the referral date to authorisation


def assessment_timescale(
    assessment: Assessment,
    *,
    referral_date: datetime.date | None = None,
    today: datetime.date | None = None,
    calendar: WorkingDayCalendar | None = None,
) -> Timescale:
    """When the assessment is due (45 working days from the referral date) and whether it was
    or is being completed in time; complete means authorised. Lists pass one calendar, and the
    referral date when they fetched it without the referral."""
    start = referral_date or assessment.referral.referral_date
    return assess(RULE, start, done_on=assessment.authorised_on, today=today, calendar=calendar)


@dataclass(frozen=True)
class Tag:
    text: str
    colour: str


STATUS_COLOURS = {
    Assessment.Status.DRAFT: "grey",
    Assessment.Status.SUBMITTED: "yellow",
    Assessment.Status.AUTHORISED: "green",
}


def status_tag(assessment: Assessment) -> Tag:
    return Tag(assessment.get_status_display(), STATUS_COLOURS[assessment.status])


def identity_rows(person, disabilities) -> list[dict]:
    """What the child's record says about their identity (AP5), for the summary list shown
    beside the assessment's identity section. `disabilities` are the person's PersonDisability
    rows, fetched by the caller."""
    not_recorded = "Not recorded on the child's record"
    language = person.first_language or not_recorded
    if person.first_language and person.interpreter_needed:
        language += " (needs an interpreter)"
    return [
        {"key": "Ethnicity", "value": person.get_ethnicity_display()},
        {"key": "First language", "value": language},
        {"key": "Religion", "value": person.religion or not_recorded},
        {
            "key": "Disability",
            "value": ", ".join(str(d) for d in disabilities) or not_recorded,
        },
        {"key": "Gender identity", "value": person.gender_identity or not_recorded},
        {"key": "Sex", "value": person.get_sex_display()},
    ]
