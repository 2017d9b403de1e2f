"""SSDA903 code lists for children looked after (shared/domain.md §3.4), stored as the return
needs them, with the rules about them that are plain data: which placement types a collection
year accepts, which take a provider, a URN or a carer.

Descriptions of Z11–Z14 are not confirmed (domain.md §8 item 1): the labels say so until the
DfE "Children looked after return 2025 to 2026: guide" is checked.
"""

import datetime

from django.db import models

from lantern.front_door.codes import PrimaryNeed


class LegalStatusCode(models.TextChoices):
    """903 LS."""

    C1 = "C1", "Interim care order (section 38)"
    C2 = "C2", "Full care order (section 31)"
    D1 = "D1", "Freeing order granted"
    E1 = "E1", "Placement order granted"
    V2 = "V2", "Single period of accommodation under section 20"
    V3 = "V3", "Agreed series of short-term breaks, when individual episodes are recorded"
    V4 = "V4", "Agreed series of short-term breaks, when agreements are recorded"
    L1 = "L1", "Under police protection and in local authority accommodation"
    L2 = "L2", "Emergency protection order"
    L3 = "L3", "Under child assessment order and in local authority accommodation"
    J1 = "J1", "Remanded to local authority accommodation or youth detention accommodation"
    J2 = "J2", "Placed in local authority accommodation under PACE 1984"
    J3 = "J3", "Sentenced to a youth rehabilitation order with residence or intensive fostering"


# Short breaks: the 903 wants no placement postcode or URN on their episodes (rule 214).
SHORT_BREAK_STATUSES = frozenset({"V3", "V4"})


class NewEpisodeReason(models.TextChoices):
    """903 RNE."""

    S = "S", "Started to be looked after"
    L = "L", "Change of legal status only"
    P = "P", "Change of placement and carer(s) only"
    T = "T", "Change of placement (but same carer(s)) only"
    B = "B", "Change of legal status and placement and carer(s) at the same time"
    U = "U", "Change of legal status and change of placement (but same carer(s)) at the same time"


class PlacementType(models.TextChoices):
    """903 PLACE (XML tag PL), every code of every collection year since 2022-23; which a year
    accepts is `place_codes_for`."""

    A3 = "A3", "Placed for adoption with consent with current foster carer(s)"
    A4 = "A4", "Placed for adoption with consent not with current foster carer(s)"
    A5 = "A5", "Placed for adoption with a placement order with current foster carer(s)"
    A6 = "A6", "Placed for adoption with a placement order not with current foster carer(s)"
    H5 = "H5", "Semi-independent living accommodation not subject to children's homes regulations"
    K1 = "K1", "Secure children's home"
    K2 = "K2", "Children's home subject to Children's Homes Regulations"
    K3 = "K3", "Registered supported accommodation (16 and 17 year olds)"
    P1 = "P1", "Placed with own parent(s) or other person(s) with parental responsibility"
    P2 = "P2", "Independent living (flat, lodgings, bedsit, B&B or with friends)"
    P3 = "P3", "Residential employment"
    R1 = "R1", "Residential care home"
    R2 = "R2", "NHS or health trust, or other establishment providing medical or nursing care"
    R3 = "R3", "Family centre or mother and baby unit"
    R5 = "R5", "Young offender institution"
    S1 = "S1", "Residential school (not dual-registered as a children's home)"
    T0 = "T0", "Temporary move of any type"
    T1 = "T1", "Temporary period in hospital"
    T2 = "T2", "Temporary absence of the child on holiday"
    T3 = "T3", "Temporary accommodation while normal foster carer(s) on holiday"
    T4 = "T4", "Temporary accommodation of 7 days or less, for any other reason"
    U1 = "U1", "Foster placement with relative(s) or friend(s): long-term fostering"
    U2 = "U2", "Fostering with relative(s) or friend(s) who are also approved adopters"
    U3 = "U3", "Fostering with relative(s) or friend(s): not long-term or fostering for adoption"
    U4 = "U4", "Foster placement with other foster carer(s): long-term fostering"
    U5 = "U5", "Foster placement with other foster carer(s) who are also approved adopters"
    U6 = "U6", "Foster placement with other foster carer(s): not long-term or for adoption"
    Z1 = "Z1", "Other placement (listed on a schedule sent to DfE)"
    Z11 = "Z11", "Other placement Z11 (from 2025-26; description to be confirmed)"
    Z12 = "Z12", "Other placement Z12 (from 2025-26; description to be confirmed)"
    Z13 = "Z13", "Other placement Z13 (from 2025-26; description to be confirmed)"
    Z14 = "Z14", "Other placement Z14 (from 2025-26; description to be confirmed)"


