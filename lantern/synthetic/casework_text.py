"""Words for the synthetic casework after a referral: assessments, the people consulted, plans,
conferences, core groups, case notes and closures.

Small banks of realistic text, filled in by lantern/synthetic/casework_plan.py. Placeholders:
{name} the child's first name; {he} {him} {his} {He} {His} the child's pronouns; {age} the
child's age in years; {parent} the parent the concern is about ("Mum", "Dad"); {carer} the parent
the child lives with; {school} the child's school or nursery. Every name is invented.

Some texts carry phrases from the practice-language check's default list (MINIMISING below) so
the AP4 check has something to find, as it would in a real authority's records.
"""

# --- What a concern is about ---------------------------------------------------------------

# Concern category (front door) → the group whose words describe the casework.
GROUP = {
    "domestic_abuse": "da",
    "substance": "substance",
    "mental_health": "mental_health",
    "neglect": "neglect",
    "housing": "neglect",
    "physical": "physical",
    "sexual": "sexual",
    "fgm": "sexual",
    "emotional": "emotional",
    "radicalisation": "exploitation",
    "cse": "exploitation",
    "cce": "exploitation",
    "trafficking": "exploitation",
    "missing": "exploitation",
    "self_harm": "adolescent",
    "behaviour": "adolescent",
    "disability": "disability",
    "other": "neglect",
}

# CIN census assessment factors (domain.md §2.4.7) an assessment identifies, by category:
# [(code, weight)]. Codes 1B-4B are the ones the closure checks treat as high risk (CP6).
FACTORS: dict[str, list[tuple[str, float]]] = {
    "domestic_abuse": [("3B", 70), ("3A", 18), ("3C", 12)],
    "substance": [("2B", 50), ("1B", 45), ("2C", 5)],
    "mental_health": [("4B", 75), ("4A", 25)],
    "neglect": [("16A", 100)],
    "housing": [("20", 70), ("16A", 30)],
    "physical": [("18C", 85), ("18B", 15)],
    "sexual": [("19C", 80), ("19B", 20)],
    "fgm": [("22A", 100)],
    "emotional": [("17A", 100)],
    "radicalisation": [("20", 100)],
    "cse": [("11A", 100)],
    "cce": [("24A", 80), ("13A", 20)],
    "trafficking": [("12A", 100)],
    "missing": [("10A", 100)],
    "self_harm": [("15A", 100)],
    "behaviour": [("14A", 100)],
    "disability": [("6A", 45), ("5A", 55)],
    "other": [("20", 100)],
}
# Factors often found alongside the first, by category.
EXTRA_FACTORS: dict[str, list[str]] = {
    "domestic_abuse": ["4B", "1B", "17A"],
    "substance": ["16A", "4B", "3B"],
    "mental_health": ["16A", "7A"],
    "neglect": ["4B", "2B", "1B", "5B"],
    "physical": ["3B", "17A"],
    "cce": ["10A", "2A"],
    "cse": ["10A", "15A"],
    "missing": ["24A", "11A"],
    "self_harm": ["4A", "17A"],
    "behaviour": ["4A", "13A"],
    "disability": ["7A", "6B"],
}
# When an assessment ends in no further action or a step-down after a domestic abuse, substance
# or mental health concern, it usually finds the factor did not persist: these codes instead.
LOW_RISK_INSTEAD = ["20", "17A", "21"]

# Category of abuse on a child protection plan (CIN census), by concern category.
CATEGORY_OF_ABUSE = {
    "neglect": "NEG",
    "housing": "NEG",
    "substance": "NEG",
    "mental_health": "NEG",
    "physical": "PHY",
    "sexual": "SAB",
    "fgm": "PHY",
    "cse": "SAB",
    "emotional": "EMO",
    "domestic_abuse": "EMO",
}

# --- The assessment ------------------------------------------------------------------------

