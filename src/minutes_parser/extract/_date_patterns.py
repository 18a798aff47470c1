"""The vocabulary of due-date expressions: month and weekday names, numbers in words, and the
compiled patterns ``dates.py`` matches with.

Patterns are case-sensitive unless scoped with ``(?i:...)``, so that "may" (modal), "march" (verb)
and lower-case "sun"/"wed" never read as dates. Every repetition is bounded: inputs can be
megabytes on one line.
"""

from __future__ import annotations

import re

# "march" (verb) and lower-case "sun"/"wed" never read as dates.

_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "twenty-one": 21, "twenty-eight": 28,
    "thirty": 30, "sixty": 60, "ninety": 90, "a couple of": 2, "couple of": 2,
}  # fmt: skip
_NUMBER_WORD_RE = "|".join(
    re.escape(w).replace(r"\ ", r"\s{1,3}") for w in sorted(_NUMBER_WORDS, key=len, reverse=True)
)


def _month(group: str) -> str:
    return (
        rf"(?<![A-Za-z])(?P<{group}>(?i:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?"
        r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
        r"|Mar(?:ch)?|MAR(?:CH)?|May|MAY)(?![A-Za-z])"
    )


# Any month name as the patterns read one (led by its first letters): every pattern that holds
# a month name needs one, so a text without one is not scanned for them.
_ANY_MONTH = re.compile("(?=(?i:[jfasond])|M)" + _month("month"))
_DIGIT = re.compile(r"\d")

_WEEKDAY_ANY = (
    r"(?<![A-Za-z])(?P<wd>(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"|Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)(?![A-Za-z])\.?"
)
_WEEKDAY_FULL = r"(?<![A-Za-z])(?P<wd>(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day))(?![A-Za-z])"
_YEAR = r"(?:19|20)\d{2}(?![\d/]|-\d)"
_ORD = r"(?i:st|nd|rd|th)?"
_DAY = rf"(?<![\d£$€.,/:])(?P<day>[0-3]?\d){_ORD}(?!\d)"
_S = r"\s{1,3}"  # bounded whitespace: no unbounded repetition anywhere
_END_OF = rf"(?P<endof>(?:the{_S})?(?i:end|close)(?:{_S}|-)(?i:of)(?:{_S}|-)(?:the{_S})?)"

_DMY = re.compile(
    "(?=[0-9MTWFSmtwfs])"
    rf"(?:{_WEEKDAY_ANY},?{_S}(?:the{_S})?)?{_DAY}(?:{_S}(?i:of))?(?:{_S}|-){_month('month')}"
    rf"(?:\.?(?:,?{_S}|-)(?P<year>{_YEAR}))?"
)
_MDY = re.compile(
    "(?=[MTWFSmtwfsJjAaOoNnDd])"
    rf"(?:{_WEEKDAY_ANY},?{_S})?{_month('month')}\.?{_S}(?:the{_S})?(?P<day>[0-3]?\d){_ORD}(?!\d)"
    rf"(?:,?{_S}(?P<year>{_YEAR}))?"
)
_NUMERIC_DMY = re.compile(
    "(?=[0-9])"
    r"(?<![\d/.\-A-Za-z])(?<!(?i:version|release)\s)(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    r"(?!\d|[/.\-]\d)"
)
_NUMERIC_ISO = re.compile(
    "(?=[12])"
    r"(?<![\d/.\-])(?P<year>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?!\d|[/.\-]\d)"
)
_NUMERIC_DM = re.compile(
    "(?=[0-9])"
    r"(?<![\d/.\-A-Za-z])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/]|\.\d)")
_DAY_LIST = re.compile(
    "(?=[0-9])"
    rf"(?<![\d£$€.,/])[0-3]?\d{_ORD}"
    rf"(?:\s{{0,2}}(?:,(?:\s{{0,2}}(?i:or|and))?|(?i:or|and|to)|&|-|–)\s{{0,2}}(?:the{_S})?[0-3]?\d{_ORD}){{1,6}}"
    rf"(?:{_S}(?i:of))?(?:{_S}|-){_month('month')}(?:\.?,?{_S}(?P<year>{_YEAR}))?"
)
_MONTH_ONLY = re.compile(
    "(?=[TtEeCcJjFfMmAaSsOoNnDd])"
    rf"(?:{_END_OF})?{_month('month')}(?:\.?,?{_S}(?P<year>{_YEAR}))?")