TEMPORARY_PLACES = frozenset({"T0", "T1", "T2", "T3", "T4"})
# The placement types of 2022-23 and 2023-24, and what each later collection year (by the
# year it ends) adds and removes.
_PLACES_2023 = frozenset(
    {"A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1"}
    | TEMPORARY_PLACES
    | {"U1", "U2", "U3", "U4", "U5", "U6", "Z1"}
)
PLACE_CHANGES: tuple[tuple[int, frozenset[str], frozenset[str]], ...] = (
    (2025, frozenset({"K3"}), frozenset()),
    (2026, frozenset({"Z11", "Z12", "Z13", "Z14"}), frozenset({"H5", "P2", "Z1"})),
)
# P2 became invalid part way through 2023-24 (rule 217).
P2_LAST_DAY = datetime.date(2023, 10, 27)


def place_codes_for(year_end: int) -> frozenset[str]:
    """The placement types the collection year ending on 31 March `year_end` accepts
    (2025 is 2024-25). Years before 2022-23 get the 2022-23 list."""
    codes = set(_PLACES_2023)
    for year, added, removed in PLACE_CHANGES:
        if year_end >= year:
            codes |= added
            codes -= removed
    return frozenset(codes)


def collection_year_end(day: datetime.date) -> int:
    """The year whose 31 March ends the collection year holding `day`."""
    return day.year + 1 if day.month >= 4 else day.year


def place_codes_on(day: datetime.date) -> frozenset[str]:
    """The placement types a placement starting on `day` may have."""
    codes = place_codes_for(collection_year_end(day))
    if day > P2_LAST_DAY:
        codes -= {"P2"}
    return codes


class PlacementProvider(models.TextChoices):
    """903 PLACE_PROVIDER."""

    PR0 = "PR0", "Parent(s) or other person(s) with parental responsibility"
    PR1 = "PR1", "Own provision by the local authority"
    PR2 = "PR2", "Other local authority provision"
    PR3 = "PR3", "Other public provision (for example, the NHS)"
    PR4 = "PR4", "Private provision"
    PR5 = "PR5", "Voluntary or third sector provision"


# Placement types with no placement provider (rule 178, 2025-26 onwards).
PLACES_WITHOUT_PROVIDER = frozenset({"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"})
# Providers a placement type cannot have (rules 527-531 and 550): PR0 goes only with P1.
_PROVIDERS_NOT_WITH: dict[str, frozenset[str]] = {
    "PR1": frozenset({"P1", "R2", "R5"}),
    "PR2": frozenset({"P1", "R2", "R5"}),
    "PR3": frozenset(
        {"P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"}
    ),
    "PR4": frozenset({"P1"}),
    "PR5": frozenset({"P1"}),
}


def provider_allowed(place: str, provider: str) -> bool:
    """Whether a placement of type `place` may have `provider` ("" for none)."""
    if place in PLACES_WITHOUT_PROVIDER:
        return provider == ""
    if provider == "PR0":
        return place == "P1"
    return provider in _PROVIDERS_NOT_WITH and place not in _PROVIDERS_NOT_WITH[provider]


# Placement types that never have an Ofsted URN (rule 222).
PLACES_WITHOUT_URN = frozenset(
    {"P1", "P3", "R1", "R2", "R5", "Z11", "Z12", "Z13", "Z14"} | TEMPORARY_PLACES
)
# Placement types where there may be no carer to record: temporary moves, hospital, custody,
# independent living, residential employment and "other" placements. Every other placement
# is with a carer (foster carers, adopters, parents, a home or provider).
PLACES_WITHOUT_CARER = frozenset(
    {"P2", "P3", "R2", "R5", "Z1", "Z11", "Z12", "Z13", "Z14"} | TEMPORARY_PLACES
)