LIVED_EXPERIENCE = {
    "baby": [
        "{name} is {age_words} and spends most of the day at home with {carer}. {His} day is "
        "built around feeds and naps; {carer} keeps a feeding chart on the fridge. When I "
        "visited {he} was in a bouncer in the living room, clean and dressed, and settled when "
        "picked up. The health visitor has seen {him} twice and {his} weight is following the "
        "{centile} centile. The flat is warm but cluttered, and {his} cot is in {carer}'s room.",
        "{name} is {age_words}. {He} wakes two or three times a night and is fed by {carer}. I "
        "saw {him} being changed and fed; {he} made good eye contact and smiled. Most days "
        "{he} does not leave the house because {carer} has no pram that works, so {he} sees "
        "few people other than the family. {His} world is the living room and {carer}'s "
        "bedroom, and what happens between the adults there happens around {him}.",
    ],
    "toddler": [
        "{name} is {age} and goes to nursery three mornings a week, where staff describe {him} "
        "as lively and quick to settle. At home {he} plays with cars on the kitchen floor and "
        "watches cartoons on {carer}'s phone. Mealtimes are irregular: on both visits there was "
        "little food in the cupboards and {he} was eating crisps at 11am. {He} has a bedtime "
        "routine most nights, a bath and a story, when {carer} is well.",
        "{name} is {age}. {He} spends most days at home or at {his} grandmother's. {He} is "
        "talking in short sentences and is toilet training. On my visit {he} showed me {his} "
        "bedroom and a toy dinosaur {he} sleeps with. {He} startles at loud noises and goes "
        "quiet when the adults raise their voices, which nursery have also noticed.",
    ],
    "child": [
        "{name} is {age} and in Year {year} at {school}. {He} gets {himself} up most mornings "
        "and walks to school with {his} older cousin. {He} told me {his} favourite thing is "
        "football on Saturdays and that {he} is 'good at maths'. After school {he} stays in "
        "{his} room playing games. School say {he} often arrives without breakfast and is tired "
        "on Mondays. {He} shares a bedroom with {his} brother and the heating has been off for "
        "two weeks.",
        "{name} is {age} and attends {school}, where {his} attendance is {attendance}%. {He} "
        "describes a typical day as getting ready on {his} own, school, then 'waiting for "
        "{carer} to come home'. {He} looks after {his} younger sibling some evenings. {He} "
        "likes drawing and showed me pictures of {his} family, in which {he} drew {himself} "
        "standing apart from the adults.",
        "{name} is {age}. At home {he} is described as helpful and quiet; at {school} {he} has "
        "a small group of friends and enjoys art. {He} told me the best part of {his} week is "
        "going to Nan's on Sundays. {He} worries about {carer} and checks on {them} when "
        "{he} gets home, and {he} said {he} sometimes cannot sleep because of the noise "
        "downstairs.",
    ],
    "teen": [
        "{name} is {age} and in Year {year} at {school}. {He} spends much of {his} time out of "
        "the house with friends, often until late, and {carer} does not always know where "
        "{he} is. {He} has a part-time job at weekends. {He} told me home is 'alright when "
        "it's quiet'. School report falling attendance ({attendance}%) and two fixed-term "
        "exclusions this year. {He} sleeps late and often misses breakfast.",
        "{name} is {age}. {He} describes {his} days as 'college, gym, sleep'. {He} is close to "
        "{his} younger siblings and walks them to school. {He} said {he} feels responsible for "
        "keeping the peace at home. {He} has been to A&E once this year after a fall that "
        "{he} would not talk about. {He} wants to be a mechanic.",
    ],
}
# By age: "young" (under 4: seen and observed) and "older" (heard in their own words).
VOICE_HOW = {
    "young": [
        "Seen at nursery and at home. Too young to give {his} views in words: I observed {him} "
        "with {carer} and at play, and spoke with nursery staff who know {him} well.",
        "Seen at home on three visits, at different times of day, including a bath time and a "
        "mealtime. I watched how {he} responded to {carer} and to me.",
        "Observed {name} at home with {carer} and at the health visitor's clinic; I used the "
        "health visitor's notes of {his} development checks.",
    ],
    "older": [
        "I saw {name} alone in {his} bedroom at home and again at school with the designated "
        "safeguarding lead nearby. I used three houses (worries, good things, dreams) to help "
        "{him} talk.",
        "Seen at home on two visits, once alone in the garden. {He} used drawings and a scaling "
        "exercise to show how safe {he} feels at home.",
        "Seen at school in a quiet room, alone, and at home with {carer} present. I used the "
        "'words and pictures' explanation of why I was visiting.",
        "Seen alone at school and at a café near home, which {he} chose. We used a "
        "mobile-phone timeline of a typical week.",
    ],
}
VOICE_SAID = {
    "young": [
        "{name} could not say much in words. {He} clung to {carer} when I arrived, then played "
        "happily; {he} went to {carer} for comfort when {he} fell, which {carer} gave warmly.",
        "{name} babbled and smiled at {carer}, and settled quickly when picked up. When voices "
        "were raised in the kitchen {he} stopped playing and watched the door.",
        "{name} said 'no' and 'mine' and pointed at {his} toys. {He} was wary of me at first "
        "but brought me a book to read; {he} looked to {carer} for reassurance.",
    ],
    "older": [
        "{name} said: 'I don't like it when they shout. I go in my room and put my headphones "
        "on.' {He} said {he} wants {carer} to 'be happy again' and that {he} feels safe at "
        "Nan's.",
        "{name} said {he} is 'fine' at home but later told me {he} is scared when {parent} has "
        "been drinking. On the scaling exercise {he} put home at 4 out of 10 for feeling safe.",
        "'Mum tries her best,' {name} said. '{parent} gets angry over nothing.' {He} asked me "
        "not to tell {parent} what {he} had said, and we talked about who I would need to tell "
        "and why.",
        "{name} put {himself} in the worries house for 'when there's no food' and 'when the "
        "police came'. In the dreams house {he} wrote 'a dog' and 'everyone gets on'.",
        "{name} told me: 'I just want things to be normal. I don't want to move schools.' {He} "
        "said {he} would tell {his} teacher if something happened at home.",
    ],
}
NOT_SEEN_ALONE = [
    "{name} is too young to be seen alone meaningfully; observed with {carer} and at nursery.",
    "{name} would not separate from {carer} on either visit; a third visit is planned at school.",
    "{name}'s disability means {he} communicates through {carer} and a picture board; seen "
    "with {carer} and the school's speech and language therapist.",
]
THIN_LIVED = ["Lives with {carer}.", "{name} is fine at home.", "Seen at home."]
THIN_HOW = ["Home visit.", "Seen.", "Spoke to {him}."]
THIN_SAID = ["Said {he} is happy.", "No concerns raised by {name}.", "{He} is ok."]