_MONTH_PART = re.compile(
    "(?=[MmEeLlTtBbSs])"
    rf"(?P<part>(?i:mid|early|late|(?:the{_S})?(?:beginning|start|middle){_S}of))"
    rf"(?:\s{{0,3}}-\s{{0,3}}|{_S})(?:the{_S})?{_month('month')}(?:\.?,?{_S}(?P<year>{_YEAR}))?"
)
_MONTH_MEETING = re.compile(
    "(?=[TtJjFfMmAaSsOoNnDd])"
    rf"(?:the{_S})?{_month('month')}(?:{_S}(?P<year>{_YEAR}))?{_S}"
    rf"(?:(?:[A-Z][A-Za-z&]{{1,20}}|(?i:board|committee|council|parish|panel|full|ordinary)){_S}){{0,2}}"
    r"(?:(?i:meeting|agenda)|(?<=[a-z] )(?:[A-Z][a-z]+ )?(?:Council|Committee|Board|Cabinet)(?=\s*(?:[.,;:)]|$)))(?![A-Za-z])"
)
_NEXT_MEETING = re.compile(
    "(?=[Nn])"
    rf"(?i:next){_S}(?:(?i:scheduled|ordinary|full|formal|regular|monthly|quarterly|public){_S})?"
    rf"(?:(?:[A-Z][A-Za-z&]{{1,20}}|(?i:board|committee|council|parish|panel|cabinet|group|team)){_S}){{0,3}}"
    r"(?:(?i:meeting|agenda)(?![A-Za-z])(?:'s)?|(?i:board|committee|council|panel|cabinet)"
    r"(?=\s{0,3}(?:[.,;:)\]]|$|(?i:on|in|for|and|to|at|with|when|if|as|about)\b)))"
)
_AFTER_NEXT_MEETING = re.compile(
    rf"(?:{_S}(?i:of|for){_S}(?:the{_S})?(?:[A-Za-z&'-]{{1,20}}{_S}){{0,3}}?[A-Za-z&'-]{{1,20}})?"
    rf",?\s{{0,3}}(?:(?i:which{_S}is|to{_S}be{_S}held|scheduled{_S}for|due{_S}to{_S}be{_S}held){_S})?"
    rf"(?:(?i:on|in)|\(|–|-)\s{{0,3}}(?:the{_S})?"
)
_DURATION = re.compile(
    "(?=[WwIi])"
    rf"(?<![A-Za-z])(?P<cue>(?i:within|in)){_S}(?:(?P<next>(?i:the{_S}(?:next|coming|following))){_S})?"
    rf"(?:(?P<n>\d{{1,3}}|(?i:{_NUMBER_WORD_RE})){_S})?"
    rf"(?P<unit>(?i:(?:(?:working|business|calendar|clear){_S})?days?|weeks?|fortnights?|months?|years?))"
    rf"(?![A-Za-z])(?:(?i:'s|s'|')?{_S}(?i:time))?(?:{_S}(?i:or{_S}(?:less|sooner|earlier)))?"
)
_DURATION_ANCHOR = re.compile(
    rf"\s{{0,3}}(?:(?i:of|after|from|following){_S}(?P<what>[A-Za-z]{{1,12}}(?:{_S}[A-Za-z]{{1,12}})?)"
    r"|(?i:thereafter|afterwards|after\s{1,3}that))"
)
_RELATIVE_PERIOD = re.compile(
    "(?=[TtEeCcLlNn])"
    rf"(?:{_END_OF})?(?:(?P<mod>(?i:later|earlier|early|late)){_S})?"
    rf"(?:(?P<which>(?i:this|next|the{_S}coming|the))(?:{_S}|-))?(?P<unit>(?i:week|month|year))(?![A-Za-z])"
)
_YEAR_END = re.compile(
    "(?=[TtFfYy])"
    rf"(?:the{_S})?(?:(?P<fin>(?i:financial|fiscal)){_S})?(?i:year)(?:{_S}|-)?(?i:end)(?![A-Za-z])")
_END_OF_YEAR_NUMBER = re.compile(
    "(?=[TtEeCc])"
    rf"{_END_OF}(?P<year>{_YEAR})")
_BARE_YEAR = re.compile(
    "(?=[12])"
    rf"(?<![\d/£$€.,])(?P<year>{_YEAR})(?!\s{{0,2}}[/-]\s{{0,2}}\d)")
