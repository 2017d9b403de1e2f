"""Code lists of the front door: DfE CIN census codes (shared/domain.md §2.4) stored as the
returns need them, and Lantern's own lists for what the census does not code."""

from django.db import models


class ReferralSource(models.TextChoices):
    """CIN census ReferralSource (also Annex A contact and referral source)."""

    S1A = "1A", "Individual – family member, relative or carer"
    S1B = "1B", "Individual – acquaintance (including neighbours and child minders)"
    S1C = "1C", "Individual – self"
    S1D = "1D", "Individual – other (including strangers, MPs)"
    S2A = "2A", "Schools"
    S2B = "2B", "Education services"
    S3A = "3A", "Health services – GP"
    S3B = "3B", "Health services – health visitor"
    S3C = "3C", "Health services – school nurse"
    S3D = "3D", "Health services – other primary health services"
    S3E = "3E", "Health services – A&E"
    S3F = "3F", "Health services – other (e.g. hospice)"
    S4 = "4", "Housing – LA housing or housing association"
    S5A = "5A", "LA services – social care (e.g. adult social care)"
    S5B = "5B", "LA services – other internal (e.g. youth offending)"
    S5C = "5C", "LA services – external, another LA's services"
    S5D = "5D", "LA services – early help"
    S6 = "6", "Police"
    S7 = "7", "Other legal agency – courts, probation, immigration, Cafcass, prison"
    S8 = "8", "Other – children's centres, independent agencies, voluntary organisations"
    S9 = "9", "Anonymous"
    S10 = "10", "Unknown"


def agency_group(source: str) -> str:
    """The agency a referral source belongs to, for per-agency figures: '2A' → 'Education'."""
    return _AGENCY_GROUPS.get(source[:1] if source not in ("10",) else "10", "Other")


_AGENCY_GROUPS = {
    "1": "Individuals",
    "2": "Education",
    "3": "Health",
    "4": "Housing",
    "5": "Local authority services",
    "6": "Police",
    "7": "Other legal agency",
    "8": "Other agencies",
    "9": "Anonymous",
    "10": "Unknown",
}


class PrimaryNeed(models.TextChoices):
    """CIN census PrimaryNeedCode (category of need)."""

    N1 = "N1", "Abuse or neglect"
    N2 = "N2", "Child's disability"
    N3 = "N3", "Parental illness or disability"
    N4 = "N4", "Family in acute stress"
    N5 = "N5", "Family dysfunction"
    N6 = "N6", "Socially unacceptable behaviour"
    N7 = "N7", "Low income"
    N8 = "N8", "Absent parenting"
    N9 = "N9", "Cases other than children in need"
    N0 = "N0", "Not stated"


class ReasonForClosure(models.TextChoices):
    """CIN census ReasonForClosure."""

    RC1 = "RC1", "Adopted"
    RC2 = "RC2", "Died"
    RC3 = "RC3", "Child arrangements order"
    RC4 = "RC4", "Special guardianship order"
    RC5 = "RC5", "Transferred to services of another local authority"
    RC6 = "RC6", "Transferred to adult social care services"
    RC7 = "RC7", "Services ceased for any other reason, including child no longer in need"
    RC8 = "RC8", "Case closed after assessment, no further action"
    RC9 = "RC9", "Case closed after assessment, referred to early help"


class Channel(models.TextChoices):
    PHONE = "phone", "Phone call"
    EMAIL = "email", "Email"
    FORM = "form", "Multi-agency referral form (online)"
    API = "api", "Partner system (API)"
    IN_PERSON = "in_person", "In person"
    LETTER = "letter", "Letter"


class ConcernCategory(models.TextChoices):
    NEGLECT = "neglect", "Neglect"
    PHYSICAL = "physical", "Physical abuse"
    SEXUAL = "sexual", "Sexual abuse"
    EMOTIONAL = "emotional", "Emotional abuse"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    SUBSTANCE = "substance", "Parental substance misuse"
    MENTAL_HEALTH = "mental_health", "Mental health (child or parent)"
    CSE = "cse", "Child sexual exploitation"
    CCE = "cce", "Child criminal exploitation (including county lines)"
    TRAFFICKING = "trafficking", "Trafficking or modern slavery"
    MISSING = "missing", "Going missing"
    SELF_HARM = "self_harm", "Self-harm"
    BEHAVIOUR = "behaviour", "Child's behaviour"
    DISABILITY = "disability", "Child's disability or health"
    HOUSING = "housing", "Housing or homelessness"
    FGM = "fgm", "Female genital mutilation"
    RADICALISATION = "radicalisation", "Radicalisation"
    OTHER = "other", "Other"


EXPLOITATION_CATEGORIES = {ConcernCategory.CSE, ConcernCategory.CCE, ConcernCategory.TRAFFICKING}


class Consent(models.TextChoices):
    GIVEN = "given", "Sought and given"
    REFUSED = "refused", "Sought and refused"
    NOT_SOUGHT = "not_sought", "Not sought"