IDENTITY = [
    "{name}'s ethnicity is recorded as {ethnicity}; {his} first language is {language}{religion}. "
    "{disability} I talked with {carer} about how {name}'s heritage is celebrated at home and "
    "whether {he} has experienced racism at school; {carer} said {he} had been called names "
    "last term, which school dealt with.",
    "{name} is {ethnicity} and speaks {language} at home{religion}. {disability} {He} is proud "
    "of {his} family's background and told me about visiting relatives. The plan needs to take "
    "account of {his} need for stability at {school}, where {he} has friends.",
    "{name}'s identity: {ethnicity}; language {language}{religion}. {disability} {He} has not "
    "asked to be known by another name and is comfortable with {his} gender. {He} wants "
    "workers to speak to {him} directly rather than through {carer}.",
]
HISTORY = {
    "first": [
        "This is the first referral for {name}. There are no earlier contacts on the family's "
        "records and no warnings. The concerns in this referral are new, and I have not found a "
        "pattern in the history shown at the front door.",
    ],
    "known": [
        "The family has been known to children's social care since {since}: {contacts} earlier "
        "contacts and {referrals} referrals, most for {theme}. Each time concerns reduced when "
        "support was offered and returned when it ended. Taken together, this is cumulative "
        "harm: {name} has lived with the same worries for much of {his} life, and earlier "
        "responses did not change things for {him}.",
        "Chronology reviewed with {carer}. Earlier referrals ({referrals}) and contacts "
        "({contacts}) since {since} show repeated concerns about {theme}. The gaps between "
        "incidents are getting shorter. The family engaged with early help before but closed "
        "when things felt better; the pattern suggests change has not been sustained.",
    ],
}
PARENTING = {
    "da": [
        "{carer} loves {name} and meets {his} basic needs, but {his_own} capacity to protect is "
        "reduced by the abuse {carer} has experienced from {his_partner}. {carer} has minimised "
        "the impact on the children and has let {his_partner} return twice against police "
        "advice. {carer} has agreed to a referral to the domestic abuse service.",
        "Both parents told me the incident was a one-off. {parent} accepted that the children "
        "heard the argument but not that it affects them. {carer} is warm with {name} and "
        "routines are good when the adults are getting on.",
    ],
    "substance": [
        "{parent}'s drinking has increased since losing {parent_his} job; {carer} says it is "
        "worse at weekends. When sober {parent} is attentive and plays with {name}. There is "
        "no plan for who looks after the children when {parent} has been drinking.",
        "{parent} is using cannabis daily and, by {parent_his} account, cocaine at weekends. "
        "{parent} is open about this and has self-referred to the substance misuse service "
        "but missed the first appointment.",
    ],
    "mental_health": [
        "{carer} has depression and anxiety and is under the community mental health team. On "
        "bad days {carer} stays in bed and {name} gets {himself} ready for school. {carer} "
        "recognises this and has asked for help with mornings.",
        "{carer}'s mental health has deteriorated since the birth of the youngest child. "
        "{carer} is taking medication and attending appointments, and the health visitor "
        "sees the family fortnightly.",
    ],
    "neglect": [
        "Home conditions are poor: dirty dishes, dog mess in the kitchen and no clean bedding. "
        "{carer} says things got on top of {them} after the separation. {name}'s health "
        "appointments have been missed and {his} dental decay has not been treated.",
        "{carer} provides care that is loving but inconsistent. There is food on some visits "
        "and not others; {name} is often in the same clothes. {carer} struggles with money and "
        "has rent arrears.",
    ],
    "physical": [
        "{parent} accepts hitting {name} but says it was 'discipline'. I explained that "
        "physical punishment that leaves a mark is an assault. {carer} did not seek medical "
        "help for the bruise. Parenting otherwise is warm but routines are chaotic.",
        "{name} has given a clear account of being hit with a belt by {parent}. {parent} denies "
        "it. {carer} believes {name} and has asked {parent} to leave the home.",
    ],
    "sexual": [
        "{carer} believed {name}'s disclosure, acted to protect {him} and has cooperated fully "
        "with the police. {carer} is distressed and needs support to help {name} recover.",
        "The alleged perpetrator is a family friend who no longer visits. {carer} understands "
        "the risk and has agreed a safety plan, but some family members do not believe {name}.",
    ],
    "emotional": [
        "{parent} speaks about {name} in negative terms in front of {him} ('{he}'s the "
        "difficult one'). {name} is treated differently from {his} siblings. {carer} finds "
        "it hard to see things from {name}'s point of view.",
    ],
    "exploitation": [
        "{carer} is worried and has reported {name} missing each time. {carer} has tried "
        "confiscating {his} phone and curfews, which have not worked. The risk is from adults "
        "outside the family who are exploiting {name}; {carer} needs support, not blame.",
        "{carer} did not know about the older males {name} has been meeting. {carer} has "
        "engaged well since and shares information with the police and the youth worker.",
    ],
    "adolescent": [
        "{carer} and {name} argue often and {carer} feels they have lost control. {carer} "
        "wants {name} to have support for {his} mental health and has chased CAMHS.",
    ],
    "disability": [
        "{carer} provides a high level of care for {name}, who needs help with personal care "
        "and sleeps poorly. {carer} is exhausted and has no break. The care is good but not "
        "sustainable without support.",
    ],
}
FAMILY_ENVIRONMENT = [
    "The family live in a {home} in {area}. {carer} has some support from {his_own} mother, "
    "who lives nearby. Income is Universal Credit; there are rent arrears and a debt to the "
    "electricity company. The children's father has contact every other weekend.",
    "{carer} has lived in {area} all {his_own} life and has friends on the estate, but says "
    "some are a bad influence. The house is small for the family: {name} shares a room with "
    "two siblings. The wider family are supportive but one aunt is not allowed to visit.",
    "A {home} in {area}, privately rented, damp in the children's bedroom. {carer} works part "
    "time at a supermarket. The grandparents help with childcare. The family has few links "
    "with the community since moving here last year.",
]
ANALYSIS = {
    "nfa": [
        "The concern was a single incident with a clear explanation, which the other agencies' "
        "information supports. {name} is well cared for, {his} needs are met and {he} says "
        "{he} feels safe. There is no role for children's social care; the family know how to "
        "ask for help.",
    ],
    "step_down": [
        "{name}'s needs are real but can be met with the family's agreement by early help: "
        "parenting support and help with routines and money. Risks are low and the parents "
        "are motivated. A family support worker will lead; we will step back in if things do "
        "not improve.",
    ],
    "cin_plan": [
        "{name} is a child in need. Without services {his} health and development are likely "
        "to be impaired: {concern}. The family are willing to work with us. A child in need "
        "plan is needed, with clear actions and a review in three months.",
        "What worries us most is {concern}. What is working well is {carer}'s love for {name} "
        "and {his} school's support. On balance {name} needs a child in need plan to make sure "
        "the changes {carer} has started are sustained.",
    ],
    "other": [
        "{name} is at continuing risk of significant harm from {concern}. The initial child "
        "protection conference made a child protection plan, which this assessment informs. "
        "Its analysis is the basis of the plan's outline.",
        "{name} cannot safely remain at home at present. {He} is now looked after, and the "
        "assessment's findings inform the care plan.",
    ],
}
OUTCOME_REASON = {
    "nfa": [
        "No further action: needs met within the family, no ongoing concern.",
        "Closing: the assessment found no evidence of harm and the family have support.",
    ],
    "step_down": [
        "Step down to early help: the family have agreed to work with a family support worker.",
        "Early help is the right level of support; the parents have consented.",
    ],
    "cin_plan": [
        "A child in need plan under section 17 to address the needs identified.",
        "Child in need plan: the family need co-ordinated support to make and keep changes.",
    ],
    "other": [
        "Child protection plan made at the initial child protection conference.",
        "The child is looked after; the assessment informs the care plan.",
    ],
}
CONCERN_WORDS = {
    "da": "the domestic abuse {name} lives with",
    "substance": "{parent}'s drug and alcohol use",
    "mental_health": "{carer}'s mental health and what it means for {his} care",
    "neglect": "neglect of {his} health and daily care",
    "physical": "physical harm from {parent}",
    "sexual": "the sexual abuse {he} has disclosed",
    "emotional": "how {he} is spoken to and treated at home",
    "exploitation": "exploitation by adults outside the family",
    "adolescent": "{his} own emotional wellbeing and safety",
    "disability": "meeting {his} needs as a disabled child",
}
AUTHORISE_COMMENTS = [
    "Good analysis of the history and the child's lived experience. Agree the outcome.",
    "Authorised. The child's voice is clear throughout; make sure the plan reflects it.",
    "Agree with the analysis and outcome. Share the assessment with the family this week.",
    "Authorised: a proportionate assessment. Please feed back to the referrer.",
    "Authorised. The analysis could say more about the father's role; address in the plan.",
    "Agreed. Timescales slipped: discuss in supervision what held this up.",
]