_FINANCIAL_YEAR = re.compile(
    "(?=[TtEeCc])"
    rf"{_END_OF}(?:(?P<fy1>(?:19|20)\d{{2}})\s{{0,2}}[/-]\s{{0,2}}(?P<fy2>\d{{2}}(?:\d{{2}})?)(?!\d)"
    rf"(?:{_S}(?i:financial|fiscal){_S}(?i:year))?"
    rf"|(?:(?P<next>(?i:next|following)){_S}|(?i:this|current){_S})?(?i:financial|fiscal){_S}(?i:year)"
    rf"(?:{_S}(?P<fy3>(?:19|20)\d{{2}})\s{{0,2}}[/-]\s{{0,2}}\d{{2}}(?:\d{{2}})?(?!\d))?)"
)
_QUARTER = re.compile(
    "(?=[TtEeCcQqFfSs])"
    rf"(?:{_END_OF})?(?:(?<![A-Za-z0-9])(?i:q)(?P<q>[1-4])(?![0-9])|(?i:quarter){_S}(?P<qn>[1-4]|(?i:one|two|three|four))"
    rf"|(?P<qo>(?i:first|second|third|fourth)){_S}(?i:quarter))"
    rf"(?:{_S}(?:(?i:of){_S})?(?:(?i:fy)\s?)?(?P<y1>(?:19|20)\d{{2}})(?:\s{{0,2}}[/-]\s{{0,2}}(?P<y2>\d{{2}}(?:\d{{2}})?))?(?!\d))?"
)
_SEASON = re.compile(
    "(?=[TtEeCcSsAaFfWw])"
    rf"(?:{_END_OF})?(?P<the>the{_S})?(?P<season>(?i:spring|summer|autumn|fall|winter))(?![A-Za-z])"
    rf"(?:{_S}(?P<year>{_YEAR}))?"
    rf"(?!{_S}(?i:concert|fayre|fair|f[eê]te|show|festival|event|edition|school|camp|party|programme"
    r"|program|term|solstice|season|scheme|newsletter|trip|outing|games|months)\b)"
)
_TERM = re.compile(
    "(?=[TtEeCc])"
    rf"{_END_OF}(?:(?:the|this){_S})?(?:(?P<term>(?i:autumn|spring|summer|christmas|michaelmas|lent|trinity)){_S})?"
    r"(?i:term)(?![A-Za-z])"
)
_WEEKDAY_ALONE = re.compile(
    "(?=[NnTtCcMWFSmwfs])"
    rf"(?:(?P<rel>(?i:next|this|the{_S}coming|coming)){_S})?{_WEEKDAY_FULL}(?:'s)?"
    rf"(?!{_S}(?i:evenings|mornings|afternoons|nights))"
)
_NEW_YEAR = re.compile(
    "(?=[EeIi])"
    rf"(?:(?i:early){_S})?(?i:in{_S}the{_S}new{_S}year)(?![A-Za-z])")
_TOMORROW = re.compile(
    "(?=[Tt])"
    r"(?<![A-Za-z])(?i:tomorrow)(?![A-Za-z])")
_CHRISTMAS = re.compile(
    "(?=[CX])"
    r"(?<![A-Za-z])(?:Christmas|CHRISTMAS|Xmas)(?![A-Za-z])")

