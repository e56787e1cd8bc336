# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""General meeting demo data (sosolo_meeting), dated from the demo dates.

This year's ordinary meeting, on the demo's day, is called (its notice
five weeks before, inside lag (2018:672) 6 kap. 17 §'s window), digital
and open, with one open ballot that Anna and Bertil can vote in. Where
the demo's day is more than six months after the fiscal year's end the
meeting is late, as 6 kap. allows staff to hold it after a warning. An
earlier meeting, an extra one six weeks after Anna and Bertil became
members (the demo's members have no earlier year, so last year's roll
would be empty), is closed with published minutes that carry its roll.
"""
import datetime as dt

from proteus import Model, Report

NOTICE = dt.timedelta(weeks=5)


def load(config, company, progress, dates):
    "Hold the demo's meetings on the DemoDates `dates`."
    from .demo import answering_warnings
    Configuration = Model.get('sosolo.membership.configuration',
        config=config)
    Meeting = Model.get('sosolo.meeting', config=config)
    Ballot = Model.get('sosolo.meeting.ballot', config=config)
    progress.step(label="Föreningsstämma")
    configuration = Configuration(1)
    configuration.meeting_digital = True
    configuration.save()

    def called(kind, date, name, **values):
        meeting = Meeting(company=company, kind=kind, name=name,
            meeting_date=date, **values)
        meeting.items.new(title="Stämmans öppnande", kind='opening')
        meeting.items.new(title="Val av justerare", kind='election')
        meeting.save()
        # The notice went out five weeks before the meeting, not today.
        answering_warnings(config, Meeting._proxy.call, [meeting.id],
            date - NOTICE, config.context)
        Meeting.click([meeting], 'open')
        meeting.reload()
        return meeting

    past_date = dates.capital_payment + dt.timedelta(weeks=6)
    past = called('extra', past_date,
        f"Extra föreningsstämma {past_date.isoformat()}",
        form='physical', place="Storgatan 12, Lycksele")
    past.chair = past.roll[0].member.party
    past.minute_taker = past.roll[-1].member.party
    past.adjusters.append(past.roll[-1].member.party)
    past.minutes = ("Stämman öppnades och valde justerare. "
        "Röstlängden bifogas.")
    past.save()
    Meeting.click([past], 'close')
    # The demo's stand-in for the minutes signed on paper and scanned:
    # the printed minutes themselves.
    _, past.signed_minutes, _, _ = Report('sosolo.meeting.minutes',
        config=config).execute([past], {})
    past.signed_minutes_name = 'protokoll.pdf'
    past.save()
    for button in ['approve', 'publish']:
        Meeting.click([past], button)

    year_end = dates.fiscal_year_end(0)
    meeting = called('ordinary', dates.today,
        f"Ordinarie föreningsstämma {dates.today.year}",
        form='digital', fiscal_year_end=year_end,
        link='https://stamma.example.se/sosolo',
        participation="Logga in i medlemsportalen under Stämma och rösta "
        "där medan stämman pågår. Mötet sänds via länken.")
    ballot = Ballot(meeting=meeting, title="Fastställande av dagordningen")
    ballot.save()
    Ballot.click([ballot], 'open')
    return meeting
