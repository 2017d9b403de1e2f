"""Words for the synthetic front door: who refers, what they say, and what the front door writes.

Small banks of realistic text, filled in by lantern/synthetic/front_door_plan.py. Every name and
organisation is invented; phone numbers are in Ofcom's drama range (01632 960xxx) and email
addresses use .example domains, so none can reach anyone.
"""

# --- Who refers ----------------------------------------------------------------------------

# CIN ReferralSource code, weight (per cent of contacts; domain.md §5.1: police 28%, schools 21%).
SOURCES: list[tuple[str, float]] = [
    ("6", 30),
    ("2A", 20),
    ("2B", 2),
    ("3A", 3),
    ("3B", 4),
    ("3C", 1),
    ("3D", 2),
    ("3E", 3),
    ("3F", 2),
    ("1A", 6),
    ("1B", 2),
    ("1C", 1),
    ("1D", 1),
    ("4", 3),
    ("5A", 3),
    ("5B", 2),
    ("5C", 2),
    ("5D", 4),
    ("7", 2),
    ("8", 4),
    ("9", 3),
    ("10", 1),
]

# Sources whose contacts arrive at any hour (the rest mostly in office hours on working days).
OUT_OF_HOURS = {"6": 0.45, "3E": 0.5, "1A": 0.3, "1B": 0.3, "1C": 0.3, "1D": 0.2, "9": 0.35}

# source → [(channel, weight)]
CHANNELS: dict[str, list[tuple[str, float]]] = {
    "6": [("api", 45), ("email", 35), ("phone", 20)],
    "2A": [("form", 55), ("phone", 35), ("email", 10)],
    "2B": [("form", 50), ("email", 30), ("phone", 20)],
    "3": [("form", 40), ("phone", 45), ("email", 15)],
    "1": [("phone", 85), ("in_person", 10), ("letter", 5)],
    "9": [("phone", 90), ("letter", 10)],
    "10": [("phone", 60), ("email", 40)],
    "other": [("form", 40), ("phone", 35), ("email", 25)],
}

SCHOOLS = [
    "Freshney Vale Primary Academy",
    "Laceby Road Primary School",
    "Humber View Academy",
    "St Mary's Catholic Primary (Grimsby)",
    "Cleethorpes Seafront Primary",
    "Old Clee Junior School",
    "Waltham Toll Bar Academy",
    "Immingham Westside Primary",
    "Scartho Park Infant School",
    "Nunsthorpe Community Academy",
    "East Marsh Primary Academy",
    "Grimsby Western Academy",
    "Healing Road Secondary Academy",
    "Cleethorpes Carr Lane Academy",
    "Humberston Fields School",
]
NURSERIES = ["Little Acorns Day Nursery", "Grimsby Family Hub nursery", "Sunbeams Pre-School"]
GP_SURGERIES = [
    "Freshney Green surgery",
    "Scartho medical centre",
    "Cleethorpes Beacon practice",
    "Immingham health centre",
    "Grimsby Riverside surgery",
]