# --- People consulted ----------------------------------------------------------------------

FAMILY_SAID = {
    "mother": [
        "Mum said things have been hard since the separation and she wants help with routines.",
        "Mum accepted the concerns and said she would do whatever it takes to keep the "
        "children at home.",
        "Mum minimised the incident and said the school overreacted.",
        "Mum said she feels judged but wants {name} to get support at school.",
    ],
    "father": [
        "Dad said he was not aware of the concerns and wants to be involved in {name}'s life.",
        "Dad accepted he drinks too much at weekends and has agreed to speak to his GP.",
        "Dad said {name} is happy when staying with him and he could have {him} more often.",
    ],
    "partner": [
        "Mum's partner said he is 'not the problem' and did not want to discuss the incident.",
        "Mum's partner said he has been helping with the children and wants to do a course.",
    ],
    "grandparent": [
        "Grandmother has always helped and could have the children at short notice.",
        "Grandmother is worried about her daughter's mental health and the state of the house.",
    ],
    "sibling": ["{sibling} said home is 'alright' and that they look after each other."],
}
PROFESSIONALS: dict[str, list[tuple[str, list[str]]]] = {
    "education": [
        (
            "Designated safeguarding lead",
            [
                "Attendance {attendance}%; often late, hungry, and tired on Mondays.",
                "No concerns about learning; {name} is quiet and has been withdrawn this term.",
                "{name} told a teacher about shouting at home; logged and passed on.",
            ],
        ),
        ("Class teacher", ["{name} is doing well in class but struggles with friendships."]),
    ],
    "health": [
        (
            "Health visitor",
            [
                "Growth on track; missed the 1-year review twice; home conditions variable.",
                "Mum's mood is low; referred to the perinatal mental health team.",
            ],
        ),
        ("GP", ["Up to date with immunisations; attends A&E more than expected."]),
        ("School nurse", ["Dental decay untreated; referred to community dental service."]),
    ],
    "police": [
        (
            "Police safeguarding officer",
            [
                "Three domestic call-outs in a year; the perpetrator has a history with a previous "
                "partner.",
                "No further police involvement since the incident; no bail conditions.",
            ],
        ),
    ],
    "early_help": [
        (
            "Family support worker",
            [
                "Worked with the family last year; engagement dropped off after six weeks.",
            ],
        ),
    ],
    "adult_services": [
        ("Drug and alcohol worker", ["Dad attends sessions; testing shows reduced use."]),
        ("Domestic abuse caseworker", ["Mum has engaged with the IDVA; risk now medium."]),
    ],
}

