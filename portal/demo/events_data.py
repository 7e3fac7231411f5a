"""Demo content: peer-learning events (study visits, webinars, conferences, trainings, workshops)
organised by the demo organisations in data_a.py and data_b.py.

Pure data. Dates are day offsets relative to the day the demo is loaded (negative = past), so the
demo always has past, running and upcoming events. Times are local times in the event's timezone.
Venues are fictional; links use reserved example domains only.
"""

EVENTS = [
    # ------------------------------------------------------------------ upcoming
    {
        "slug": "study-visit-vasterby-language-at-work",
        "title": "Study visit: language learning at the workplace in Västerby",
        "kind": "study-visit",
        "format": "in-person",
        "status": "scheduled",
        "start_day": 24,
        "end_day": 25,
        "all_day": True,
        "start_time": None,
        "end_time": None,
        "timezone": "Europe/Stockholm",
        "venue": "Västerby Adult Education Centre",
        "address": "Storgatan 12",
        "city": "Västerby",
        "country": "se",
        "online_url": "",
        "registration_url": "https://events.example.org/vasterby-visit",
        "registration_deadline_day": 14,
        "is_free": True,
        "cost_note": "",
        "organisation": "a-vasterby-integration-unit",
        "co_organisers": ["a-nyanlandas-rost"],
        "languages": ["en", "sv"],
        "areas": ["education-and-training", "employment-and-skills"],
        "targets": ["professionals"],
        "summary": (
            "A two-day study visit to Västerby's vocational Swedish programme, which combines "
            "Swedish for immigrants (SFI) with paid work placements in elderly care. Participants "
            "meet teachers, workplace supervisors and learners, visit two care homes and discuss "
            "how the model could be adapted to other sectors and municipalities."
        ),
        "body": (
            "<p>Västerby's <i>Yrkessvenska på arbetsplatsen</i> programme brings the language "
            "classroom into the workplace: learners spend part of the week in SFI classes and part "
            "in care homes, supported by language-aware supervisors. More than 400 people, most of "
            "them women, have taken part since the programme started.</p>"
            "<h3>Programme</h3>"
            "<ul>"
            "<li><b>Day 1:</b> introduction by the Integration and Labour Market Unit, visit to the "
            "adult education centre and observation of a vocational Swedish lesson.</li>"
            "<li><b>Day 2:</b> visits to two care homes, a conversation with former participants now "
            "employed as assistant nurses, and a closing discussion on transfer to other sectors "
            "such as cleaning, logistics and childcare.</li>"
            "</ul>"
            "<p>The visit is designed for municipal officers, adult education providers and "
            "employers. Places are limited to 20. Travel and accommodation are at participants' own "
            "cost; lunch on both days is offered by the hosts. Members of Nyanländas Röst will join "
            "the closing discussion.</p>"
        ),
        "related_practices": ["yrkessvenska-i-aldreomsorgen-vasterby"],
    },
    {
        "slug": "webinar-zaragoza-municipal-anti-discrimination-office",
        "title": "Webinar: setting up a municipal anti-discrimination office",
        "kind": "webinar",
        "format": "online",
        "status": "scheduled",
        "start_day": 9,
        "end_day": 9,
        "all_day": False,
        "start_time": "12:00",
        "end_time": "13:30",
        "timezone": "Europe/Madrid",
        "venue": "",
        "address": "",
        "city": "",
        "country": "es",
        "online_url": "https://meet.example.org/zaragoza-equal-treatment",
        "registration_url": "https://igualdadtrato-zaragoza.example.org/webinar",
        "registration_deadline_day": 7,
        "is_free": True,
        "cost_note": "",
        "organisation": "b-zaragoza-equal-treatment-office",
        "co_organisers": ["b-mediterranean-inclusive-cities"],
        "languages": ["en", "es"],
        "areas": ["cross-cutting"],
        "targets": ["professionals"],
        "summary": (
            "Zaragoza's Office for Equal Treatment and Non-Discrimination explains how a city can "
            "offer residents a place to report discrimination, receive legal guidance and mediation, "
            "and how complaint data can inform municipal policy. Aimed at cities considering a "
            "similar service."
        ),
        "body": (
            "<p>Many victims of discrimination never report it: they do not know where to go, "
            "doubt that anything will change, or fear consequences for their residence status. "
            "Zaragoza opened a municipal office in 2019 that receives complaints in person, by phone "
            "and online, offers mediation with landlords, employers and service providers, and "
            "refers cases to the equality body or the courts where needed.</p>"
            "<h3>Agenda</h3>"
            "<ol>"
            "<li>Legal basis and mandate: what a municipality can and cannot do</li>"
            "<li>Staffing, budget and cooperation with NGOs and the regional equality body</li>"
            "<li>Reaching under-reporting groups, including migrants, Roma and LGBTIQ people</li>"
            "<li>Using anonymised case data to change municipal rules and practices</li>"
            "<li>Questions and answers</li>"
            "</ol>"
            "<p>The webinar is co-hosted by the Mediterranean Inclusive Cities Network as part of "
            "its working group on anti-discrimination. Simultaneous interpretation between English "
            "and Spanish is provided.</p>"
        ),
        "related_practices": [],
    },
    {
        "slug": "webinar-altenbrueck-integration-monitoring-dashboard",
        "title": "Webinar: building a local integration monitoring dashboard",
        "kind": "webinar",
        "format": "online",
        "status": "scheduled",
        "start_day": 16,
        "end_day": 16,
        "all_day": False,
        "start_time": "10:00",
        "end_time": "11:30",
        "timezone": "Europe/Berlin",
        "venue": "",
        "address": "",
        "city": "",
        "country": "de",
        "online_url": "https://meet.example.org/altenbrueck-monitoring",
        "registration_url": "https://altenbrueck.example.org/integration/webinar-monitoring",
        "registration_deadline_day": 14,
        "is_free": True,
        "cost_note": "",
        "organisation": "a-altenbruck-integration-office",
        "co_organisers": ["b-portugal-integration-council"],
        "languages": ["en", "de"],
        "areas": ["cross-cutting"],
        "targets": ["professionals"],
        "summary": (
            "How can a medium-sized city track integration outcomes without a research department? "
            "Altenbrück's statistics and integration teams explain how they built a public "
            "dashboard from administrative data the city already held, which indicators they chose "
            "and how the figures now feed into council decisions."
        ),
        "body": (
            "<p>Altenbrück's integration monitoring dashboard brings together around 40 indicators "
            "on education, employment, housing, health and participation, broken down by district. "
            "It is updated twice a year and is open to the public.</p>"
            "<h3>Topics</h3>"
            "<ul>"
            "<li>Choosing indicators: aligning local data with national and EU frameworks</li>"
            "<li>Data protection and working with small numbers at district level</li>"
            "<li>Tools: open-source software and the real cost of maintenance</li>"
            "<li>From data to decisions: how the dashboard shaped the school social work budget</li>"
            "</ul>"
            "<p>A colleague from Portugal's National Council for Migrant Integration and Monitoring "
            "will comment on the links between local and national monitoring. The session is held "
            "in English; questions may also be asked in German. Slides and a short template for a "
            "first set of local indicators will be sent to all registered participants.</p>"
        ),
        "related_practices": [],
    },
    {
        "slug": "training-recognition-foreign-nursing-qualifications",
        "title": "Online training: guiding internationally trained nurses through recognition",
        "kind": "training",
        "format": "online",
        "status": "scheduled",
        "start_day": 30,
        "end_day": 30,
        "all_day": False,
        "start_time": "09:30",
        "end_time": "12:30",
        "timezone": "Europe/Rome",
        "venue": "",
        "address": "",
        "city": "",
        "country": "it",
        "online_url": "https://formazione.example.eu/nurse-recognition",
        "registration_url": "https://integrazione-er.example.eu/formazione/infermieri",
        "registration_deadline_day": 23,
        "is_free": True,
        "cost_note": "",
        "organisation": "b-emilia-romagna-integration-office",
        "co_organisers": [],
        "languages": ["en", "it"],
        "areas": ["employment-and-skills", "health"],
        "targets": ["professionals"],
        "summary": (
            "A three-hour online training for careers advisers, integration case workers and "
            "hospital HR staff on the steps internationally trained nurses must take to work in "
            "their profession: document checks, compensation measures, language requirements and "
            "interim jobs that keep skills alive."
        ),
        "body": (
            "<p>Health services across Europe are short of nurses, while many refugees and migrants "
            "with nursing degrees work in unrelated jobs for years. The Emilia-Romagna region "
            "created a guided pathway that brings the recognition authority, universities, "
            "hospitals and integration services together around each candidate.</p>"
            "<h3>Modules</h3>"
            "<ol>"
            "<li>The recognition procedure step by step, including cases with missing documents</li>"
            "<li>Compensation measures: aptitude tests and adaptation periods</li>"
            "<li>Language requirements and specialised Italian for health care</li>"
            "<li>Working as a healthcare assistant while the procedure is under way</li>"
            "<li>Case studies and exercises in small groups</li>"
            "</ol>"
            "<p>Although the legal framework presented is Italian, the advice on case management "
            "and cooperation with employers applies in any country. The training is interactive and "
            "limited to 40 participants; cameras on is recommended.</p>"
        ),
        "related_practices": [],
    },
    {
        "slug": "workshop-dublin-business-support-migrant-women",
        "title": "Workshop: designing business support with migrant women entrepreneurs",
        "kind": "workshop",
        "format": "in-person",
        "status": "scheduled",
        "start_day": 38,
        "end_day": 38,
        "all_day": False,
        "start_time": "10:00",
        "end_time": "15:00",
        "timezone": "Europe/Dublin",
        "venue": "The Liberties Enterprise Hub",
        "address": "62 Thomas Street",
        "city": "Dublin",
        "country": "ie",
        "online_url": "",
        "registration_url": "https://sisters-enterprise.example.org/events/co-design-workshop",
        "registration_deadline_day": 31,
        "is_free": True,
        "cost_note": "",
        "organisation": "a-sisters-in-enterprise-ireland",
        "co_organisers": [],
        "languages": ["en"],
        "areas": ["employment-and-skills", "cross-cutting"],
        "targets": ["professionals", "women"],
        "summary": (
            "A hands-on workshop for local enterprise offices, banks, chambers of commerce and NGOs "
            "on co-designing business support with migrant women. Members of Sisters in Enterprise "
            "lead the sessions and share what helped them start and grow their businesses, and what "
            "stood in their way."
        ),
        "body": (
            "<p>Migrant women start businesses at high rates in Ireland, yet many mainstream "
            "support schemes do not reach them: eligibility rules, lack of childcare, missing "
            "credit histories and an absence of role models all play a part. In this workshop, "
            "entrepreneurs from the Sisters in Enterprise network work side by side with support "
            "providers to redesign one service each.</p>"
            "<h3>Format</h3>"
            "<ol>"
            "<li>Morning: four entrepreneurs present their journeys, from market stall to "
            "registered company.</li>"
            "<li>Midday: mapping the barriers in existing schemes, in mixed small groups.</li>"
            "<li>Afternoon: prototyping changes, from application forms to mentoring formats, and "
            "agreeing on next steps.</li>"
            "</ol>"
            "<p>Childcare is available on site and must be booked when registering. Lunch is "
            "provided by a catering business run by one of the network's members.</p>"
        ),
        "related_practices": [],
    },
    {
        "slug": "workshop-graz-combining-amif-and-esf-plus",
        "title": "Workshop: combining AMIF and ESF+ in local integration partnerships",
        "kind": "workshop",
        "format": "hybrid",
        "status": "postponed",
        "start_day": 45,
        "end_day": 45,
        "all_day": False,
        "start_time": "09:00",
        "end_time": "16:00",
        "timezone": "Europe/Vienna",
        "venue": "Styrian Integration House",
        "address": "Annenstraße 20",
        "city": "Graz",
        "country": "at",
        "online_url": "https://meet.example.eu/styria-funds-workshop",
        "registration_url": "",
        "registration_deadline_day": None,
        "is_free": True,
        "cost_note": "",
        "organisation": "a-styria-integration-office",
        "co_organisers": ["b-emilia-romagna-integration-office"],
        "languages": ["en", "de"],
        "areas": ["cross-cutting", "employment-and-skills"],
        "targets": ["professionals"],
        "summary": (
            "A practical workshop for regional and local authorities on planning integration "
            "measures that draw on both the Asylum, Migration and Integration Fund and the European "
            "Social Fund Plus: demarcation rules, shared governance, joint monitoring and avoiding "
            "double funding."
        ),
        "body": (
            "<p><b>Postponed:</b> because the new national AMIF programme guidance is still "
            "awaited, this workshop has been postponed. A new date will be announced here, and "
            "registration will reopen then.</p>"
            "<p>People rarely fit neatly into one funding programme: a refugee may need language "
            "classes funded by AMIF and job coaching funded by ESF+ in the same month. The Styrian "
            "integration partnership built a single entry point behind which both funds operate, "
            "with one case manager per person.</p>"
            "<h3>Sessions</h3>"
            "<ul>"
            "<li>Demarcation between AMIF and ESF+ in practice, with the managing authorities</li>"
            "<li>Partnership agreements, shared data and joint reporting</li>"
            "<li>Experience from Emilia-Romagna on coordinating EU funds at regional level</li>"
            "<li>Clinic: participants bring their own funding plans for peer advice</li>"
            "</ul>"
        ),
        "related_practices": [],
    },
    {
        "slug": "workshop-wroclaw-participatory-budget-foreign-residents",
        "title": "Workshop: opening participatory budgets to foreign residents",
        "kind": "workshop",
        "format": "hybrid",
        "status": "cancelled",
        "start_day": 52,
        "end_day": 52,
        "all_day": False,
        "start_time": "10:00",
        "end_time": "14:00",
        "timezone": "Europe/Warsaw",
        "venue": "Social Dialogue Centre",
        "address": "ul. Świdnicka 28",
        "city": "Wrocław",
        "country": "pl",
        "online_url": "https://meet.example.org/wroclaw-budget-workshop",
        "registration_url": "",
        "registration_deadline_day": None,
        "is_free": True,
        "cost_note": "",
        "organisation": "b-wroclaw-foreigners-unit",
        "co_organisers": ["b-brno-integration-office"],
        "languages": ["en", "pl", "uk"],
        "areas": ["cross-cutting"],
        "targets": ["professionals"],
        "summary": (
            "A workshop for city officials on how Wrocław opened its participatory budget to "
            "foreign residents, including people under temporary protection: eligibility rules, "
            "multilingual voting, outreach through community leaders, and projects proposed and won "
            "by newcomers."
        ),
        "body": (
            "<p><b>Cancelled:</b> owing to changes in the municipal calendar, the Foreigners' "
            "Affairs Unit has cancelled this workshop. Registered participants have been informed "
            "by email. The materials will be presented instead in a webinar later in the year.</p>"
            "<p>Every adult living in Wrocław can propose and vote for projects in the city's "
            "participatory budget, regardless of nationality. The workshop was to cover:</p>"
            "<ul>"
            "<li>changes to the rules and their legal basis;</li>"
            "<li>voting in Polish, Ukrainian and English, online and at paper voting points;</li>"
            "<li>outreach through schools, parishes and community leaders;</li>"
            "<li>examples of winning projects, from a Ukrainian-language reading corner to a "
            "neighbourhood playground.</li>"
            "</ul>"
            "<p>Colleagues from Brno were to share their experience of resident consultations in "
            "the Zábrdovice neighbourhood.</p>"
        ),
        "related_practices": [],
    },
    {
        "slug": "study-visit-utrecht-shared-housing-young-refugees",
        "title": "Study visit: shared housing for young refugees and students in Utrecht",
        "kind": "study-visit",
        "format": "in-person",
        "status": "rescheduled",
        "start_day": 63,
        "end_day": 63,
        "all_day": True,
        "start_time": None,
        "end_time": None,
        "timezone": "Europe/Amsterdam",
        "venue": "Thuisbasis Community House Kanaleneiland",
        "address": "Vasco da Gamalaan 40",
        "city": "Utrecht",
        "country": "nl",
        "online_url": "",
        "registration_url": "https://thuisbasis.example.org/study-visit",
        "registration_deadline_day": 49,
        "is_free": True,
        "cost_note": "",
        "organisation": "a-thuisbasis-foundation",
        "co_organisers": ["a-iami-regional-office"],
        "languages": ["en", "nl"],
        "areas": ["housing", "cross-cutting"],
        "targets": ["professionals"],
        "summary": (
            "A one-day visit to Thuisbasis housing projects where young refugees and Dutch students "
            "share flats, a common living room and a commitment to neighbourhood activities. "
            "Participants meet residents, housing association staff and municipal youth workers, "
            "and discuss the Next Step programme for care leavers."
        ),
        "body": (
            "<p><b>New date:</b> this visit has been moved from its original date to avoid a clash "
            "with the Reception to Home conference. Registrations already received remain valid.</p>"
            "<p>Young refugees who arrive alone often leave supported accommodation at 18 with "
            "little network and few housing options. In Thuisbasis projects, each building houses "
            "equal numbers of young refugees and students, who sign a social contract to organise "
            "joint activities.</p>"
            "<h3>Programme</h3>"
            "<ul>"
            "<li>Morning: tour of two buildings and conversation with residents</li>"
            "<li>Lunch with the housing association and the municipality</li>"
            "<li>Afternoon: how the Next Step programme supports care leavers, followed by a "
            "session on costs, tenancy law and conditions for transfer to other cities</li>"
            "</ul>"
            "<p>Please respect residents' privacy: photos are only allowed in common areas.</p>"
        ),
        "related_practices": [
            "shared-housing-young-refugees-and-students-utrecht",
            "next-step-housing-young-refugees-leaving-care",
        ],
    },
    {
        "slug": "conference-marseille-mediterranean-cities-forum",
        "title": "Mediterranean Cities Forum: from reception to integration",
        "kind": "conference",
        "format": "hybrid",
        "status": "scheduled",
        "start_day": 96,
        "end_day": 98,
        "all_day": False,
        "start_time": "09:30",
        "end_time": "13:00",
        "timezone": "Europe/Paris",
        "venue": "Joliette Conference Centre",
        "address": "12 quai de la Joliette",
        "city": "Marseille",
        "country": "fr",
        "online_url": "https://live.example.eu/med-cities-forum",
        "registration_url": "https://med-inclusive-cities.example.eu/forum",
        "registration_deadline_day": 80,
        "is_free": False,
        "cost_note": (
            "EUR 180 for three days including lunches; EUR 60 for NGOs, migrant-led organisations "
            "and students; online participation free"
        ),
        "organisation": "b-mediterranean-inclusive-cities",
        "co_organisers": [
            "b-emilia-romagna-integration-office",
            "b-zaragoza-equal-treatment-office",
            "b-athens-newcomer-voices",
        ],
        "languages": ["en", "fr", "it", "es"],
        "areas": ["cross-cutting", "housing", "health"],
        "targets": ["professionals"],
        "summary": (
            "The network's annual forum gathers mayors, city officials, civil society and "
            "migrant-led organisations from around the Mediterranean to discuss how cities can move "
            "people from emergency reception to long-term integration. It includes the findings of "
            "this year's peer reviews and site visits in Marseille."
        ),
        "body": (
            "<p>Mediterranean cities receive many new arrivals, often at short notice and with "
            "limited national support. Member cities review each other's practices in pairs, "
            "looking at the transition from reception to housing, work, health care and school. "
            "The forum presents the findings of the latest round and opens them to discussion.</p>"
            "<h3>Programme outline</h3>"
            "<ul>"
            "<li><b>Day 1:</b> opening, keynote on EU funding for local integration and plenary on "
            "the peer review findings.</li>"
            "<li><b>Day 2:</b> workshops on unaccompanied minors, housing pathways, access to health "
            "care and fighting discrimination; site visits in the afternoon.</li>"
            "<li><b>Day 3 (morning):</b> city commitments and closing session.</li>"
            "</ul>"
            "<p>Plenaries are streamed with interpretation into English, French, Italian and "
            "Spanish. Workshops and site visits are in person only and have limited places.</p>"
        ),
        "related_practices": ["mediterranean-cities-reception-to-integration-peer-reviews"],
    },
    {
        "slug": "workshop-valencia-construction-training-with-employers",
        "title": "Workshop: co-designing construction training with employers",
        "kind": "workshop",
        "format": "in-person",
        "status": "scheduled",
        "start_day": 110,
        "end_day": 110,
        "all_day": False,
        "start_time": "10:00",
        "end_time": "14:00",
        "timezone": "Europe/Madrid",
        "venue": "AFCL Training Centre",
        "address": "Carrer de Sant Vicent Màrtir 210",
        "city": "Valencia",
        "country": "es",
        "online_url": "",
        "registration_url": "https://formacion-construccion-levante.example.org/taller",
        "registration_deadline_day": 100,
        "is_free": True,
        "cost_note": "",
        "organisation": "b-levante-construction-training",
        "co_organisers": [],
        "languages": ["es", "en"],
        "areas": ["employment-and-skills", "education-and-training"],
        "targets": ["professionals"],
        "summary": (
            "Employers, trade unions and training providers from the Valencia region show how they "
            "jointly designed short vocational courses in construction for refugees and migrants, "
            "with guaranteed interviews at the end. The workshop includes a visit to the practice "
            "workshops and a talk with trainees."
        ),
        "body": (
            "<p>The construction sector in the Valencia region cannot fill vacancies for "
            "bricklayers, plasterers and installers, while many refugees and migrants look for a "
            "first job. The Levante Construction Training Association, run jointly by employers and "
            "workers' organisations, designs courses together with the companies that will hire "
            "the trainees.</p>"
            "<h3>What to expect</h3>"
            "<ul>"
            "<li>How course content, length and schedules are agreed with companies</li>"
            "<li>Technical Spanish and occupational safety taught on the building site</li>"
            "<li>Mentors from the trade unions and follow-up after hiring</li>"
            "<li>Visit to the practice workshops and a conversation with current trainees</li>"
            "</ul>"
            "<p>Participants should wear closed shoes for the workshop visit. Safety equipment is "
            "provided.</p>"
        ),
        "related_practices": [],
    },
    {
        "slug": "training-ljubljana-welcoming-kindergartens",
        "title": "Training course: welcoming newcomer children in kindergartens",
        "kind": "training",
        "format": "in-person",
        "status": "scheduled",
        "start_day": 130,
        "end_day": 131,
        "all_day": False,
        "start_time": "09:00",
        "end_time": "15:30",
        "timezone": "Europe/Ljubljana",
        "venue": "IMDS Training Centre",
        "address": "Gosposka ulica 14",
        "city": "Ljubljana",
        "country": "si",
        "online_url": "",
        "registration_url": "https://imds.example.eu/training/welcoming-kindergartens",
        "registration_deadline_day": 110,
        "is_free": False,
        "cost_note": (
            "EUR 120 for both days including materials; EUR 60 for staff of NGOs and public "
            "kindergartens"
        ),
        "organisation": "b-ljubljana-diversity-institute",
        "co_organisers": [],
        "languages": ["en", "sl"],
        "areas": ["education-and-training"],
        "targets": ["professionals"],
        "summary": (
            "A two-day course for preschool teachers, kindergarten heads and early childhood "
            "trainers based on the Welcoming Kindergartens programme. It covers settling-in periods "
            "for children who do not speak the local language, working with parents through "
            "interpreters and building home languages into daily routines."
        ),
        "body": (
            "<p>Children who arrive in a new country before school age learn the language "
            "quickly, but only if their first experience of kindergarten is a good one. The "
            "Welcoming Kindergartens programme, tested in kindergartens across Central Slovenia, "
            "gives teachers practical tools for the first weeks and months.</p>"
            "<h3>Course content</h3>"
            "<ul>"
            "<li>Gradual settling-in plans and the role of parents</li>"
            "<li>Supporting children who are silent in the new language</li>"
            "<li>Using home languages in play, songs and picture books</li>"
            "<li>Communicating with families through interpreters and cultural mediators</li>"
            "<li>Recognising signs of stress and trauma, and when to refer</li>"
            "</ul>"
            "<p>The course is taught in English, with Slovenian materials available. It includes a "
            "visit to a participating kindergarten on the morning of the second day. Participants "
            "receive a certificate for 16 hours of professional development.</p>"
        ),
        "related_practices": ["ljubljana-welcoming-kindergartens"],
    },
    {
        "slug": "conference-turku-what-works-in-job-coaching",
        "title": "Research-to-practice conference: what works in job coaching for refugees",
        "kind": "conference",
        "format": "hybrid",
        "status": "scheduled",
        "start_day": 180,
        "end_day": 181,
        "all_day": False,
        "start_time": "09:00",
        "end_time": "15:00",
        "timezone": "Europe/Helsinki",
        "venue": "Baltic Shore University, Aurora Hall",
        "address": "Rehtorinpellonkatu 3",
        "city": "Turku",
        "country": "fi",
        "online_url": "https://live.example.eu/job-coaching-conference",
        "registration_url": "https://migrationlab.example.org/conference",
        "registration_deadline_day": 160,
        "is_free": False,
        "cost_note": (
            "EUR 95 for in-person attendance including lunch on both days; free online and for "
            "students and refugee-led organisations"
        ),
        "organisation": "a-baltic-shore-university-lab",
        "co_organisers": ["a-finnish-settlement-skills-agency"],
        "languages": ["en", "fi"],
        "areas": ["employment-and-skills"],
        "targets": ["professionals"],
        "summary": (
            "Researchers and practitioners present the final results of a four-year evaluation of "
            "intensive job coaching for refugees in six Finnish municipalities, compare them with "
            "evidence from other European countries and discuss what it takes to turn evaluation "
            "findings into better services."
        ),
        "body": (
            "<p>Intensive job coaching, with small caseloads and direct contact with employers, is "
            "widely promoted but rarely evaluated rigorously. The Migration and Inclusion Lab has "
            "followed more than 1,200 participants and a comparison group in six municipalities.</p>"
            "<h3>Programme</h3>"
            "<ul>"
            "<li><b>Day 1:</b> presentation of the evaluation results, with separate findings for "
            "women and for people with little prior schooling; responses from municipal job "
            "coaches and a panel of former participants.</li>"
            "<li><b>Day 2:</b> parallel sessions with researchers from other countries on "
            "mentoring, subsidised employment and skills recognition, followed by a closing panel "
            "with national policy makers.</li>"
            "</ul>"
            "<p>A call for short practitioner presentations is open until the registration "
            "deadline. Sessions are held in English; the day 1 panel has interpretation into "
            "Finnish.</p>"
        ),
        "related_practices": ["research-partnership-evaluating-job-coaching-finland"],
    },
    # ------------------------------------------------------------------ running now
    {
        "slug": "conference-brussels-reception-to-home",
        "title": "Reception to Home: regional conference on housing transitions for refugees",
        "kind": "conference",
        "format": "hybrid",
        "status": "scheduled",
        "start_day": -1,
        "end_day": 1,
        "all_day": False,
        "start_time": "09:00",
        "end_time": "13:00",
        "timezone": "Europe/Brussels",
        "venue": "Quartier Léopold Conference Centre",
        "address": "Rue Belliard 80",
        "city": "Brussels",
        "country": "be",
        "online_url": "https://live.example.eu/reception-to-home",
        "registration_url": "https://iami.example.org/events/reception-to-home-conference",
        "registration_deadline_day": -10,
        "is_free": False,
        "cost_note": (
            "EUR 150 for in-person attendance; free online and for staff of partner municipalities "
            "and refugee-led organisations"
        ),
        "organisation": "a-iami-regional-office",
        "co_organisers": ["a-thuisbasis-foundation", "a-norreby-municipality"],
        "languages": ["en", "fr", "nl"],
        "areas": ["housing", "cross-cutting"],
        "targets": ["professionals"],
        "summary": (
            "The closing conference of the Reception to Home programme brings together its 14 "
            "partner municipalities from six countries to present results on moving refugees from "
            "reception facilities into stable housing: rent guarantees, shared housing, landlord "
            "mediation and the role of local integration services."
        ),
        "body": (
            "<p>Reception to Home has supported municipalities in Belgium, the Netherlands, "
            "Denmark, Sweden, Ireland and Finland to shorten the time refugees spend in reception "
            "after receiving protection. The conference presents what has worked, what has not, "
            "and what national and EU funding can do next.</p>"
            "<h3>Highlights</h3>"
            "<ul>"
            "<li><b>Day 1:</b> opening plenary and presentation of the programme evaluation.</li>"
            "<li><b>Day 2:</b> parallel sessions on landlord engagement, Housing First, shared "
            "housing for young people and coordination between reception and municipal "
            "services.</li>"
            "<li><b>Day 3 (morning):</b> panel with refugee tenants and policy recommendations.</li>"
            "</ul>"
            "<p>Plenary sessions are streamed online with interpretation between English, French "
            "and Dutch; parallel sessions are in person only. Colleagues from Nørreby and "
            "Thuisbasis present their housing models on day 2.</p>"
        ),
        "related_practices": [
            "reception-to-home-regional-programme-housing-transitions",
            "housing-first-for-refugees-norreby",
        ],
    },
    {
        "slug": "training-online-intercultural-mediation-in-hospitals",
        "title": "Online training: intercultural mediation in hospital services",
        "kind": "training",
        "format": "online",
        "status": "scheduled",
        "start_day": -2,
        "end_day": 2,
        "all_day": False,
        "start_time": "09:30",
        "end_time": "12:00",
        "timezone": "Europe/Paris",
        "venue": "",
        "address": "",
        "city": "",
        "country": "fr",
        "online_url": "https://classroom.example.org/mediation-hospitals",
        "registration_url": "https://accueil-nouveaux-arrivants.example.org/formation-mediation",
        "registration_deadline_day": -9,
        "is_free": True,
        "cost_note": "",
        "organisation": "b-lyon-welcome-service",
        "co_organisers": ["a-mind-bridge-belgium"],
        "languages": ["fr", "en"],
        "areas": ["health"],
        "targets": ["professionals"],
        "summary": (
            "A course of five morning sessions for hospital social workers, nurses and "
            "intercultural mediators on working together with patients who do not speak French: "
            "the mediator's role, professional interpreting, informed consent, mental health and "
            "organising mediation across a hospital."
        ),
        "body": (
            "<p>Since hospitals in the Lyon metropolitan area began employing intercultural "
            "mediators, staff report fewer missed appointments and better understanding of "
            "treatment. This course shares the training developed for those teams.</p>"
            "<h3>Sessions</h3>"
            "<ol>"
            "<li>Mediator, interpreter, advocate: clarifying roles</li>"
            "<li>Informed consent, confidentiality and working in threes</li>"
            "<li>Maternity, paediatrics and emergency care: practical scenarios</li>"
            "<li>Mental health and trauma, with psychologists from Mind Bridge</li>"
            "<li>Organising a mediation service: budget, scheduling and evaluation</li>"
            "</ol>"
            "<p>Each session combines a short input with role plays in breakout rooms. Participants "
            "who attend at least four sessions receive a certificate. Recordings are not made, to "
            "protect the confidentiality of case discussions.</p>"
        ),
        "related_practices": [],
    },
    # ------------------------------------------------------------------ past
    {
        "slug": "webinar-newcomers-write-welcome-guide",
        "title": "Webinar: a welcome guide written by newcomers, for newcomers",
        "kind": "webinar",
        "format": "online",
        "status": "scheduled",
        "start_day": -5,
        "end_day": -5,
        "all_day": False,
        "start_time": "17:00",
        "end_time": "18:15",
        "timezone": "Europe/Stockholm",
        "venue": "",
        "address": "",
        "city": "",
        "country": "se",
        "online_url": "https://meet.example.org/nyanlandas-rost-guide",
        "registration_url": "https://nyanlandasrost.example.org/webinar",
        "registration_deadline_day": -6,
        "is_free": True,
        "cost_note": "",
        "organisation": "a-nyanlandas-rost",
        "co_organisers": [],
        "languages": ["en", "sv", "ar"],
        "areas": ["cross-cutting"],
        "targets": ["professionals", "refugees"],
        "summary": (
            "Members of Nyanländas Röst explain how a group of newly arrived residents wrote "
            "Västerby's welcome guide themselves, in eight languages, with a small municipal grant. "
            "An evening webinar for migrant-led groups and municipalities that want to produce "
            "information with, not for, newcomers."
        ),
        "body": (
            "<p>Official welcome brochures often answer questions newcomers do not ask and miss "
            "the ones they do. In Västerby, a writing group of newly arrived residents collected "
            "questions in their communities, interviewed officials and wrote a guide on housing, "
            "schools, health care, work and everyday life, now available in print and online.</p>"
            "<h3>In this webinar</h3>"
            "<ul>"
            "<li>How the writing group was set up and paid</li>"
            "<li>Deciding what goes in: the questions people really ask</li>"
            "<li>Translation and plain language, checked by readers</li>"
            "<li>Working with the municipality while keeping editorial independence</li>"
            "</ul>"
            "<p>The webinar takes place in the evening so that volunteers can attend after work. "
            "It is held in English, with whispered interpretation into Swedish and Arabic in "
            "separate breakout rooms.</p>"
        ),
        "related_practices": [],
    },
    {
        "slug": "webinar-tandem-athens-language-exchange",
        "title": "Webinar: Tandem Athens, a digital language exchange between newcomers and locals",
        "kind": "webinar",
        "format": "online",
        "status": "scheduled",
        "start_day": -12,
        "end_day": -12,
        "all_day": False,
        "start_time": "18:00",
        "end_time": "19:30",
        "timezone": "Europe/Athens",
        "venue": "",
        "address": "",
        "city": "",
        "country": "gr",
        "online_url": "https://meet.example.net/tandem-athens",
        "registration_url": "https://newcomervoices.example.net/events/tandem-webinar",
        "registration_deadline_day": -13,
        "is_free": True,
        "cost_note": "",
        "organisation": "b-athens-newcomer-voices",
        "co_organisers": [],
        "languages": ["en", "el", "ar"],
        "areas": ["education-and-training", "cross-cutting"],
        "targets": ["professionals", "refugees"],
        "summary": (
            "Members of Newcomer Voices Collective explain how they built and run Tandem Athens, a "
            "free platform matching newcomers and Athenians for language exchange. The session "
            "covers safeguarding, volunteer moderation, keeping the platform free, and what "
            "migrant-led groups elsewhere need to start their own."
        ),
        "body": (
            "<p>Formal Greek courses for adults are scarce and waiting lists are long. Tandem "
            "Athens matches newcomers who want to practise Greek with Athenians who want to learn "
            "Arabic, Farsi, French or English, for online calls and meetings in public places.</p>"
            "<h3>Agenda</h3>"
            "<ol>"
            "<li>From a WhatsApp group to a platform: the story so far</li>"
            "<li>Matching, safeguarding rules and how volunteer moderators handle complaints</li>"
            "<li>Running costs, small grants and why the platform remains free</li>"
            "<li>Open-source code and a starter kit for other cities</li>"
            "<li>Questions from participants</li>"
            "</ol>"
            "<p>The webinar is led by members of the collective who arrived in Greece as refugees. "
            "Interpretation into Greek and Arabic is available on request when registering.</p>"
        ),
        "related_practices": ["athens-digital-language-exchange-platform"],
    },
    {
        "slug": "training-antwerp-mental-health-first-aid-reception",
        "title": "Training: mental health first aid for reception centre staff",
        "kind": "training",
        "format": "in-person",
        "status": "scheduled",
        "start_day": -30,
        "end_day": -29,
        "all_day": False,
        "start_time": "09:00",
        "end_time": "16:30",
        "timezone": "Europe/Brussels",
        "venue": "Mind Bridge Training Room",
        "address": "Lange Kievitstraat 45",
        "city": "Antwerp",
        "country": "be",
        "online_url": "",
        "registration_url": "https://mindbridge.example.org/training/mhfa",
        "registration_deadline_day": -40,
        "is_free": False,
        "cost_note": (
            "EUR 90 per participant including course materials and lunch; three free places for "
            "volunteers of refugee-led organisations"
        ),
        "organisation": "a-mind-bridge-belgium",
        "co_organisers": [],
        "languages": ["nl", "en"],
        "areas": ["health"],
        "targets": ["professionals"],
        "summary": (
            "A two-day certified course preparing reception centre staff, social workers and "
            "volunteers to recognise signs of psychological distress among asylum seekers, respond "
            "safely in a crisis and refer people to appropriate care. It adapts the Mental Health "
            "First Aid curriculum to the reception setting."
        ),
        "body": (
            "<p>Staff in reception centres are often the first to notice that a resident is "
            "struggling, but few have training in how to respond. This course, developed with "
            "psychologists working in Flemish reception centres, combines the standard Mental "
            "Health First Aid approach with modules on trauma, cultural expressions of distress "
            "and working with interpreters.</p>"
            "<h3>You will learn to</h3>"
            "<ul>"
            "<li>recognise early signs of depression, anxiety, post-traumatic stress and suicidal "
            "thoughts;</li>"
            "<li>start a conversation and offer practical support;</li>"
            "<li>respond to a crisis, including self-harm and panic attacks;</li>"
            "<li>refer residents to GPs, mental health services and specialised trauma care;</li>"
            "<li>look after your own wellbeing.</li>"
            "</ul>"
            "<p>Participants who attend both days receive a certificate. The course is taught in "
            "Dutch with English support.</p>"
        ),
        "related_practices": ["mental-health-first-aid-flemish-reception-centres"],
    },
    {
        "slug": "webinar-taitokartta-skills-mapping",
        "title": "Webinar: mapping newcomers' skills with the Taitokartta app",
        "kind": "webinar",
        "format": "online",
        "status": "scheduled",
        "start_day": -45,
        "end_day": -45,
        "all_day": False,
        "start_time": "14:00",
        "end_time": "15:30",
        "timezone": "Europe/Helsinki",
        "venue": "",
        "address": "",
        "city": "",
        "country": "fi",
        "online_url": "https://meet.example.net/taitokartta-webinar",
        "registration_url": "https://settlement-skills.example.org/events/taitokartta",
        "registration_deadline_day": -47,
        "is_free": True,
        "cost_note": "",
        "organisation": "a-finnish-settlement-skills-agency",
        "co_organisers": [],
        "languages": ["en", "fi"],
        "areas": ["employment-and-skills", "cross-cutting"],
        "targets": ["professionals"],
        "summary": (
            "A 90-minute webinar presenting Taitokartta, a multilingual app that helps newcomers "
            "document their skills and work experience before their first meeting with an "
            "employment adviser. The agency's product team and two municipal advisers share lessons "
            "from the nationwide roll-out."
        ),
        "body": (
            "<p>Skills assessments often take place through an interpreter, under time pressure, "
            "and capture only formal qualifications. Taitokartta lets newcomers describe their "
            "skills in their own language, using pictures and short questions, and produces a "
            "summary that advisers can use from the first appointment.</p>"
            "<h3>Agenda</h3>"
            "<ol>"
            "<li>Why we built Taitokartta: the problem with traditional skills assessments</li>"
            "<li>Live demonstration of the app in Arabic, Ukrainian and Finnish</li>"
            "<li>Experiences from employment services in Oulu and Lahti</li>"
            "<li>Data protection, accessibility and open-source licensing</li>"
            "<li>Questions and answers</li>"
            "</ol>"
            "<p>The webinar is aimed at employment services, integration coordinators and "
            "developers of digital public services. A recording and the slides are made available "
            "to registered participants.</p>"
        ),
        "related_practices": [],
    },
    {
        "slug": "training-oldenburg-advising-seasonal-workers",
        "title": "Training: advising seasonal farm workers on their rights",
        "kind": "training",
        "format": "in-person",
        "status": "cancelled",
        "start_day": -55,
        "end_day": -55,
        "all_day": False,
        "start_time": "09:00",
        "end_time": "15:30",
        "timezone": "Europe/Berlin",
        "venue": "Union House Oldenburg, Seminar Room 2",
        "address": "Kaiserstraße 14",
        "city": "Oldenburg",
        "country": "de",
        "online_url": "",
        "registration_url": "",
        "registration_deadline_day": None,
        "is_free": True,
        "cost_note": "",
        "organisation": "a-land-food-union-weser-ems",
        "co_organisers": ["b-puente-sur-foundation"],
        "languages": ["de", "en", "pl"],
        "areas": ["employment-and-skills", "housing"],
        "targets": ["professionals"],
        "summary": (
            "A one-day training for trade union advisers, counselling services and volunteers on "
            "reaching seasonal workers in agriculture and food processing: wages and working time, "
            "accommodation provided by employers, health insurance and outreach on farms, in "
            "several languages."
        ),
        "body": (
            "<p><b>Cancelled:</b> the training was cancelled at short notice because the harvest "
            "season started early and most trainers were needed for outreach on farms. The "
            "organisers plan to offer it again before next season.</p>"
            "<p>Every year thousands of seasonal workers from other EU countries and from outside "
            "the EU work in the fields and processing plants of Weser-Ems. Many do not know their "
            "rights, and employer-provided housing is often overcrowded.</p>"
            "<h3>Planned programme</h3>"
            "<ul>"
            "<li>Minimum wage, piece rates and deductions for accommodation</li>"
            "<li>Health insurance and what to do after an accident at work</li>"
            "<li>Outreach on farms: timing, trust and safety</li>"
            "<li>Experience from Huelva on decent housing for seasonal farm workers, presented by "
            "the Puente Sur Foundation</li>"
            "</ul>"
        ),
        "related_practices": [],
    },
    {
        "slug": "study-visit-lyon-one-stop-shop-for-newcomers",
        "title": "Study visit: the newcomers' one-stop shop of the Lyon metropolitan area",
        "kind": "study-visit",
        "format": "in-person",
        "status": "scheduled",
        "start_day": -70,
        "end_day": -69,
        "all_day": True,
        "start_time": None,
        "end_time": None,
        "timezone": "Europe/Paris",
        "venue": "Newcomers' Welcome Centre Part-Dieu",
        "address": "150 rue Garibaldi",
        "city": "Lyon",
        "country": "fr",
        "online_url": "",
        "registration_url": "https://accueil-nouveaux-arrivants.example.org/visite-etude",
        "registration_deadline_day": -90,
        "is_free": True,
        "cost_note": "",
        "organisation": "b-lyon-welcome-service",
        "co_organisers": [],
        "languages": ["fr", "en"],
        "areas": ["cross-cutting", "employment-and-skills", "health"],
        "targets": ["professionals"],
        "summary": (
            "A two-day study visit to the metropolitan welcome service in Lyon, which brings "
            "housing, employment, health insurance, language courses and legal advice together "
            "under one roof. Participants observe intake interviews, meet partner agencies and "
            "discuss governance and shared case management."
        ),
        "body": (
            "<p>Before the one-stop shop opened, newcomers in the Lyon metropolitan area could "
            "visit up to a dozen offices in their first months. Today a single reception point "
            "offers appointments with the employment service, the health insurance fund, language "
            "course providers and legal advice associations.</p>"
            "<h3>Programme</h3>"
            "<ul>"
            "<li><b>Day 1:</b> presentation of the service, observation of intake interviews (with "
            "newcomers' consent) and a meeting with front-line staff.</li>"
            "<li><b>Day 2:</b> visit to a partner hospital working with intercultural mediators, a "
            "session on the partnership agreement and shared case management, and a closing "
            "discussion.</li>"
            "</ul>"
            "<p>The visit is designed for managers of municipal and regional welcome services. It "
            "is held in French with consecutive interpretation into English. Places are limited to "
            "15 to keep the impact on the service's daily work small.</p>"
        ),
        "related_practices": [
            "lyon-one-stop-shop-for-newcomers",
            "lyon-intercultural-mediators-in-hospitals",
        ],
    },
    {
        "slug": "workshop-graz-community-health-navigators",
        "title": "Workshop: training community health navigators for newcomers",
        "kind": "workshop",
        "format": "hybrid",
        "status": "scheduled",
        "start_day": -85,
        "end_day": -85,
        "all_day": False,
        "start_time": "13:00",
        "end_time": "17:00",
        "timezone": "Europe/Vienna",
        "venue": "Styrian Integration House",
        "address": "Annenstraße 20",
        "city": "Graz",
        "country": "at",
        "online_url": "https://meet.example.eu/styria-health-navigators",
        "registration_url": "https://integration-styria.example.org/workshop-health-navigators",
        "registration_deadline_day": -92,
        "is_free": True,
        "cost_note": "",
        "organisation": "a-styria-integration-office",
        "co_organisers": [],
        "languages": ["de", "en"],
        "areas": ["health"],
        "targets": ["professionals", "women"],
        "summary": (
            "An afternoon workshop on recruiting, training and paying community health navigators: "
            "bilingual residents who help newcomers find their way in the health system, from "
            "registering with a GP to preventive check-ups. Navigators from Graz and Leoben share "
            "their experience."
        ),
        "body": (
            "<p>Newcomers often reach the health system late, through emergency departments, "
            "because they do not know how it works. In Styria, trained health navigators, most of "
            "them women with a migration background, run information sessions in their own "
            "languages and accompany people to their first appointments.</p>"
            "<h3>Workshop topics</h3>"
            "<ul>"
            "<li>Recruiting navigators and the 60-hour training curriculum</li>"
            "<li>Fair pay, supervision and preventing burnout</li>"
            "<li>Working with GPs, hospitals and health insurance funds</li>"
            "<li>Measuring results: vaccination rates, screening and patient feedback</li>"
            "</ul>"
            "<p>The workshop is held in German with English summaries. Online participants can "
            "follow the presentations and join one of the discussion groups.</p>"
        ),
        "related_practices": [],
    },
    {
        "slug": "webinar-portugal-national-integration-indicators",
        "title": "Webinar: using integration indicators to steer national and local policy",
        "kind": "webinar",
        "format": "online",
        "status": "scheduled",
        "start_day": -100,
        "end_day": -100,
        "all_day": False,
        "start_time": "15:00",
        "end_time": "16:30",
        "timezone": "Europe/Lisbon",
        "venue": "",
        "address": "",
        "city": "",
        "country": "pt",
        "online_url": "https://meet.example.eu/cnim-indicators",
        "registration_url": "https://cnim.example.eu/events/indicators-webinar",
        "registration_deadline_day": -102,
        "is_free": True,
        "cost_note": "",
        "organisation": "b-portugal-integration-council",
        "co_organisers": ["b-ljubljana-diversity-institute"],
        "languages": ["en", "pt"],
        "areas": ["cross-cutting"],
        "targets": ["professionals"],
        "summary": (
            "Portugal's National Council for Migrant Integration and Monitoring presents its "
            "national integration indicators, how they are produced with statistical offices and "
            "ministries, and how they are used to set targets. Researchers from Ljubljana discuss "
            "how the indicators compare across the EU."
        ),
        "body": (
            "<p>Integration policy often lacks a clear way to measure progress. Portugal's "
            "national set of integration indicators, published every year, covers employment, "
            "education, housing, health, citizenship and discrimination, and is linked to the "
            "targets of the national integration plan.</p>"
            "<h3>Agenda</h3>"
            "<ol>"
            "<li>How the indicator set was built: choices, trade-offs and data sources</li>"
            "<li>From indicators to targets: the experience of the national plan</li>"
            "<li>Bringing the data to municipalities: local profiles and training</li>"
            "<li>Comparability with the EU core integration indicators and Eurostat data</li>"
            "<li>Questions from participants</li>"
            "</ol>"
            "<p>The webinar is held in English with interpretation into Portuguese. It is aimed at "
            "national and local authorities, statistical offices and researchers.</p>"
        ),
        "related_practices": ["portugal-national-integration-indicators"],
    },
    {
        "slug": "conference-turin-community-sponsorship-national-meeting",
        "title": "Community sponsorship in practice: national meeting of sponsor groups",
        "kind": "conference",
        "format": "hybrid",
        "status": "scheduled",
        "start_day": -120,
        "end_day": -120,
        "all_day": False,
        "start_time": "09:30",
        "end_time": "17:30",
        "timezone": "Europe/Rome",
        "venue": "San Salvario Community Conference Hall",
        "address": "Via Nizza 45",
        "city": "Turin",
        "country": "it",
        "online_url": "https://live.example.org/sponsorship-meeting",
        "registration_url": "https://pontiaperti.example.org/incontro-nazionale",
        "registration_deadline_day": -127,
        "is_free": True,
        "cost_note": "",
        "organisation": "b-ponti-aperti-association",
        "co_organisers": [],
        "languages": ["it", "en"],
        "areas": ["housing", "cross-cutting"],
        "targets": ["professionals", "refugees"],
        "summary": (
            "A one-day meeting of community sponsor groups, parishes, municipalities and refugees "
            "who arrived through humanitarian corridors. Participants take stock of what sponsor "
            "groups can offer in the first year, from housing to school enrolment, and where "
            "professional support is needed."
        ),
        "body": (
            "<p>Through humanitarian corridors, refugees travel safely to Italy and are welcomed "
            "by local sponsor groups who provide housing and accompany them for at least a year. "
            "The model relies on volunteers, and the meeting is a chance to share lessons and "
            "prevent burnout.</p>"
            "<h3>Programme</h3>"
            "<ul>"
            "<li>Morning plenary: sponsored refugees and sponsor groups in conversation</li>"
            "<li>Workshops on housing after the first year, employment, school and health, and "
            "sponsoring people with disabilities</li>"
            "<li>Afternoon: the role of municipalities and how to grow the number of groups</li>"
            "</ul>"
            "<p>The plenary sessions are streamed with English interpretation for guests from "
            "other countries interested in community sponsorship. Workshops are held in Italian "
            "only. A short report is shared with all participants.</p>"
        ),
        "related_practices": [],
    },
    {
        "slug": "workshop-brno-school-mediators",
        "title": "Workshop: school mediators for Roma and migrant pupils",
        "kind": "workshop",
        "format": "in-person",
        "status": "scheduled",
        "start_day": -150,
        "end_day": -150,
        "all_day": False,
        "start_time": "09:00",
        "end_time": "15:00",
        "timezone": "Europe/Prague",
        "venue": "Brno Education Centre",
        "address": "Hybešova 15",
        "city": "Brno",
        "country": "cz",
        "online_url": "",
        "registration_url": "https://integrace-brno.example.org/akce/school-mediators",
        "registration_deadline_day": -160,
        "is_free": True,
        "cost_note": "",
        "organisation": "b-brno-integration-office",
        "co_organisers": [],
        "languages": ["cs", "en", "uk"],
        "areas": ["education-and-training", "cross-cutting"],
        "targets": ["professionals", "children-and-youth"],
        "summary": (
            "School heads, teachers and municipal officers from Czech and Slovak cities meet "
            "Brno's school mediators to discuss how mediators build trust between schools and "
            "Roma, Ukrainian and other migrant families, reduce absenteeism and support pupils "
            "through the move to secondary school."
        ),
        "body": (
            "<p>In several inner-city schools in Brno, a large share of pupils come from Roma or "
            "migrant families. Since the municipality introduced school mediators, who speak the "
            "families' languages and work between home and school, attendance has improved and "
            "fewer pupils leave school early.</p>"
            "<h3>Programme</h3>"
            "<ul>"
            "<li>Mediators present a typical week: home visits, parent meetings and classroom "
            "support</li>"
            "<li>Head teachers on integrating mediators into the school team</li>"
            "<li>Supporting pupils under temporary protection who arrived from Ukraine</li>"
            "<li>Funding, job profiles and training of mediators</li>"
            "</ul>"
            "<p>The workshop is held in Czech with English and Ukrainian interpretation. A visit to "
            "one of the schools is offered at the end of the day for those who wish to stay.</p>"
        ),
        "related_practices": [],
    },
]