# source → (organisations, roles, email domain)
REFERRERS: dict[str, tuple[list[str], list[str], str]] = {
    "6": (
        ["Humberside Police"],
        ["Police constable", "Detective constable", "Vulnerability hub officer", "PCSO"],
        "police.example",
    ),
    "2A": (
        SCHOOLS,
        ["Designated safeguarding lead", "Deputy DSL", "Head teacher", "Class teacher"],
        "school.example",
    ),
    "2B": (
        ["Education welfare service", "Virtual school", "SEND team"],
        ["Education welfare officer", "SEND caseworker", "Attendance officer"],
        "education.example",
    ),
    "3A": (GP_SURGERIES, ["GP", "Practice nurse"], "nhs.example"),
    "3B": (["Health visiting team, NHS Northern Lincolnshire"], ["Health visitor"], "nhs.example"),
    "3C": (["School nursing team"], ["School nurse"], "nhs.example"),
    "3D": (
        ["Community midwifery", "Community dental service"],
        ["Midwife", "Dental nurse"],
        "nhs.example",
    ),
    "3E": (
        ["Emergency department, NHS Northern Lincolnshire"],
        ["Paediatric liaison nurse", "Emergency department doctor"],
        "nhs.example",
    ),
    "3F": (
        ["Child and adolescent mental health service", "Community paediatrics"],
        ["CAMHS practitioner", "Paediatrician"],
        "nhs.example",
    ),
    "4": (
        ["Council housing options", "Shoreline housing association"],
        ["Housing officer", "Tenancy support worker"],
        "housing.example",
    ),
    "5A": (
        ["Adult social care"],
        ["Social worker (adults)", "Care coordinator"],
        "council.example",
    ),
    "5B": (
        ["Youth justice service", "Youth service"],
        ["Youth justice officer", "Youth worker"],
        "council.example",
    ),
    "5C": (
        ["Hull City Council children's services", "Lincolnshire County Council"],
        ["Social worker", "Team manager"],
        "othercouncil.example",
    ),
    "5D": (
        ["Early help hub", "Family hub (Grimsby)"],
        ["Family support worker", "Early help lead"],
        "council.example",
    ),
    "7": (
        ["Probation service", "Cafcass", "HMP Humber"],
        ["Probation officer", "Family court adviser"],
        "justice.example",
    ),
    "8": (
        ["Women's refuge", "Young carers project", "Children's centre", "Drug and alcohol service"],
        ["Support worker", "Project worker", "Outreach worker"],
        "charity.example",
    ),
}
INDIVIDUAL_ROLES = {
    "1A": ["Grandmother", "Aunt", "Father (not living with the child)", "Uncle", "Older sister"],
    "1B": ["Neighbour", "Family friend", "Childminder"],
    "1C": ["The young person"],
    "1D": ["Member of the public", "Local councillor"],
}

# --- What they say -------------------------------------------------------------------------

# source → [(concern category, weight)]
CATEGORIES_BY_SOURCE: dict[str, list[tuple[str, float]]] = {
    "6": [
        ("domestic_abuse", 45),
        ("missing", 12),
        ("cce", 7),
        ("physical", 8),
        ("behaviour", 8),
        ("neglect", 8),
        ("sexual", 4),
        ("cse", 4),
        ("substance", 4),
    ],
    "2": [
        ("neglect", 22),
        ("emotional", 12),
        ("physical", 14),
        ("domestic_abuse", 12),
        ("self_harm", 8),
        ("behaviour", 10),
        ("mental_health", 9),
        ("sexual", 4),
        ("cse", 3),
        ("radicalisation", 1),
        ("fgm", 1),
    ],
    "3": [
        ("neglect", 20),
        ("physical", 16),
        ("substance", 14),
        ("mental_health", 18),
        ("self_harm", 12),
        ("disability", 8),
        ("domestic_abuse", 10),
        ("fgm", 1),
        ("sexual", 3),
    ],
    "1": [
        ("neglect", 35),
        ("domestic_abuse", 20),
        ("substance", 18),
        ("physical", 12),
        ("emotional", 8),
        ("behaviour", 7),
    ],
    "4": [("housing", 60), ("neglect", 30), ("domestic_abuse", 10)],
    "5": [
        ("substance", 20),
        ("mental_health", 20),
        ("neglect", 20),
        ("behaviour", 15),
        ("cce", 8),
        ("domestic_abuse", 12),
        ("disability", 5),
    ],
    "other": [
        ("domestic_abuse", 30),
        ("neglect", 25),
        ("substance", 20),
        ("mental_health", 15),
        ("emotional", 10),
    ],
}
# Only for children old enough (category → minimum age in years).
MIN_AGE = {
    "cce": 10,
    "cse": 11,
    "missing": 8,
    "self_harm": 9,
    "behaviour": 5,
    "radicalisation": 11,
    "trafficking": 12,
}
# A second category often named with the first.
PAIRS: dict[str, list[str]] = {
    "domestic_abuse": ["substance", "emotional", "mental_health"],
    "neglect": ["substance", "mental_health", "housing"],
    "substance": ["neglect", "domestic_abuse"],
    "mental_health": ["neglect", "self_harm"],
    "cce": ["missing", "behaviour"],
    "cse": ["missing", "self_harm"],
    "missing": ["cce", "cse"],
    "physical": ["domestic_abuse", "emotional"],
    "behaviour": ["mental_health", "emotional"],
    "self_harm": ["mental_health", "emotional"],
}