# --- Plans ---------------------------------------------------------------------------------

NEEDS = {
    "da": [
        "{name} is frightened when the adults argue and does not feel safe at home.",
        "{carer} needs support to understand the impact of domestic abuse on the children.",
    ],
    "substance": [
        "{name} is not safe when {parent} has been drinking or using drugs.",
        "{name} needs a safe adult to look after {him} when {parent} is not able to.",
    ],
    "mental_health": [
        "{carer}'s mental health means {name}'s daily care is not always met.",
        "{name} is taking on caring tasks that are too much for a child of {his} age.",
    ],
    "neglect": [
        "{name}'s home is not clean or warm enough, and {he} does not always have food.",
        "{name}'s health needs (dental, immunisations) are not being met.",
        "{name} is late or absent from school too often.",
    ],
    "physical": [
        "{name} has been hurt by {parent} and needs to be safe from physical harm.",
        "{carer} needs help with managing {name}'s behaviour without physical punishment.",
    ],
    "sexual": [
        "{name} needs protection from the person who harmed {him}.",
        "{name} needs therapeutic support to recover from what happened.",
    ],
    "emotional": ["{name} needs to feel valued and listened to at home."],
    "exploitation": [
        "{name} is being exploited by adults and needs to be safe when out of the home.",
        "{name} goes missing and no one knows where {he} is.",
    ],
    "adolescent": ["{name} needs support with {his} emotional wellbeing and self-harm."],
    "disability": [
        "{name} needs support with personal care and a short break for the family.",
        "{carer} needs a break from caring to keep going.",
    ],
}
# (action, owner kind, measurable outcome). Owner kinds: parent, carer (the parent the child
# lives with), grandparent, worker (the social worker), agency:<code> (with a named contact).
ACTIONS = {
    "da": [
        (
            "Attend the Freedom Programme",
            "carer",
            "Attends at least 10 of the 12 sessions (programme register).",
        ),
        (
            "Complete a risk assessment and safety plan with Mum",
            "agency:adult_services",
            "Safety plan agreed and shared with the social worker within 2 weeks.",
        ),
        (
            "Do direct work with {name} about feeling safe",
            "worker",
            "{name} can name three safe adults; scaling score rises from 4 to 7.",
        ),
        (
            "Notify children's social care of any call-out to the address",
            "agency:police",
            "Notification within 24 hours of every incident (police log).",
        ),
    ],
    "substance": [
        (
            "Engage with the drug and alcohol service and test monthly",
            "parent",
            "Attends every appointment; tests negative for 3 months (service report).",
        ),
        (
            "Agree who looks after the children if a parent has been drinking",
            "grandparent",
            "Named family carer available every weekend (written agreement).",
        ),
        (
            "Visit {name} and see {him} alone every two weeks",
            "worker",
            "{name} seen alone at least fortnightly (case notes).",
        ),
    ],
    "mental_health": [
        (
            "Attend the community mental health team appointments",
            "carer",
            "Attends every appointment; care co-ordinator confirms monthly.",
        ),
        (
            "Young carers assessment for {name}",
            "agency:early_help",
            "Assessment done and {name} attending the young carers group by the review.",
        ),
    ],
    "neglect": [
        (
            "Clean and declutter the home; bedding and heating for every child",
            "carer",
            "Home conditions score 4 or more on the Graded Care Profile at each visit.",
        ),
        (
            "Take {name} to the dentist and catch up immunisations",
            "carer",
            "Dental treatment started and immunisations up to date (GP record).",
        ),
        (
            "Monitor attendance and report any absence the same day",
            "agency:education",
            "Attendance above 95% over the half term (school register).",
        ),
        (
            "Apply for a housing transfer and the household support fund",
            "worker",
            "Applications made within 2 weeks; outcome reported at the review.",
        ),
    ],
    "physical": [
        (
            "Complete a parenting course",
            "parent",
            "Completes all sessions; uses agreed strategies seen on visits.",
        ),
        (
            "Paediatric follow-up of the injury",
            "agency:health",
            "Appointment attended and report shared by the core group.",
        ),
        ("See {name} alone at every visit", "worker", "{name} seen alone on every visit."),
    ],
    "sexual": [
        (
            "Refer {name} for therapeutic support",
            "worker",
            "{name} attending sessions within 6 weeks of referral.",
        ),
        (
            "Keep the alleged perpetrator away from the home",
            "carer",
            "No contact; police and neighbours report none.",
        ),
    ],
    "emotional": [
        (
            "Attend the Solihull parenting approach with {name}",
            "carer",
            "Attends 8 sessions; {name}'s wellbeing score improves.",
        ),
    ],
    "exploitation": [
        (
            "Return home interview after every missing episode",
            "agency:other",
            "Interview within 72 hours of each return (missing log).",
        ),
        (
            "Refer to the exploitation hub and youth worker",
            "worker",
            "Youth worker seeing {name} weekly within 2 weeks.",
        ),
        (
            "Report {name} missing when not home by 10pm",
            "carer",
            "Every missing episode reported the same night (police log).",
        ),
    ],
    "adolescent": [
        (
            "Refer to CAMHS and chase the appointment",
            "worker",
            "Appointment offered within 8 weeks; attended.",
        ),
        ("Keep medication locked away", "carer", "Confirmed at each home visit."),
    ],
    "disability": [
        (
            "Arrange a short break package",
            "worker",
            "Short breaks in place one weekend a month by the review.",
        ),
        (
            "Occupational therapy assessment for adaptations",
            "agency:health",
            "Assessment done and equipment ordered within 8 weeks.",
        ),
    ],
    # Added to any plan's choices.
    "common": [
        (
            "Visit {name} at home and see {him} alone every four weeks",
            "worker",
            "{name} seen alone at every visit (case notes).",
        ),
        (
            "Share any new concern about {name} with the social worker the same day",
            "agency:education",
            "Every concern shared the same day (school log).",
        ),
    ],
}
# Vague actions (AP6): an action missing an owner, a due date or a measurable outcome.
VAGUE_ACTIONS = [
    "Mum to work with services.",
    "Monitor the situation.",
    "Improve home conditions.",
    "Dad to reduce his drinking.",
    "School to keep an eye on {name}.",
]
SAFETY_ACTIONS = [
    (
        "{carer} will not let {parent} into the house",
        "carer",
        "{carer} confirms at each visit; no police call-outs.",
    ),
    (
        "{carer} will call the police if {parent} comes to the house",
        "carer",
        "Any visit reported to police the same day.",
    ),
    (
        "{name} will stay with the grandparents if the adults argue",
        "grandparent",
        "Grandparent confirms availability each week.",
    ),
    (
        "{parent} will not drink when caring for the children",
        "parent",
        "Tests clear at every visit.",
    ),
    (
        "The social worker will see {name} alone twice a week",
        "worker",
        "Seen alone at every visit (case notes).",
    ),
    (
        "School will check in with {name} every morning",
        "agency:education",
        "DSL check-in logged daily.",
    ),
]
PLAN_SUMMARY = {
    "cin": [
        "Support for {name} and {carer} under section 17 so that {concern} no longer affects "
        "{his} health and development.",
        "The plan is for {name} to be safe and well at home, with {carer} supported to make "
        "lasting changes.",
    ],
    "safety": [
        "While the assessment is completed, {name} stays safe at home with the agreed "
        "arrangements below.",
        "A short-term safety plan agreed with the family after the strategy discussion.",
    ],
    "cp": [
        "{name} is at risk of significant harm from {concern}. The plan: the adults engage "
        "with the services named, {name} is seen alone regularly, and the core group checks "
        "progress every six weeks.",
        "Outline plan: keep {name} safe from {concern}; {carer} to work with the services "
        "named; agencies to share any new concern the same day.",
    ],
}
REVIEW_SUMMARIES = [
    "Progress: {carer} has engaged well and {name} says things are calmer at home.",
    "Some progress. Attendance has improved but home conditions have slipped again.",
    "Mixed progress: the parents attended most appointments; {name} still worries.",
    "Little progress: appointments missed and school report new concerns.",
    "Good progress on every action; the family say they feel ready for the plan to end.",
]
PROGRESS_NOTES = {
    "not_started": ["Not started yet.", "Waiting for the service to offer a date."],
    "in_progress": ["Started; ongoing.", "Partly done; attended some sessions.", "Under way."],
    "done": ["Done.", "Completed and confirmed by the service.", "Achieved."],
    "not_done": ["Stopped: no longer needed.", "Not done; replaced by another action."],
}

