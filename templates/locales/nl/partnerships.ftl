## Samenwerkingen van sociale ondernemingen en bedrijven

nav-partnerships = Samenwerkingen
pa-title = Samenwerkingen
pa-intro = De samenwerkingen van uw organisatie met bedrijven of sociale ondernemingen: wat u uitwisselt, in welke fase u zit, en hoe die veranderde. Alleen samenwerkingen die het bedrijf heeft bevestigd tellen mee.
pa-intro-overseer = Alle samenwerkingen tussen een sociale onderneming en een bedrijf op het platform, in elke stand.
pa-new = Samenwerking voorstellen
pa-back = Terug naar samenwerkingen
pa-none = Er zijn nog geen samenwerkingen.
pa-wise = Sociale onderneming
pa-company = Bedrijf
pa-phase = Fase
pa-exchanges = Wat wordt uitgewisseld
pa-values = Soorten waarde
pa-since = Sinds
pa-state = Stand
pa-history = Fasen door de tijd
pa-named = Openbaar genoemd
pa-named-yes = Ja, beide partners gaven toestemming
pa-named-no = Nee
pa-end-reason = Reden van beëindiging
pa-awaiting-company = wacht op bevestiging door het bedrijf
pa-new-intro = Leg een samenwerking met een bedrijf vast: de gebruikers van het bedrijf wordt gevraagd die te bevestigen, en alleen bevestigde samenwerkingen tellen mee. Een bedrijf dat nog niet op het platform staat wordt uitgenodigd; de beheerder keurt het eerst goed.
pa-new-company-intro = Staat het bedrijf nog niet op het platform? Geef dan de naam en wie we uitnodigen.
pa-field-company-kvk = KvK-nummer van het bedrijf
pa-hint-company-kvk = Acht cijfers.
pa-field-company-name = Naam van het bedrijf
pa-field-company-contact = Contactpersoon bij het bedrijf
pa-field-company-email = E-mailadres van de contactpersoon
pa-field-language = Taal van de uitnodiging
pa-field-exchanges = Wat wisselt u uit?
pa-field-phase = Fase
pa-hint-phase = Oriëntatie: elkaar leren kennen, gedeelde doelen en vertrouwen. Integratie: het werk samen georganiseerd, begeleiding op de werkvloer, wie betaalt wat. Transformatie: de waarde voor de lange termijn geborgd, met gemeente en onderwijs erbij betrokken.
pa-field-values = Welke soorten waarde ziet u?
pa-field-started-on = Startdatum
pa-field-wise-people = Betrokkenen bij de sociale onderneming
pa-hint-people = Namen of functies, bijvoorbeeld "jobcoach, productieleider".
pa-field-company-people = Betrokkenen bij het bedrijf
pa-field-ambitions = Ambities
pa-hint-ambitions = Wat wilt u samen bereiken?
pa-field-named = Wij vinden het goed als partners op openbare pagina's genoemd te worden
pa-field-changed-on = Datum van de herziening
pa-field-note = Toelichting
pa-field-ended-on = Einddatum
pa-hint-ended-on = Leeg: vandaag.
pa-field-reason = Reden
pa-propose = Samenwerking voorstellen
pa-confirm-heading = Deze samenwerking bevestigen
pa-confirm-intro = De sociale onderneming stelde deze samenwerking met uw bedrijf voor. Bevestig die als het klopt; pas dan telt die mee.
pa-confirm = Bevestigen
pa-review-heading = Fase herzien
pa-review-intro = In welke fase zit de samenwerking nu, en welke waarde ziet u? Elke herziening blijft bewaard in de geschiedenis.
pa-review = Herziening opslaan
pa-end-heading = Samenwerking beëindigen
pa-end = Samenwerking beëindigen
pa-withdraw-heading = Voorstel intrekken
pa-withdraw = Intrekken
pa-decline-heading = Voorstel afwijzen
pa-decline = Afwijzen
pa-notice-proposed = De samenwerking is voorgesteld. De gebruikers van het bedrijf zijn gemaild om die te bevestigen.
pa-notice-confirmed = De samenwerking is bevestigd.
pa-notice-reviewed = De herziening is opgeslagen.
pa-notice-ended = De samenwerking is beëindigd.
pa-notice-withdrawn = Het voorstel is ingetrokken.
pa-notice-declined = Het voorstel is afgewezen.
error-partnership-exists = U heeft al een voorgestelde of bevestigde samenwerking met dit bedrijf.
error-partnership-company-suspended = Dit bedrijf is op het platform geschorst.
error-partnership-future = De datum kan niet in de toekomst liggen.
error-partnership-before-start = De datum kan niet vóór de start van de samenwerking liggen.
partnership-exchange-supply = Levering van producten of diensten
partnership-exchange-paid-training = Opleiding betaald door het bedrijf
partnership-exchange-secondment = Detachering van medewerkers bij het bedrijf
partnership-exchange-placement-route = Doorstroomroute naar banen bij het bedrijf
partnership-exchange-job-carving = Jobcarving
partnership-exchange-knowledge-exchange = Kennisuitwisseling over inclusief werkgeverschap
partnership-exchange-joint-production = Gezamenlijke productie
partnership-phase-orientation = Oriëntatie
partnership-phase-integration = Integratie
partnership-phase-transformation = Transformatie
partnership-value-transaction = Transactie
partnership-value-reputation = Reputatie
partnership-value-interaction = Interactie
partnership-value-synergy = Synergie
partnership-state-proposed = Voorgesteld
partnership-state-confirmed = Bevestigd
partnership-state-declined = Afgewezen
partnership-state-withdrawn = Ingetrokken
partnership-state-ended = Beëindigd
mail-partnership-open = Open de samenwerking
mail-partnership-proposed-subject = { $wise } stelt een samenwerking met { $company } voor
mail-partnership-proposed-intro = { $wise } legde op het platform een samenwerking met { $company } vast. Kijk die na en bevestig die als het klopt; alleen bevestigde samenwerkingen tellen mee.
mail-partnership-confirmed-subject = { $company } bevestigde de samenwerking
mail-partnership-confirmed-intro = { $company } bevestigde de samenwerking met { $wise }. Die telt nu mee.
mail-partnership-declined-subject = { $company } wees de samenwerking af
mail-partnership-declined-intro = { $company } wees de voorgestelde samenwerking met { $wise } af. Reden: { $reason }
mail-partnership-withdrawn-subject = { $wise } trok het voorstel in
mail-partnership-withdrawn-intro = { $wise } trok de voorgestelde samenwerking met { $company } in. Reden: { $reason }
mail-partnership-ended-subject = De samenwerking van { $wise } en { $company } is beëindigd
mail-partnership-ended-intro = De samenwerking van { $wise } en { $company } is beëindigd. Reden: { $reason }
figures-partner-moves = Uitstroom naar partnerbedrijven
figures-partner-moves-intro = Hoeveel van de uitstroom naar betaald werk bij een andere werkgever ging naar elk partnerbedrijf? Alleen aantallen; samen niet meer dan de uitstroom naar andere werkgevers.
error-partner-moves-sum = De uitstroom naar partnerbedrijven is samen meer dan de uitstroom naar betaald werk bij een andere werkgever.
pa-assessment = Zelfevaluatie van de samenwerking
pa-back-to-partnership = Terug naar de samenwerking
pa-assessment-intro = Beide partners scoren de thema's van elke fase: waar staat u? De rondes naast elkaar laten zien waar u het eens bent en waar u het anders ziet, en eerdere rondes tonen uw voortgang.
pa-assessment-none = Nog geen van beide partners vulde de zelfevaluatie in.
pa-assessment-answer = Uw antwoorden
pa-assessment-scale = Geef elk thema een score van 1 tot 4: 1 nog niet, 2 begonnen, 3 grotendeels, 4 helemaal. Tot de andere partner antwoordt vervangen nieuwe antwoorden de uwe in de huidige ronde; daarna beginnen ze een nieuwe ronde.
pa-assessment-errors = Sommige thema's hebben nog een score nodig; zie hieronder.
pa-assessment-save = Antwoorden opslaan
pa-round = Ronde { $round }
pa-not-answered = nog niet ingevuld
pa-theme = Thema
pa-agreement = Vergelijking
pa-agreement-agree = Hetzelfde
pa-agreement-close = Eén punt verschil
pa-agreement-differ = Anders gezien
pa-agreement-waiting = Wacht op de andere partner
pa-phase-average = gemiddeld { $wise } (sociale onderneming), { $company } (bedrijf)
pa-notice-assessed = Uw antwoorden zijn opgeslagen.
partnership-theme-shared-goals = Gedeelde doelen
partnership-theme-contributions = Wat elke partner inbrengt
partnership-theme-trust = Vertrouwen
partnership-theme-work-organisation = Hoe het werk georganiseerd is
partnership-theme-coaching = Begeleiding op de werkvloer
partnership-theme-costs = Wie betaalt wat
partnership-theme-long-term = De waarde voor de lange termijn geborgd
partnership-theme-municipality = De gemeente betrokken
partnership-theme-schools = Het onderwijs betrokken
partnership-score-1 = 1 nog niet
partnership-score-2 = 2 begonnen
partnership-score-3 = 3 grotendeels
partnership-score-4 = 4 helemaal
pa-company-partners = Partners: sociale ondernemingen
pa-company-intro = De sociale ondernemingen waarmee { $company } samenwerkt om mensen aan betaald werk te helpen, zoals beide partners toestonden te tonen.
pa-company-no-current = Er wordt geen lopende samenwerking getoond.
pa-company-past = Eerdere samenwerkingen
pa-municipality = Gemeente