# category → [(source groups it suits, template)]: a source group is the first character of the
# ReferralSource code ("2" schools and education, "3" health…), "*" any. {name}: the child or
# children; {they}/{them}/{their}: pronouns for them; {parent}: who the concern is about.
CONCERNS: dict[str, list[tuple[str, str]]] = {
    "domestic_abuse": [
        (
            "6",
            "Police attended the family home at {time} after a neighbour reported shouting and "
            "banging. {parent} had a cut to the lip and said {his_her} partner had pushed "
            "{him_her} into a door. {name} {was_were} in the house and awake; officers saw "
            "{them} on the landing. DASH risk assessment completed: {dash} risk.",
        ),
        (
            "6",
            "Third domestic incident reported at this address in six months. {parent} declined "
            "to support a prosecution. {name} {was_were} present and one of the children called "
            "999.",
        ),
        (
            "2",
            "{name} told staff that {parent} and {his_her} partner were 'fighting again' last "
            "night and that {they} hid in the bedroom. {name} was tired and tearful in class and "
            "did not want to go home at the end of the day.",
        ),
        (
            "*",
            "{parent} disclosed that {his_her} partner is controlling and has threatened to hurt "
            "{him_her}; {name} {has_have} witnessed several incidents and {is_are} frightened.",
        ),
    ],
    "neglect": [
        (
            "2",
            "{name} {has_have} arrived at school hungry most days this term, in the same "
            "clothes, and {has_have} head lice that have not been treated. Attendance is 78%. "
            "Two missed dental appointments; {parent} did not respond to three letters.",
        ),
        (
            "3458",
            "On a home visit the house was cold, with no food in the fridge and dog faeces on "
            "the floor. {name} {was_were} in nappies that had not been changed for some time. "
            "{parent} said money has run out until payday.",
        ),
        (
            "3",
            "{name} {has_have} missed two hospital appointments for {their} asthma and ran out "
            "of inhalers. {parent} seems overwhelmed and says there is nobody to help.",
        ),
        (
            "6",
            "{name} {was_were} found alone in the house late at night; {parent} returned after "
            "two hours and appeared intoxicated.",
        ),
        (
            "19",
            "{name} {is_are} often out in the street late at night, poorly dressed and asking "
            "neighbours for food. {parent} is rarely seen.",
        ),
    ],
    "physical": [
        (
            "2",
            "{name} {has_have} a bruise to the left cheek in the shape of finger marks. When "
            "asked, {they} said {parent} 'got cross'. Body map completed by the DSL.",
        ),
        (
            "3",
            "{name} brought to the emergency department with a spiral fracture to the arm; the "
            "explanation given (fell off the sofa) does not fit the injury. Skeletal survey "
            "requested.",
        ),
        (
            "*",
            "{name} disclosed that {parent} hits {them} with a belt when {they} {is_are} "
            "naughty. Red marks seen on the back of the legs.",
        ),
    ],
    "sexual": [
        (
            "2",
            "{name} made a disclosure to a teaching assistant about being touched by an adult "
            "male who visits the home. The school has not spoken to the family.",
        ),
        (
            "23",
            "Concern about sexualised behaviour by {name} towards younger children, beyond what "
            "would be expected for {their} age.",
        ),
        (
            "61",
            "{name} disclosed to officers that an older relative has sexually abused {them}; "
            "the man lives nearby and still visits.",
        ),
    ],
    "emotional": [
        (
            "2358",
            "{name} {is_are} described by staff as withdrawn and anxious; {they} said {parent} "
            "calls {them} 'useless' and locks {them} in {their} room as a punishment.",
        ),
        (
            "*",
            "{name} {has_have} been caught in the middle of a bitter separation; {parent} is "
            "discussing the court case with {them} and {they} {has_have} started wetting the "
            "bed.",
        ),
    ],
    "substance": [
        (
            "2",
            "{parent} was found asleep and unrousable at the school gates at pick-up time, "
            "smelling of alcohol. {name} {was_were} left waiting for an hour.",
        ),
        (
            "3458",
            "Drug paraphernalia seen in the living room within reach of {name} during a home "
            "visit. {parent} is known to the drug and alcohol service and has disengaged.",
        ),
        ("6", "{parent} was arrested for drink-driving with {name} in the car."),
        (
            "19",
            "{parent} is drinking heavily every day and {name} {is_are} left to fend for "
            "{themselves}.",
        ),
    ],
    "mental_health": [
        (
            "3",
            "{parent} disclosed suicidal thoughts at a GP appointment and said {he_she} is "
            "struggling to care for {name}. No other adult in the household.",
        ),
        (
            "23",
            "{name} {has_have} said life is not worth living and {has_have} been researching "
            "ways to self-harm online. CAMHS referral made; parents say they cannot keep {them} "
            "safe.",
        ),
        (
            "*",
            "{parent} has been detained under the Mental Health Act; there is no other adult "
            "to care for {name}.",
        ),
    ],
    "self_harm": [
        (
            "3",
            "{name} attended the emergency department after taking an overdose of paracetamol. "
            "Medically fit for discharge; {they} said things at home are 'unbearable'.",
        ),
        (
            "2",
            "School staff noticed fresh cuts on {name}'s forearms. {they_cap} said {parent} "
            "does not know and begged staff not to tell.",
        ),
        (
            "*",
            "{name} was found by police on a bridge saying {they} wanted to die, and was taken "
            "to hospital.",
        ),
    ],
    "behaviour": [
        (
            "65*",
            "{name} arrested for criminal damage at the shopping centre with older youths. "
            "{parent} says {they} {is_are} out of control and {he_she} cannot cope.",
        ),
        (
            "25",
            "{name} excluded for the third time this year for assaulting staff. The family's "
            "early help plan has ended and behaviour is escalating at home.",
        ),
    ],
    "missing": [
        (
            "6",
            "{name} reported missing overnight for the fourth time this month; found in "
            "Doncaster with an older male. {they_cap} would not say how {they} got there.",
        ),
        (
            "6",
            "{name} went missing from home after an argument and was returned by police at 3am. "
            "{parent} reports {they} {is_are} staying out late with people the family do not "
            "know.",
        ),
        (
            "*",
            "{name} {has_have} not been in school for two weeks; {parent} does not know where "
            "{they} {is_are} staying at night.",
        ),
    ],
    "cce": [
        (
            "6",
            "{name} stopped by police with £400 in cash and two mobile phones; a known county "
            "lines address in East Marsh is linked to the phone numbers.",
        ),
        (
            "*",
            "Intelligence that {name} is being used to run drugs between Grimsby and Leeds. "
            "{they_cap} {has_have} unexplained new clothes and {has_have} stopped attending "
            "school.",
        ),
    ],
    "cse": [
        (
            "*",
            "{name} seen getting into cars with adult men outside school. {they_cap} {has_have} "
            "a new phone and gifts the family cannot explain.",
        ),
        (
            "26",
            "Images of {name} shared on social media by an older boy; {they} said {they} met "
            "him online and he has asked to meet.",
        ),
    ],
    "trafficking": [
        (
            "*",
            "{name} arrived recently and is living with adults who are not family; {their} "
            "passport is held by one of them and {they} {is_are} not registered with a school.",
        ),
    ],
    "fgm": [
        (
            "*",
            "{parent} told the midwife the family are travelling abroad in the summer for a "
            "'celebration' for {name}; {parent} has had FGM and the family come from a country "
            "where it is practised.",
        ),
    ],
    "radicalisation": [
        (
            "*",
            "{name} {has_have} been sharing extremist material in class and talking about a "
            "'race war'. The school has completed a Prevent referral as well.",
        ),
    ],
    "disability": [
        (
            "*",
            "{name} {has_have} complex health needs and {parent} says {he_she} is exhausted; "
            "equipment at home is broken and respite has stopped.",
        ),
    ],
    "housing": [
        (
            "*",
            "The family have been given notice to leave their tenancy and have nowhere to go; "
            "{parent} and {name} are sofa-surfing with friends.",
        ),
        (
            "*",
            "Severe damp and mould in the flat; {name} {has_have} repeated chest infections. "
            "{parent} has rent arrears and eviction proceedings have started.",
        ),
    ],
}
# Too short to act on (under 80 characters), from members of the public and anonymous callers.
SHORT_CONCERNS = [
    "Kids always shouting, mum drinks.",
    "Worried about the children at this address.",
    "Children left home alone at night.",
    "Dad hits them, I've heard it.",
]