# What may stand right before an expression, read backwards from its start.
_STRONG_CUE = (
    r"(?:by|before|until|till|prior\s{1,3}to|ahead\s{1,3}of|(?:no|not)\s{1,3}later\s{1,3}than"
    r"|in\s{1,3}time\s{1,3}for|due(?:\s{1,3}(?:on|by|in|for|at))?|(?:on|at|by)\s{1,3}or\s{1,3}before"
    r"|close\s{1,3}of\s{1,3}(?:play|business)(?:\s{1,3}on)?|deadline(?:\s{1,3}date)?(?:\s{1,3}(?:of|is|on))?)"
)
_CUE_BEFORE = re.compile(
    rf"(?:\b(?P<strong>{_STRONG_CUE})|\b(?P<weak>on|for|at|in|during|towards|around)|(?P<punct>[–—:(\[]|\s-|^))"
    r"\s{0,3}(?:the\s{1,3})?$",
    re.IGNORECASE,
)
# "the deadline is ...", "before the closing date of ..." (a consultation's or an application's)
_DEADLINE_BEFORE = re.compile(r"\b(?:deadline|closing\s{1,3}date)\b[^.;!?\n]{0,40}$", re.IGNORECASE)
_WEEK_COMMENCING_BEFORE = re.compile(
    r"(?:\bw/?[ce]|\bweek\s{1,3}(?:commencing|beginning|starting|ending|of))\.?\s{0,3}(?:the\s{1,3})?$", re.I
)
_NEXT_MEETING_HEADER_BEFORE = re.compile(r"\bdate\s{1,3}(?:and\s{1,3}time\s{1,3})?of\s{1,3}(?:the\s{1,3})?$", re.I)
_PAST_MARKER = re.compile(
    r"\b(?:was|were|had|did|met|took\s{1,3}place|last|previous|ago|since|held|began|sent|made|gave)\b"
    # any past participle but those of planning ("scheduled for", "booked for", "moved to")
    r"|\b(?!(?:schedul|plann|arrang|book|postpon|defer|mov|expect|need|requir|ask|request|invit|agre"
    r"|propos|intend|aim|reserv|fix|confirm|target|reschedul|deleg|task|charg)ed\b)[a-z]{3,20}ed\b",
    re.I,
)
_FUTURE_MARKER = re.compile(
    r"\b(?:will|would|shall|should|must|be|is|are|going|plans?|planned|next|scheduled|expected"
    r"|due|aim|aims|intends?|hopes?|target|needs?|asked|agreed)\b|'ll\b"
    r"|\bto\s{1,3}(?!(?:the|a|an|his|her|their|our|all|each|every|this|that|these|those)\b)[a-z]{2,}",
    re.I,
)
_HABITUAL = re.compile(r"\b(?:each|every|annually|usually|normally|always|typically)\b", re.I)
_SENTENCE_BEFORE = re.compile(r"[.;!?\n][^.;!?\n]{0,160}$")
_SENTENCE_AFTER = re.compile(r"[^.;!?\n]{0,160}")
# A number right after a day date ("April 18 309.76", "December 10/12/2024"), unless a time.
_NUMBER_AFTER = re.compile(
    r"[/.\-]\d|\s{0,2}(?!\d{1,2}(?:[:.]\d{2})?\s?(?i:[ap]\.?m|hrs?\b|o'clock)|\d{1,2}:\d{2})\d"
)
_AS_AT_BEFORE = re.compile(r"\bas\s{1,3}(?:at|of)\s{1,3}$", re.I)  # "as at end of September": a status date

# Cue classes a candidate accepts (besides a strong cue, which every rule accepts).
_DAY_CUES = frozenset({"on", "for", "at", "punct"})
_MONTH_CUES = frozenset({"in", "for", "during"})
_PERIOD_CUES = frozenset({"in", "during"})
_END_OF_CUES = frozenset({"at", "for", "towards", "around", "punct"})

# Day ranges in a meeting header ("30–31 January 2024", "Monday 30 and Tuesday 31 January 2024",
# "30 January – 1 February 2024", "January 30-31, 2024"): the meeting began on the first day.
_WEEKDAY_PLAIN = (
    r"(?<![A-Za-z])(?:(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)|Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)"
    r"(?![A-Za-z])\.?"
)
_RANGE_JOIN = r"\s{0,3}(?:-|–|—|/|&|(?i:to|and|until|through|thru))\s{0,3}"
_RANGE_DMY = re.compile(
    "(?=[0-9MTWFSmtwfs])"
    rf"(?:{_WEEKDAY_PLAIN},?{_S}(?:the{_S})?)?(?<![\d£$€.,/:])(?P<d1>[0-3]?\d){_ORD}(?!\d)"
    rf"(?:(?:{_S}(?i:of))?{_S}{_month('m1')}\.?(?:,?{_S}(?P<y1>{_YEAR}))?)?"
    rf"{_RANGE_JOIN}(?:{_WEEKDAY_PLAIN},?{_S}(?:the{_S})?)?(?P<d2>[0-3]?\d){_ORD}(?!\d)"
    rf"(?:{_S}(?i:of))?(?:{_S}|-){_month('m2')}\.?(?:,?{_S}|-)(?P<y2>{_YEAR})"
)
_RANGE_MDY = re.compile(
    "(?=[MTWFSmtwfsJjAaOoNnDd])"
    rf"(?:{_WEEKDAY_PLAIN},?{_S})?{_month('m1')}\.?{_S}(?P<d1>[0-3]?\d){_ORD}(?!\d)(?:,?{_S}(?P<y1>{_YEAR}))?"
    rf"{_RANGE_JOIN}(?:{_WEEKDAY_PLAIN},?{_S})?(?:{_month('m2')}\.?{_S})?(?P<d2>[0-3]?\d){_ORD}(?!\d)"
    rf",?{_S}(?P<y2>{_YEAR})"
)