## Het onderdeel samenwerkingen van het sectorrapport

report-partnerships-heading = Samenwerking met bedrijven
report-partnerships-yearly = Samenwerkingen en de doorstroom naar werk bij partnerbedrijven staan per jaar in het rapport: kies een jaar.
report-partnerships-intro = Bevestigde samenwerkingen tussen { $wises ->
    [one] één sociale onderneming
   *[other] { $wises } sociale ondernemingen
} en bedrijven die in deze periode liepen, met hun fase aan het eind ervan.
report-partnerships-total = Samenwerkingen
report-partnerships-count = Samenwerkingen
report-partnerships-by-phase = Samenwerkingen per fase
report-partnerships-by-exchange = Samenwerkingen naar wat wordt uitgewisseld (een samenwerking kan meer uitwisselen)
report-partnerships-moves = Doorstroom naar betaald werk bij andere werkgevers, en daarvan bij partnerbedrijven, door de tijd
report-partnerships-period = Periode
report-partnerships-to-partners = Naar partnerbedrijven
report-partnerships-external = Naar andere werkgevers
report-partnerships-share = Aandeel naar partners
report-partnerships-suppressed = Een streepje staat voor een getal dat niet wordt getoond: minder dan drie sociale ondernemingen hebben het, één heeft het grootste deel, het telt minder dan tien mensen, of de rest van de doorstroom naar andere werkgevers zou er dan één verraden.

## De jaarlijkse herinnering om een samenwerking te herzien

digest-partnerships = jaarlijkse herinneringen over samenwerkingen
mail-partnership-review-subject = Tijd om de samenwerking van { $wise } en { $company } te herzien
mail-partnership-review-intro = De samenwerking van { $wise } en { $company } is { $years ->
    [one] een jaar geleden
   *[other] { $years } jaar geleden
} bevestigd. Bekijk samen de fase en vul de zelfevaluatie opnieuw in, zodat u allebei ziet waar u het over eens bent, waar u verschilt en hoe ver u bent gekomen.
mail-partnership-review-phase = Fase nu
mail-partnership-review-reviewed = laatst herzien op { $date }
mail-partnership-review-answered = Zelfevaluatie laatst ingevuld op { $date }
mail-partnership-review-never = De zelfevaluatie is nog niet ingevuld
mail-partnership-review-button = Fase herzien
mail-partnership-review-assessment = Zelfevaluatie invullen
mail-summary-partnerships = { $count ->
    [one] Eén nieuwe samenwerking
   *[other] { $count } nieuwe samenwerkingen
} tussen een sociale onderneming en een bedrijf deze maand ({ $running } lopend in totaal):
mail-summary-partnerships-button = Alle samenwerkingen