# Police actions depend on the concern; everyone else's on who they are.
POLICE_ACTIONS: dict[str, list[str]] = {
    "domestic_abuse": [
        "DASH risk assessment completed; perpetrator arrested and bailed with conditions.",
        "Officers spoke to both parents; safeguarding advice given; MARAC referral made.",
    ],
    "missing": ["Child returned home; safe and well check completed; missing report closed."],
    "other": [
        "Officers spoke to the family and gave safeguarding advice.",
        "Crime report raised; the child was seen by officers and is safe tonight.",
    ],
}
ACTIONS_BY_SOURCE: dict[str, list[str]] = {
    "2": [
        "Spoke to the child with a colleague present and completed a body map; called the "
        "parent, who did not answer.",
        "Logged on the school safeguarding system; offered an early help assessment, which "
        "the parent declined.",
        "Attendance officer has visited the home twice; school nurse informed.",
    ],
    "3": [
        "Discussed with the named nurse for safeguarding; follow-up appointment booked.",
        "Medical examination completed; parent informed of this referral.",
        "Increased health visiting contacts to fortnightly.",
    ],
    "other": [
        "Spoke to the parent about the concerns.",
        "Signposted the family to the family hub.",
        "Discussed with my manager, who advised a referral.",
    ],
}

CONSENT_DETAIL = {
    "given": ["Mum agreed to the referral by phone.", "Dad signed the consent section."],
    "refused": ["Parents refused: they say the school is 'interfering'."],
    "not_sought": [
        "Telling the parents could put the child at risk of further harm.",
        "Police investigation under way.",
    ],
}

