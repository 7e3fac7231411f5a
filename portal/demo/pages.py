"""The portal's plain pages for the demo: about, accessibility statement, privacy notice."""

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About Integra",
        "show_in_menus": True,
        "introduction": (
            "Integra is an open knowledge-exchange portal for the people who make integration "
            "and inclusion work in Europe's municipalities, regions, NGOs and national authorities."
        ),
        "body": [
            ("heading", "Why the portal exists"),
            (
                "paragraph",
                '<p>The <a href="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52020DC0758">'
                "EU Action Plan on Integration and Inclusion 2021–2027</a> asks member states, local "
                "authorities and civil society to learn from each other. Integra collects good practices "
                "in <b>education and training, employment and skills, health and housing</b>, and in "
                "cross-cutting work such as participation, anti-discrimination, digital tools and the "
                "use of EU funds (AMIF, ESF+, ERDF).</p>",
            ),
            ("heading", "How practices are published"),
            (
                "paragraph",
                "<p>Organisations describe their practice in a structured form: the challenge, the "
                "approach, the results and evidence, what did not work, the resources needed and what "
                "others can transfer. An editor reviews every submission before it is published. "
                "Owners confirm regularly that their page is still accurate; pages not confirmed for "
                "two years say so.</p>",
            ),
            (
                "quote",
                {
                    "text": "We copied the mentoring model from a town in another country and adapted it in three months.",
                    "attribution": "Integration coordinator, municipality of 40,000 inhabitants",
                },
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "show_in_menus": False,
        "introduction": (
            "We want everyone to be able to use Integra, including people who use assistive "
            "technology, keyboards only or a small screen."
        ),
        "body": [
            ("heading", "Compliance status"),
            (
                "paragraph",
                "<p>The portal aims to conform to the Web Content Accessibility Guidelines (WCAG) 2.1 "
                "level AA, as required by the EU Web Accessibility Directive (2016/2102) and EN 301 549. "
                "Every release is checked automatically with axe-core on the main page types.</p>",
            ),
            ("heading", "Known limitations"),
            (
                "paragraph",
                "<ul><li>Documents uploaded by organisations (PDF reports) may not be fully accessible.</li>"
                "<li>Practices are shown in the language they were written in until a translation exists.</li></ul>",
            ),
            ("heading", "Feedback"),
            (
                "paragraph",
                '<p>If you meet a barrier, write to <a href="mailto:accessibility@integra.example">'
                "accessibility@integra.example</a>. We answer within ten working days.</p>",
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy notice",
        "show_in_menus": False,
        "introduction": "What personal data the portal keeps, why, and for how long.",
        "body": [
            (
                "paragraph",
                "<p>Browsing and searching the portal needs no account and stores no personal data "
                "beyond standard server logs, kept for 30 days. Accounts of organisation members hold a "
                "name and an email address, used only to run the portal; members can delete their account "
                "at any time, and the practices their organisation published stay online.</p>",
            ),
        ],
    },
]
