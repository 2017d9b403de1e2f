"""The phrases Lantern starts with (loaded by a data migration; administrators add more).

Each reason says why inspectors and safeguarding reviews treat the phrase as minimising, and
what to write instead."""

DEFAULT_PHRASES = [
    {
        "phrase": "over chastisement",
        "reason": (
            "It describes an assault on a child as discipline that went a little too far. "
            "Inspectors found it used for assaults (finding AP4)."
        ),
        "suggestion": "Say what happened: who hit the child, with what, where, and any mark.",
    },
    {
        "phrase": "rough handling",
        "reason": "It can describe an assault as clumsiness and hides what the adult did.",
        "suggestion": "Describe the act: grabbed, shook, pushed, dragged; where, and any injury.",
    },
    {
        "phrase": "smacked",
        "reason": (
            "On its own, 'smacked' can minimise an assault: it does not say how hard, where, "
            "with what, or whether it left a mark."
        ),
        "suggestion": "Add where on the body, with what, how often, and whether there was a mark.",
        "unless_near": [
            "arm",
            "belt",
            "bottom",
            "bruise",
            "face",
            "hand",
            "hard",
            "head",
            "injur",
            "leg",
            "mark",
            "red",
            "slipper",
            "times",
        ],
    },
    {
        "phrase": "toxic trio",
        "reason": (
            "A label for domestic abuse, parental mental ill-health and substance misuse that "
            "says nothing about this child's experience of them."
        ),
        "suggestion": "Describe each risk and what it means for this child day to day.",
    },
    {
        "phrase": "disguised compliance",
        "reason": (
            "Used as a conclusion it blames the family without evidence and closes down "
            "analysis of why the plan is not working."
        ),
        "suggestion": (
            "Say what the parents agreed to, what they did, and what changed for the child."
        ),
    },
    {
        "phrase": "volatile relationship",
        "reason": (
            "It presents domestic abuse as mutual and hides who is harming whom and the "
            "impact on the child."
        ),
        "suggestion": "Name the abuse, who is responsible, and what the child saw or heard.",
    },
    {
        "phrase": "putting themselves at risk",
        "reason": (
            "It places responsibility for exploitation or abuse on the child. Children cannot "
            "consent to their own exploitation."
        ),
        "suggestion": "Describe the risk and who poses it: 'is being exploited by…'.",
    },
    {
        "phrase": "lifestyle choice",
        "reason": "It treats a child's exploitation or harm as something the child chose.",
        "suggestion": "Describe the harm and the adults or peers causing it.",
    },
    {
        "phrase": "promiscuous",
        "reason": "It blames a child for sexual abuse or exploitation.",
        "suggestion": "Describe the concern as possible sexual exploitation or abuse.",
    },
]