class ReasonCeased(models.TextChoices):
    """903 REC."""

    X1 = "X1", "Episode ceases and new episode begins on the same day, for any reason"
    E11 = "E11", "Adopted: application for an adoption order unopposed"
    E12 = "E12", "Adopted: consent dispensed with by the court"
    E13 = "E13", "Left care to live with parent(s), relative(s) or other person(s) with no PR"
    E14 = "E14", "Accommodation on remand ended"
    E15 = "E15", "Age assessment determined the child is aged 18 or over"
    E16 = "E16", "Child moved abroad"
    E17 = "E17", "Aged 18 (or over) and remained with current carers (including staying put)"
    E2 = "E2", "Died"
    E3 = "E3", "Care taken over by another local authority in the UK"
    E4A = "E4A", "Returned home to parent(s) or other person(s) with PR, as part of care planning"
    E4B = "E4B", "Returned home to parent(s) or other person(s) with PR, not as planned"
    E41 = "E41", "Residence order or child arrangements order granted"
    E45 = "E45", "Special guardianship order made to former foster carer(s): relatives or friends"
    E46 = "E46", "Special guardianship order made to former foster carer(s): not relatives"
    E47 = "E47", "Special guardianship order made to other carer(s): relatives or friends"
    E48 = "E48", "Special guardianship order made to other carer(s): not relatives or friends"
    E5 = "E5", "Moved into independent living with supportive accommodation"
    E6 = "E6", "Moved into independent living with no formalised support"
    E7 = "E7", "Transferred to residential care funded by adult social care"
    E8 = "E8", "Period of being looked after ceased for any other reason"
    E9 = "E9", "Sentenced to custody"


class ReasonPlaceChange(models.TextChoices):
    """903 REASON_PLACE_CHANGE: on the episode that ends a placement by a change of placement
    (rule 225), never for temporary placements (226)."""

    CARPL = "CARPL", "Change to or implementation of the care plan"
    CLOSE = "CLOSE", "Resignation or closure of provision"
    ALLEG = "ALLEG", "Allegation (section 47)"
    STAND = "STAND", "Standards of care concern"
    APPRR = "APPRR", "Approval removed"
    CREQB = "CREQB", "Carer(s) requested the placement end because of the child's behaviour"
    CREQO = "CREQO", "Carer(s) requested the placement end for other reasons"
    CHILD = "CHILD", "Child requested the placement end"
    LAREQ = "LAREQ", "Responsible or area authority requested the placement end"
    PLACE = "PLACE", "Change in the status of the placement only"
    CUSTOD = "CUSTOD", "Custody arrangement"
    OTHER = "OTHER", "Other reasons"


# 903 CIN: the category of need N1-N8 (the CIN census list without N9 and N0), with the
# census's own labels.
CATEGORY_OF_NEED: list[tuple[str, str]] = [
    (code.value, code.label) for code in PrimaryNeed if code.value not in ("N9", "N0")
]
CATEGORY_OF_NEED_CODES = frozenset(code for code, _label in CATEGORY_OF_NEED)


class CarerKind(models.TextChoices):
    """Who a child in care lives with (Lantern's own list; the 903 has no carer code)."""

    LA_FOSTER = "la_foster", "Local authority foster carer(s)"
    AGENCY_FOSTER = "agency_foster", "Agency foster carer(s)"
    CONNECTED = "connected", "Connected person(s) (relatives or friends)"
    RESIDENTIAL = "residential", "Children's home or other residential provider"
    PARENT = "parent", "Parent(s) or person with parental responsibility"
    OTHER = "other", "Other"


class ReviewParticipation(models.TextChoices):
    """How the child took part in a looked-after review (903 REVIEW_CODE)."""

    PN0 = "PN0", "Child aged under 4 at the time of the review"
    PN1 = "PN1", "Child physically attends and speaks for themselves"
    PN2 = "PN2", "Child physically attends and an advocate speaks on their behalf"
    PN3 = "PN3", "Child attends and conveys their views symbolically (non-verbally)"
    PN4 = "PN4", "Child physically attends but does not contribute"
    PN5 = (
        "PN5",
        "Child does not attend but briefs an advocate (including the IRO) to speak for them",
    )
    PN6 = (
        "PN6",
        (
            "Child does not attend but conveys their feelings through a facilitative medium "
            "(text, writing, phone, audio or video, Viewpoint)"
        ),
    )
    PN7 = "PN7", "Child does not attend nor are their views conveyed"


class PermanenceKind(models.TextChoices):
    """The plan for where and with whom the child will grow up (Annex A List 8: "What is the
    permanence plan for this child?")."""

    REUNIFICATION = "reunification", "Return to parents (reunification)"
    KINSHIP_SGO = "kinship_sgo", "Kinship care or special guardianship order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order"
    ADOPTION = "adoption", "Adoption"
    LONG_TERM_FOSTERING = "long_term_fostering", "Long-term fostering"
    RESIDENTIAL = "residential", "Residential care"
    OTHER = "other", "Other"


# Plans of these kinds carry a support plan for after the order and a contingency plan (PM4).
PERMANENCE_NEEDS_SUPPORT = frozenset({PermanenceKind.REUNIFICATION, PermanenceKind.KINSHIP_SGO})