# --- Conferences and core groups -----------------------------------------------------------

ICPC_REASONS = {
    "cp_plan": [
        "The conference agreed {name} is at continuing risk of significant harm: the "
        "threshold for a child protection plan is met.",
        "All agencies agreed the risk of significant harm: a child protection plan under the "
        "category of {category}.",
    ],
    "no_plan": [
        "Not at continuing risk of significant harm. The conference recommends a child in need "
        "plan.",
        "Risks reduced since the enquiry: no child protection plan; support under section 17.",
    ],
}
REVIEW_REASONS = {
    "continue": [
        "Some progress but the risk of significant harm remains. The plan continues.",
        "Limited progress; new concerns from school. The plan continues with added actions.",
    ],
    "end_plan": [
        "The risks have reduced and changes have been sustained for six months.",
        "The family have made the changes the plan asked for; no longer at risk of "
        "significant harm.",
    ],
}
END_REASONS = [
    "No longer at risk of significant harm: step down to a child in need plan",
    "Risk reduced and changes sustained: plan ended",
    "The child is looked after and safe in placement",
]
CORE_GROUP_SUMMARIES = [
    "Core group reviewed the plan: {carer} attended; school and health gave updates.",
    "Detailed plan agreed from the conference's outline; dates set for each action.",
    "Progress reviewed; new concern from school shared and added to the plan.",
    "Core group: some actions slipping; the social worker will escalate to the manager.",
]
CHAIR_ROLES = {"iro": "Child protection chair"}
ROLES = {
    "police": ["Police safeguarding officer", "DC, public protection unit"],
    "health": ["Health visitor", "School nurse", "GP", "Named nurse"],
    "education": ["Designated safeguarding lead", "Head of year", "Nursery manager"],
    "adult_services": ["Drug and alcohol worker", "IDVA"],
    "early_help": ["Family support worker"],
}