# --- What the front door writes ------------------------------------------------------------

THRESHOLD_RATIONALE = {
    1: [
        "Needs can be met by universal services; no indication of harm.",
        "A one-off concern already addressed by school; no further needs identified.",
    ],
    2: [
        "Emerging needs around routines and school attendance; parents willing to work with "
        "early help.",
        "Additional needs that a team around the family can meet with consent; no indication "
        "of significant harm.",
    ],
    3: [
        "Complex needs: parenting capacity affected by substance misuse and poor mental health; "
        "without services the child's development is likely to be impaired.",
        "Repeated concerns and a failed early help plan; needs a statutory assessment.",
    ],
    4: [
        "Reasonable cause to suspect significant harm: injury with no adequate explanation.",
        "Disclosure of harm by the child; risk of significant harm if returned home tonight.",
    ],
}
RECOMMENDATION_RATIONALE = {
    "nfa": ["No role for children's social care; referrer to be told.", "Information only."],
    "advice": [
        "Advice to the referrer on supporting the family and when to refer again.",
        "Signpost the parent to the family hub and the domestic abuse service.",
    ],
    "early_help": [
        "Parent agrees to early help; a lead professional from school can coordinate.",
        "Step down to the family hub for parenting support and a team around the family.",
    ],
    "assessment": [
        "Needs a social work assessment of the child's lived experience and parenting capacity.",
        "Cumulative concerns need a child and family assessment.",
    ],
    "strategy": [
        "Threshold for a strategy discussion met; possible significant harm.",
        "Needs a multi-agency strategy discussion today.",
    ],
}
DECISION_RATIONALE = {
    "nfa": ["Agree: no further action; feedback to referrer.", "No safeguarding role here."],
    "advice": [
        "Information and advice to the family and referrer is proportionate.",
        "Advice given; the family already have support in place.",
    ],
    "early_help": [
        "Step down to early help with the parent's consent; review if concerns continue.",
        "Early help is the right response: parents engaging, no indication of harm.",
    ],
    "assessment": [
        "Accept as a referral for a child and family assessment.",
        "Referral accepted: assessment needed to understand the child's daily life.",
    ],
    "strategy": [
        "Strategy discussion to be convened today with police and health.",
        "Possible significant harm: convene a strategy discussion.",
    ],
}
DIRECTION = {
    "nfa": "Write to the referrer with the outcome.",
    "advice": "Call the referrer and the parent with advice; close.",
    "early_help": "Send the contact to the early help hub; check allocation in 5 days.",
    "assessment": "Allocate for assessment; see the child within 5 working days; check police "
    "and health records.",
    "strategy": "Convene a strategy discussion with police, health and school; see the child "
    "today.",
}
DIRECTION_OWNER = {
    "nfa": ["MASH business support"],
    "advice": ["MASH social worker"],
    "early_help": ["Early help hub"],
    "assessment": ["Assessment team 1", "Assessment team 2"],
    "strategy": ["MASH team manager"],
}
OVERRIDE_REASONS = [
    "Police have dealt with the incident and the perpetrator has left; parent accepts support.",
    "Risk factors already known and assessed in the recent assessment; nothing new.",
    "Family engaging with early help; the lead professional will escalate if needed.",
    "Concern does not meet threshold on the information we have; advice given.",
]
THIN_SUMMARIES = [
    "Known to services previously.",
    "Previous contacts noted on file.",
    "History checked, nothing new.",
    "Some history, see records.",
]
NO_HISTORY_SUMMARIES = [
    "No previous contacts or referrals for {name}, and none for the siblings; no warnings on "
    "the household and no current involvement with children's social care.",
    "Checked the child's and family's records: nothing known to children's social care before "
    "this contact, no warnings, and no involvement from early help on our system.",
]
PATTERN_SENTENCES = [
    "Taken with today's contact this is a pattern of repeated concerns that earlier responses "
    "have not changed.",
    "The concerns are similar each time, which points to cumulative harm rather than a "
    "one-off incident.",
    "Earlier support was offered but the family disengaged before it ended.",
    "Concerns had reduced after the last intervention; this contact suggests they have returned.",
]