class ConsentNotSoughtReason(models.TextChoices):
    SAFEGUARDING = "safeguarding", "Safeguarding concern overrides consent"
    RISK = "risk", "Seeking consent would put the child or others at risk"
    CRIME = "crime", "Seeking consent could prejudice a criminal investigation"
    UNABLE = "unable", "Could not contact the parents or carers"
    OTHER = "other", "Other reason"


class ThresholdLevel(models.IntegerChoices):
    """Default names; the local threshold document's own names and descriptors are data
    (front_door.Threshold), edited by an administrator."""

    UNIVERSAL = 1, "Universal"
    EARLY_HELP = 2, "Early help"
    CHILD_IN_NEED = 3, "Children in need"
    CHILD_PROTECTION = 4, "Child protection"


class Outcome(models.TextChoices):
    """What the front door decides for a child on a contact."""

    NFA = "nfa", "No further action"
    ADVICE = "advice", "Information and advice"
    EARLY_HELP = "early_help", "Step down to early help"
    ASSESSMENT = "assessment", "Referral to children's social care for assessment"
    STRATEGY = "strategy", "Strategy discussion"


# Outcomes that end the front door's involvement without a referral (FD8 checks apply).
CLOSING_OUTCOMES = {Outcome.NFA, Outcome.ADVICE, Outcome.EARLY_HELP}
REFERRAL_OUTCOMES = {Outcome.ASSESSMENT, Outcome.STRATEGY}


class Agency(models.TextChoices):
    """Agencies at strategy discussions and multi-agency meetings."""

    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education (school or nursery)"
    REFERRER = "referrer", "Referring agency"
    SOCIAL_CARE = "social_care", "Children's social care"
    EARLY_HELP = "early_help", "Early help"
    PROBATION = "probation", "Probation"
    YOUTH_JUSTICE = "youth_justice", "Youth justice"
    HOUSING = "housing", "Housing"
    ADULT_SERVICES = "adult_services", "Adult mental health, substance misuse or DA service"
    OTHER = "other", "Other"


# Working Together 2023: police and health as a minimum, with the referrer or the child's
# education setting (finding CP1).
KEY_AGENCIES = (Agency.POLICE, Agency.HEALTH)
EDUCATION_OR_REFERRER = (Agency.EDUCATION, Agency.REFERRER)


class StrategyDecision(models.TextChoices):
    S47 = "s47", "Section 47 enquiry"
    NO_S47 = "no_s47", "No section 47 enquiry: continue assessment under section 17"
    NFA = "nfa", "No further action"


class Section47Outcome(models.TextChoices):
    NFA = "nfa", "No further action"
    CONTINUE_ASSESSMENT = "continue_assessment", "Continue assessment (no conference)"
    ICPC = "icpc", "Convene an initial child protection conference"


class ExploitationRisk(models.TextChoices):
    NONE = "none", "No indicators of exploitation"
    EMERGING = "emerging", "Emerging risk"
    MODERATE = "moderate", "Moderate risk"
    SIGNIFICANT = "significant", "Significant risk"


AT_RISK = {ExploitationRisk.MODERATE, ExploitationRisk.SIGNIFICANT}


class ExploitationIndicator(models.TextChoices):
    """The screening tool's indicators, grouped by the form of exploitation (domain.md §6.3)."""

    # Child sexual exploitation
    CSE_OLDER_PARTNER = "cse_older_partner", "Relationship with a significantly older person"
    CSE_GIFTS = "cse_gifts", "Unexplained gifts, money, phones or clothes"
    CSE_ONLINE = "cse_online", "Sharing or asked to share sexual images online"
    CSE_STI = "cse_sti", "Sexually transmitted infection, pregnancy or termination"
    # Child criminal exploitation
    CCE_CASH = "cce_cash", "Unexplained money, drugs or more than one phone"
    CCE_ASSOCIATES = "cce_associates", "Associating with older peers or known offenders"
    CCE_ARRESTS = "cce_arrests", "Arrests, or found in possession of drugs or weapons"
    CCE_INJURY = "cce_injury", "Unexplained injuries"
    # County lines
    CL_TRAVEL = "cl_travel", "Found out of area, or train tickets with no explanation"
    CL_TRAP_HOUSE = "cl_trap_house", "Links to an address used for dealing (cuckooing)"
    # Trafficking
    TR_CONTROL = "tr_control", "Controlled by someone else, documents held by others"
    TR_ARRIVAL = "tr_arrival", "Arrived in the UK recently without a parent"
    # Across all forms
    MISSING = "missing", "Going missing from home, care or school"
    SCHOOL = "school", "Excluded from or not attending school"
    SUBSTANCES = "substances", "Using drugs or alcohol"


INDICATOR_FORMS = {
    "Child sexual exploitation": ["cse_older_partner", "cse_gifts", "cse_online", "cse_sti"],
    "Child criminal exploitation": ["cce_cash", "cce_associates", "cce_arrests", "cce_injury"],
    "County lines": ["cl_travel", "cl_trap_house"],
    "Trafficking": ["tr_control", "tr_arrival"],
    "Across all forms": ["missing", "school", "substances"],
}