# --- Case notes ----------------------------------------------------------------------------

VISIT_TITLES = {
    "cp": ["Child protection visit", "Statutory CP visit", "Home visit (CP plan)"],
    "cin": ["Child in need visit", "Home visit", "CIN visit"],
    "assessment": ["Assessment visit", "Home visit for the assessment", "Visit to see {name}"],
    "cic": ["Visit to {name} in placement", "Statutory visit"],
}
VISIT_TEXTS = {
    "seen_alone": [
        "Visited {name} at home. Saw {him} alone in {his} room; {he} said school is going well "
        "and home has been calmer. The house was clean and there was food in. {carer} was "
        "engaging. No new concerns.",
        "Unannounced visit. {name} was in, seen alone in the kitchen while {carer} was "
        "upstairs. {He} talked about a trip to the seaside. Bedding clean; heating on.",
        "Saw {name} alone at school. {He} said {parent} has not been round. {He} seemed "
        "relaxed and asked when I would come again.",
        "Visited after school. {name} showed me {his} homework and said {he} is worried about "
        "the move. Seen alone. {carer} says the week has been hard; discussed support.",
    ],
    "seen_young": [
        "Home visit. {name} was seen with {carer}; too young to be seen alone. {He} was clean, "
        "dressed and playing. Bottle and food in the fridge.",
        "Visited at teatime. Saw {name} having tea with {carer}; {he} was content and babbling. "
        "Nappy changed while I was there; the cot had clean bedding.",
    ],
    "seen": [
        "Visited. {name} seen but would not speak to me without {carer}. Home conditions "
        "adequate. Agreed to see {him} at school next time.",
        "Saw {name} at home with {carer} and {his} siblings; {he} did not want to talk alone "
        "today. {He} looked well and said school was 'alright'.",
    ],
    "not_seen": [
        "Visited as planned; no one home. Card left. Called {carer}, who said they were at the "
        "GP. Rearranged for tomorrow.",
        "{carer} answered but said {name} was at a friend's. Not seen. Will visit unannounced "
        "this week.",
    ],
}
OTHER_NOTES = {
    "phone": [
        (
            "Call with {carer}",
            "{carer} called to say the appointment had been missed because of "
            "a bus strike. Rebooked for next week.",
        ),
        (
            "Call from school",
            "School called: {name} was late again and seemed tired. Agreed "
            "they will let me know about any absence.",
        ),
        (
            "Call with the health visitor",
            "Health visitor saw the baby; weight fine; mum's mood "
            "lower. Will visit jointly next week.",
        ),
    ],
    "discussion": [
        (
            "Discussion with the police",
            "Police confirmed no further call-outs since the last "
            "core group. Bail conditions end next month.",
        ),
        (
            "Discussion with the school DSL",
            "DSL shared that {name} disclosed feeling scared at "
            "home. Logged; I will see {him} tomorrow.",
        ),
        ("Discussion with the drug and alcohol worker", "Dad attending; last test clear."),
    ],
    "management": [
        (
            "Supervision",
            "Case discussed in supervision. Agreed to increase visits and to "
            "check the father's new address with the police.",
        ),
        (
            "Management oversight",
            "Reviewed the file: visits in timescale, plan on track. Next review date agreed.",
        ),
    ],
    "direct_work": [
        (
            "Direct work with {name}",
            "Used the three houses with {name}. Worries: the shouting, "
            "money. Good things: Nan, football. Dreams: a dog.",
        ),
        ("Life story work", "Looked at photos with {name} and talked about the family tree."),
    ],
    "office": [
        (
            "Meeting with {carer}",
            "{carer} came to the office to sign the consent forms and talk about the plan.",
        ),
    ],
}