PARTNER_CHECKS = {
    "2A": [
        "Attendance 84%; child often late and hungry; no disclosures.",
        "School has no current concerns; child settled and attending well.",
    ],
    "3A": ["GP: parent on antidepressants; missed reviews.", "GP has no concerns on record."],
    "3B": [
        "Health visitor: growth faltering; two missed contacts.",
        "Health visitor saw the baby last week: thriving; home conditions fine.",
    ],
    "6": [
        "Police: two previous domestic call-outs; perpetrator has a history of violence.",
        "Police: no record of incidents at the address.",
    ],
    "5D": ["Early help: family closed in March after disengaging.", "Not known to early help."],
}
ASKED_TO_SPEAK = [
    "Asked the school to speak to the child about the bruise and report back.",
    "Asked the health visitor to ask the child what happened at home.",
    "Asked the DSL to find out from the child who hurt them.",
]

# --- Strategy discussions and section 47 enquiries -----------------------------------------

CONTRIBUTIONS = {
    "police": [
        "Two previous domestic call-outs; perpetrator has a caution for assault.",
        "No police information on the household.",
        "Will consider a joint investigation; ABE interview to be arranged if a disclosure.",
    ],
    "health": [
        "Health visitor: missed immunisations; growth on the 9th centile.",
        "GP: mother treated for depression; no concerns about the children's health.",
        "Paediatrician: the injury is consistent with non-accidental injury.",
    ],
    "education": [
        "Attendance 81%; child presents as anxious and tired.",
        "No concerns at school before this week.",
    ],
    "referrer": ["Repeated what was reported; family are known to our service."],
    "social_care": ["Summarised the history and the contact; chaired the discussion."],
}
STRATEGY_REASONS = {
    "s47": [
        "Reasonable cause to suspect the child is suffering significant harm.",
        "Injury with no adequate explanation; section 47 enquiry needed.",
    ],
    "no_s47": [
        "Threshold for section 47 not met; needs are best assessed under section 17.",
    ],
    "nfa": ["New information shows the incident was accidental; no further action."],
}
PROTECTIVE_ACTIONS = [
    "Children to stay with maternal grandmother overnight under a safety agreement.",
    "Alleged perpetrator bailed with conditions not to return to the address.",
    "Child kept in hospital pending a skeletal survey.",
]
ACTIONS = [
    ("Joint visit to see {name} alone", "Social worker and police"),
    ("Paediatric assessment of the injury", "Community paediatrics"),
    ("Check school attendance and any previous concerns", "School DSL"),
    ("Police checks on all adults in the household", "Police"),
    ("Speak to the absent parent", "Social worker"),
]
ENQUIRY_PLANS = [
    "Joint visit to see the child alone; paediatric assessment; checks on the adults.",
    "Single agency enquiry by children's social care; police to share records.",
]
S47_OUTCOME_REASONS = {
    "nfa": ["Concerns not substantiated; no further action.", "Injury accidental; closed."],
    "continue_assessment": [
        "Not at risk of significant harm but needs a child in need plan.",
        "Continue the single assessment to plan support under section 17.",
    ],
    "icpc": [
        "Concerns substantiated: initial child protection conference to be convened.",
        "Continuing risk of significant harm; conference needed.",
    ],
}