# --- Closures ------------------------------------------------------------------------------

CLOSURE_RATIONALE = {
    "RC8": [
        "The assessment found no ongoing need. {name} is safe and well; the family know how "
        "to ask for help and the school will refer again if worried.",
        "No further action after assessment: a single incident, no pattern; the parents have "
        "support from family and the GP.",
    ],
    "RC9": [
        "Needs can be met by early help with the family's agreement; a family support worker "
        "has been allocated and has met the family.",
        "Step-down agreed with the family and early help; the lead professional has the "
        "assessment and will re-refer if concerns rise.",
    ],
    "RC7": [
        "The plan's actions have been achieved and sustained. {name} says things are better; "
        "school and health agree. Universal services will continue.",
        "Changes sustained for three months after the plan ended; the family no longer need "
        "children's social care. Early help will offer a follow-up.",
        "The family have engaged well and the plan's outcomes are met; closing with the "
        "family's agreement.",
    ],
    "RC5": [
        "The family have moved to Lincolnshire; the case has been transferred to their "
        "children's services, who have the records.",
    ],
}
APPROVE_COMMENTS = [
    "Agree with closure.",
    "Agreed: the rationale is clear and the family know how to get help.",
    "Approved. Please send the closure letter to the family and partners.",
    "Agree step-down; make sure early help have the assessment.",
]
OVERRIDE_REASONS = {
    "re_referral": [
        "The earlier referral was for a different concern, now resolved; this one is assessed "
        "as low risk.",
        "Re-referral noted; the family are now working with early help, who will escalate.",
    ],
    "open_plan_actions": [
        "Remaining actions are with universal services and will continue without us.",
        "The outstanding actions are no longer needed; the family's needs are met.",
    ],
    "high_risk_factors": [
        "Dad has left the home and Mum is working with the domestic abuse service; "
        "risk is now low.",
        "Parent is engaging with the substance misuse service and tests are clear; "
        "school will monitor.",
    ],
    "other": ["Risks considered with the worker; closure is proportionate."],
}

# --- Minimising language (finding AP4) -----------------------------------------------------

# Sentences with a phrase from the language app's default list (lantern/language/defaults.py),
# as they might appear in a record. Each avoids the words that would excuse the phrase.
MINIMISING = [
    "{parent} said it was over chastisement after {name} would not go to bed.",
    "Police described the adults' volatile relationship.",
    "{parent} admitted to some rough handling when {name} would not settle.",
    "{carer} said {parent} smacked {name} once.",
    "The family fit the toxic trio.",
    "This looks like disguised compliance.",
    "The older children are putting themselves at risk by staying out.",
    "Going missing appears to be a lifestyle choice.",
]
